package io.github.itsmejakarta.benchmarks.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of another process, read from Linux's {@code /proc}: the whole process ({@code /proc/<pid>/stat},
 * {@code utime + stime}, every thread that ever ran in it, GC and JIT compiler threads included) and per live thread
 * ({@code /proc/<pid>/task/<tid>/stat} with the thread's name from {@code comm}). The kernel reports both in clock
 * ticks of {@code USER_HZ}, which is 100 on Linux for every architecture this runs on: a resolution of 10 ms, so a
 * measurement must span seconds.
 *
 * <p>Stateless; thread-safe.
 */
final class ProcessCpu {

    /** Nanoseconds per clock tick of {@code /proc/<pid>/stat} ({@code USER_HZ} = 100). */
    static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    /** The process's user + system CPU time in nanoseconds. */
    static long processNanos(long pid) {
        return ticks(read(Path.of("/proc", Long.toString(pid), "stat"))) * NANOS_PER_TICK;
    }

    /**
     * User + system CPU time in nanoseconds of every thread alive now, keyed {@code "<tid> <name>"}. Threads that
     * ended before this call are missing (their time is only in {@link #processNanos(long)}).
     */
    static Map<String, Long> threadNanos(long pid) {
        Map<String, Long> threads = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                try {
                    String name = read(task.resolve("comm")).strip();
                    threads.put(task.getFileName() + " " + name, ticks(read(task.resolve("stat"))) * NANOS_PER_TICK);
                } catch (UncheckedIOException ended) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tasks, e);
        }
        return threads;
    }

    /**
     * What the threads spent between two {@link #threadNanos(long)} snapshots, summed per thread name with its
     * trailing digits folded ({@code "http-thread-poo"} from {@code comm}, {@code "GC Thread#"}), largest first.
     */
    static Map<String, Long> byThreadGroup(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> groups = new TreeMap<>();
        after.forEach((key, nanos) -> {
            long spent = nanos - before.getOrDefault(key, 0L);
            String name = key.substring(key.indexOf(' ') + 1).replaceAll("[0-9]+$", "").strip();
            groups.merge(name, spent, Long::sum);
        });
        Map<String, Long> sorted = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** {@code utime + stime} (fields 14 and 15 of proc(5)) from a {@code stat} line. */
    static long ticks(String statLine) {
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).strip().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

package io.github.itsmejakarta.it.cluster.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application server process started by the suite from a launcher script ({@code standalone.sh},
 * {@code server run}): its command, environment and console log. Started once; stopped by its process id and the ids
 * of the processes it forked (the script and the JVM it launched), SIGTERM first, SIGKILL for what is left after 30 s.
 * A shutdown hook stops it too, so that a test JVM that ends without reaching {@link #close()} leaves no server behind.
 *
 * <p>Not thread-safe for start and stop; {@link #awaitReady} may run on any thread.
 */
public final class ServerProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final List<Path> serverLogs;
    private Process process;
    private Thread hook;

    /**
     * @param serverLogs the server's own log files, read by {@link #logContains} besides the console
     */
    public ServerProcess(String name, List<String> command, Map<String, String> environment, Path log,
            List<Path> serverLogs) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.serverLogs = List.copyOf(serverLogs);
    }

    public String name() {
        return name;
    }

    public void start() throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        hook = new Thread(this::stop, "stop " + name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits until every URI answers 200 (the applications are deployed). */
    public void awaitReady(List<URI> uris, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant end = Instant.now().plus(timeout);
        for (URI uri : uris) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (Instant.now().isAfter(end)) {
                    throw new IllegalStateException(name + ": " + uri + " not ready after " + timeout + "; see " + log);
                }
                Thread.sleep(250);
            }
        }
    }

    /** Whether the console or one of the server's logs holds {@code text}. */
    public boolean logContains(String text) throws IOException {
        List<Path> logs = new ArrayList<>(serverLogs);
        logs.add(log);
        for (Path p : logs) {
            if (Files.exists(p) && Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Total CPU time the server's JVM has used so far (the launcher's, when the launcher is the JVM). */
    public Duration cpu() {
        Process p = process;
        return p == null ? Duration.ZERO : p.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Deletes a directory tree an earlier run left, if any. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        stop();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or ran
            }
            hook = null;
        }
    }

    /**
     * SIGTERM to the launcher and every process it forked (a launcher shell may die on SIGTERM without passing it on
     * to its JVM), then SIGKILL to whatever of them is still alive after 30 s.
     */
    private synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant end = Instant.now().plusSeconds(30);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(Math.max(1, Duration.between(Instant.now(), end).toMillis()), TimeUnit.MILLISECONDS);
            } catch (Exception stillAlive) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        process = null;
    }

    @Override
    public String toString() {
        return name;
    }
}

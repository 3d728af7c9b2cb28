package io.github.itsmejakarta.benchmarks.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading CPU time from {@code /proc}: the fields that count, thread names folded. */
class ProcessCpuTest {

    @Test
    void utimePlusStimeAfterACommandNameWithSpacesAndParentheses() {
        // proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
        String line = "4242 (C2 Compiler) (x)) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 7 8 20 0 12 0";
        assertThat(ProcessCpu.ticks(line)).isEqualTo(1234 + 56);
        String other = "7 (java) R 1 7 7 0 -1 4194560 100 0 0 0 3 4 0 0 20 0 1 0";
        assertThat(ProcessCpu.ticks(other)).isEqualTo(7);
    }

    @Test
    void thisProcessHasSpentCpuAndItsThreadsAreListed() {
        long pid = ProcessHandle.current().pid();
        long before = ProcessCpu.processNanos(pid);
        long spin = System.nanoTime();
        double sink = 0;
        while (System.nanoTime() - spin < 50_000_000L) { // enough ticks to move the counter, not a timing assertion
            sink += Math.sqrt(sink + 1);
        }
        assertThat(sink).isPositive();
        assertThat(ProcessCpu.processNanos(pid)).isGreaterThan(before);
        assertThat(ProcessCpu.threadNanos(pid)).isNotEmpty().allSatisfy((name, nanos) -> assertThat(nanos)
                .isNotNegative());
    }

    @Test
    void threadGroupsFoldTrailingNumbersAndSubtractTheFirstSnapshot() {
        Map<String, Long> before = Map.of("11 GC Thread#0", 10L, "12 GC Thread#1", 20L, "13 main", 5L);
        Map<String, Long> after = Map.of("11 GC Thread#0", 15L, "12 GC Thread#1", 30L, "13 main", 5L,
                "14 C2 CompilerThre",
                7L);
        assertThat(ProcessCpu.byThreadGroup(before, after)).containsExactly(Map.entry("GC Thread#", 15L), Map.entry(
                "C2 CompilerThre", 7L), Map.entry("main", 0L));
    }
}

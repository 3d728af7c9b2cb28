package io.github.itsmejakarta.it.cluster.support;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops what the suite started, by process id: the process and the children it forked, nothing else. */
final class Processes {

    private Processes() {
    }

    /** SIGTERM to the process, then SIGKILL to whatever of it and its children is left after {@code seconds}. */
    static void stop(Process process, int seconds) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }
}

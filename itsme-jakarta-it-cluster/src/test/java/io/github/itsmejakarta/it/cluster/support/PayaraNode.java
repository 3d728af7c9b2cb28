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

/**
 * One Payara Micro process of the cluster: its own HTTP port and Hazelcast port on 127.0.0.1, joined to the other
 * members by TCP/IP only ({@code --clustermode tcpip:...}, {@code --interfaces 127.0.0.1}: no multicast, no other
 * interface), host-aware partitioning off (both members share an address, and with it on Hazelcast keeps no backup
 * on the other member), the same WARs deployed. Started and stopped by process id.
 */
public final class PayaraNode implements AutoCloseable {

    private final String name;
    private final int httpPort;
    private final Path log;
    private final Path root;
    private final List<String> command;
    private Process process;

    /**
     * @param members every member's Hazelcast address, {@code 127.0.0.1:port}, comma-separated
     */
    public PayaraNode(String name, int httpPort, int hazelcastPort, String members, String clusterName, Path work,
            List<Path> wars) {
        this.name = name;
        this.httpPort = httpPort;
        this.root = work.resolve("node-" + name);
        this.log = work.resolve("node-" + name + ".log");
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : System.getProperty("cluster.server.jvm", "").trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                c.add(opt);
            }
        }
        c.add("-Djava.io.tmpdir=" + root.resolve("tmp"));
        c.add("-Djava.net.preferIPv4Stack=true");
        c.add("-Dcluster.node=" + name);
        c.addAll(List.of("-jar", System.getProperty("cluster.payara.jar"), "--rootdir", root.toString(), "--port",
                Integer.toString(httpPort), "--prebootcommandfile", System.getProperty("cluster.preboot"),
                "--clustermode", "tcpip:" + members, "--interfaces", "127.0.0.1", "--startport",
                Integer.toString(hazelcastPort), "--clustername", clusterName, "--nohostaware", "--name",
                "node-" + name));
        for (Path war : wars) {
            c.add("--deploy");
            c.add(war.toString());
        }
        this.command = List.copyOf(c);
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path log() {
        return log;
    }

    public synchronized void start() throws IOException {
        // a root directory left by an earlier run would deploy its applications again beside the new ones
        deleteTree(root);
        Files.createDirectories(log.getParent());
        Files.createDirectories(Path.of(command.stream().filter(s -> s.startsWith("-Djava.io.tmpdir="))
                .findFirst().orElseThrow().substring("-Djava.io.tmpdir=".length())));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    }

    /** Waits until every context answers its public page with 200. */
    public void awaitReady(List<String> contexts, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant end = Instant.now().plus(timeout);
        for (String context : contexts) {
            URI uri = URI.create("http://127.0.0.1:" + httpPort + "/" + context + "/public");
            while (true) {
                if (!isAlive()) {
                    throw new IllegalStateException("node " + name + " exited; see " + log);
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
                    throw new IllegalStateException("node " + name + " not ready after " + timeout + "; see " + log);
                }
                Thread.sleep(500);
            }
        }
    }

    /** Waits until the node's log shows Payara's data grid with {@code size} members. */
    public void awaitMembers(int size, Duration timeout) throws InterruptedException, IOException {
        Instant end = Instant.now().plus(timeout);
        String expected = "DG Size: " + size;
        while (!Files.readString(log).contains(expected)) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("node " + name + " never saw " + size + " members; see " + log);
            }
            Thread.sleep(500);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Total CPU time the process has used so far. */
    public Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public synchronized void close() {
        Processes.stop(process, 30);
        process = null;
    }
}

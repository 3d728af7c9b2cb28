package io.github.itsmejakarta.it.cluster.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Payara Micro process of the cluster: its own HTTP port and Hazelcast port on 127.0.0.1, joined to the other
 * members by TCP/IP only ({@code --clustermode tcpip:...}, {@code --interfaces 127.0.0.1}: no multicast, no other
 * interface), host-aware partitioning off (both members share an address, and with it on Hazelcast keeps no backup
 * on the other member), the same WARs deployed. Started and stopped by process id ({@link ServerProcess}).
 */
public final class PayaraNode implements AutoCloseable {

    private final String name;
    private final int httpPort;
    private final Path log;
    private final Path root;
    private final ServerProcess process;

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
        this.process = new ServerProcess("node-" + name, c, Map.of(), log, List.of());
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
        ServerProcess.deleteTree(root);
        Files.createDirectories(root.resolve("tmp"));
        process.start();
    }

    /** Waits until every context answers its public page with 200. */
    public void awaitReady(List<String> contexts, Duration timeout) throws InterruptedException {
        process.awaitReady(
                contexts.stream().map(c -> URI.create("http://127.0.0.1:" + httpPort + "/" + c + "/public")).toList(),
                timeout);
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

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Total CPU time the process has used so far. */
    public Duration cpu() {
        return process.cpu();
    }

    @Override
    public synchronized void close() {
        process.close();
    }
}

package io.github.itsmejakarta.it.cluster.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;

import io.github.itsmejakarta.testkit.ItsmeSimulator;

/**
 * The whole topology, loopback only: the itsme simulator, two Payara Micro nodes clustered by Payara's Hazelcast with
 * the same WARs (one per login-state mode), nginx in front. {@link #close()} stops everything that was started, by
 * process id, whatever failed.
 */
public final class Cluster implements AutoCloseable {

    public static final List<String> MODES = List.of("session", "cookie");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    public final Tls tls;
    public final SSLContext sslContext;
    public final ItsmeSimulator itsme;
    public final PayaraNode a;
    public final PayaraNode b;
    public final Nginx nginx;

    private Cluster(Tls tls, ItsmeSimulator itsme, PayaraNode a, PayaraNode b, Nginx nginx) {
        this.tls = tls;
        this.sslContext = tls.sslContext();
        this.itsme = itsme;
        this.a = a;
        this.b = b;
        this.nginx = nginx;
    }

    /** Starts everything; on any failure stops what already runs and rethrows. */
    public static Cluster start(Map<String, String> extraConfig) throws Exception {
        Path work = Path.of(System.getProperty("cluster.work"));
        Files.createDirectories(work);
        int proxyPort = Integer.getInteger("cluster.proxy.port");
        int aPort = Integer.getInteger("cluster.a.port");
        int bPort = Integer.getInteger("cluster.b.port");
        int aHz = Integer.getInteger("cluster.a.hz.port");
        int bHz = Integer.getInteger("cluster.b.hz.port");

        Tls tls = Tls.generate(work.resolve("tls"));
        tls.trustByDefault(); // before the simulator builds its HTTP client
        ItsmeSimulator itsme = null;
        PayaraNode a = null;
        PayaraNode b = null;
        Nginx nginx = null;
        try {
            itsme = ItsmeSimulator.builder().port(0).build().start();
            URI proxy = URI.create("https://127.0.0.1:" + proxyPort + "/");
            Path wars = work.resolve("wars");
            Files.createDirectories(wars);
            List<Path> files = new ArrayList<>();
            for (String mode : MODES) {
                files.add(ClusterApps.build(mode, proxy, itsme, extraConfig, wars));
            }
            String members = "127.0.0.1:" + aHz + ",127.0.0.1:" + bHz;
            String clusterName = "itsme-it-" + UUID.randomUUID().toString().substring(0, 8);
            a = new PayaraNode("a", aPort, aHz, members, clusterName, work, files);
            b = new PayaraNode("b", bPort, bHz, members, clusterName, work, files);
            a.start();
            b.start();
            PayaraNode fa = a;
            PayaraNode fb = b;
            CompletableFuture<Void> readyA = CompletableFuture.runAsync(() -> ready(fa));
            CompletableFuture<Void> readyB = CompletableFuture.runAsync(() -> ready(fb));
            CompletableFuture.allOf(readyA, readyB).join();
            a.awaitMembers(2, Duration.ofSeconds(60));
            b.awaitMembers(2, Duration.ofSeconds(60));
            nginx = Nginx.start(System.getProperty("cluster.nginx", "nginx"), work.resolve("nginx"), proxyPort, tls,
                    aPort, bPort);
            return new Cluster(tls, itsme, a, b, nginx);
        } catch (Exception | Error e) {
            stopAll(nginx, a, b, itsme);
            throw e;
        }
    }

    private static void ready(PayaraNode node) {
        try {
            node.awaitReady(MODES, START_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI proxy() {
        return nginx.base();
    }

    public URI app(String mode) {
        return ClusterApps.base(proxy(), mode);
    }

    public ItsmeUser user() {
        return new ItsmeUser(itsme, sslContext);
    }

    @Override
    public void close() {
        stopAll(nginx, a, b, itsme);
    }

    private static void stopAll(Nginx nginx, PayaraNode a, PayaraNode b, ItsmeSimulator itsme) {
        for (AutoCloseable c : new AutoCloseable[]{nginx, a, b, itsme}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("stopping " + c + ": " + e);
                }
            }
        }
    }
}

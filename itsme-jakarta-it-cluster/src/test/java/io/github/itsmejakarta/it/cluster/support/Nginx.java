package io.github.itsmejakarta.it.cluster.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Debian's nginx with a configuration of the suite's own ({@code nginx -c FILE -p DIR}, {@code daemon off}, never the
 * system service): TLS terminated on a loopback port with {@link Tls}'s certificate, round robin over the nodes with
 * no session affinity, and the headers a TLS-terminating proxy sets ({@code Host}, {@code X-Forwarded-Proto: https},
 * {@code X-Forwarded-Host}, {@code X-Forwarded-For}) on the plain-http loopback hop to the nodes.
 *
 * <p>For the tests only: a request carrying {@value #PIN_HEADER}{@code : a} (or {@code b}) goes to that node, so that a
 * test can make the balancer's choice deterministic (start on A, call back on B). Every answer carries the node that
 * served it in {@value #UPSTREAM_HEADER}.
 */
public final class Nginx implements AutoCloseable {

    public static final String PIN_HEADER = "X-Cluster-Test-Node";
    public static final String UPSTREAM_HEADER = "X-Cluster-Upstream";

    private final Process process;
    private final Path dir;
    private final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    public static Nginx start(String executable, Path dir, int port, Tls tls, int nodeA, int nodeB)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("tmp"));
        Files.createDirectories(dir.resolve("logs"));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, port, tls, nodeA, nodeB));
        Process process = new ProcessBuilder(executable, "-c", conf.toString(), "-p", dir.toString(), "-e",
                dir.resolve("logs/error.log").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/nginx.out").toFile()).start();
        Nginx nginx = new Nginx(process, dir, port);
        try {
            nginx.awaitListening(Duration.ofSeconds(30));
        } catch (RuntimeException | InterruptedException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    /** The configuration as a production proxy would have it, plus the test's pin header. */
    static String config(Path dir, int port, Tls tls, int nodeA, int nodeB) {
        String d = dir.toAbsolutePath().toString();
        return """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                events { worker_connections 1024; }
                http {
                  log_format upstream '$remote_addr "$request" $status $body_bytes_sent upstream=$upstream_addr';
                  access_log %1$s/logs/access.log upstream;
                  client_body_temp_path %1$s/tmp/body;
                  proxy_temp_path %1$s/tmp/proxy;
                  fastcgi_temp_path %1$s/tmp/fastcgi;
                  uwsgi_temp_path %1$s/tmp/uwsgi;
                  scgi_temp_path %1$s/tmp/scgi;
                  # long authorization URLs and large cookies both ways
                  large_client_header_buffers 4 16k;
                  proxy_buffer_size 16k;
                  proxy_buffers 8 16k;

                  # round robin, no affinity: a browser's requests alternate between the nodes
                  upstream nodes { server 127.0.0.1:%3$d; server 127.0.0.1:%4$d; keepalive 8; }
                  upstream node_a { server 127.0.0.1:%3$d; }
                  upstream node_b { server 127.0.0.1:%4$d; }
                  # test only: pin one request to a node
                  map $http_x_cluster_test_node $backend { a node_a; b node_b; default nodes; }

                  server {
                    listen 127.0.0.1:%2$d ssl;
                    ssl_certificate %5$s;
                    ssl_certificate_key %6$s;
                    location / {
                      proxy_pass http://$backend;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      # what a TLS-terminating proxy must forward: the public host and the scheme the browser used
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-Host $http_host;
                      proxy_set_header X-Forwarded-Proto https;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Cluster-Test-Node "";
                      add_header X-Cluster-Upstream $upstream_addr always;
                    }
                  }
                }
                """.formatted(d, port, nodeA, nodeB, tls.certificate().toAbsolutePath(),
                tls.privateKey().toAbsolutePath());
    }

    public URI base() {
        return URI.create("https://127.0.0.1:" + port + "/");
    }

    public Path accessLog() {
        return dir.resolve("logs/access.log");
    }

    private void awaitListening(Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": " + log());
            }
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx does not listen on " + port + " after " + timeout + ": " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("logs/error.log"));
        } catch (IOException e) {
            return "(no error log)";
        }
    }

    @Override
    public void close() {
        Processes.stop(process, 10);
    }
}

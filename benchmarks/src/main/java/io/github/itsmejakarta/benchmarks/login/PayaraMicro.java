package io.github.itsmejakarta.benchmarks.login;

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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Payara Micro in its own process, serving one WAR on 127.0.0.1 only (a preboot command binds the HTTP listener to
 * loopback; {@code --nohazelcast} opens no cluster port). Its root directory, temp directory and log live in the work
 * directory. {@link #close()} stops exactly the process it started, by its process handle.
 *
 * <p>Not thread-safe.
 */
final class PayaraMicro implements AutoCloseable {

    private static final String LOOPBACK_LISTENER = "set configs.config.server-config.network-config.network-listeners"
            + ".network-listener.http-listener.address=127.0.0.1";

    private final Process process;
    private final Path log;

    private PayaraMicro(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts Payara Micro with {@code war} under {@code /contextRoot} on {@code port}, with the given JVM options
     * (e.g. {@code -D} system properties, the application's MicroProfile Config overrides), and waits until
     * {@code readyUri} answers 200.
     */
    static PayaraMicro start(Path payaraJar, Path war, String contextRoot, int port, List<String> jvmOptions,
            Path work, URI readyUri, Duration timeout) throws IOException, InterruptedException {
        Path root = work.resolve("payara");
        deleteRecursively(root); // Payara Micro redeploys whatever an old root directory holds
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path preboot = Files.writeString(work.resolve("preboot.txt"), LOOPBACK_LISTENER + "\n");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-Djava.net.preferIPv4Stack=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", payaraJar.toString(), "--nohazelcast", "--port", Integer.toString(port),
                "--contextroot", contextRoot, "--rootdir", root.toString(), "--prebootcommandfile", preboot.toString(),
                "--deploy", war.toString()));
        Path log = work.resolve("payara-micro.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PayaraMicro payara = new PayaraMicro(process, log);
        try {
            payara.awaitReady(readyUri, timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            payara.close();
            throw e;
        }
        return payara;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(URI uri, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped (exit " + process.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(uri + " did not answer 200 within " + timeout + "; see " + log);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

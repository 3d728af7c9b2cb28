package io.github.itsmejakarta.examples.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.ItsmeSimulatorMain;

/**
 * Runs the quickstart as a user would: the standalone itsme simulator ({@link ItsmeSimulatorMain}) and the WAR on
 * Payara Micro in its own process, both bound to 127.0.0.1. Used by the demo ({@link QuickstartDemo}) and the
 * browser test. Everything it writes (keys, Payara's root directory, temp files, the server log) goes under the work
 * directory in {@code target/}.
 *
 * <p>With {@code itsme=e2e} no simulator is started and no itsme setting is passed: Payara Micro inherits the
 * environment, where {@code ITSME_*} variables point the application at itsme's E2E sandbox.
 *
 * <p>Not thread-safe; {@link #close()} stops both.
 */
final class QuickstartRunner implements AutoCloseable {

    static final String CONTEXT_ROOT = "quickstart";
    static final String CLIENT_ID = "quickstart";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    /** Where things are and which ports to use (0 = a free one). */
    record Settings(Path war, Path payaraJar, Path work, Path preboot, int port, int simulatorPort, boolean e2e) {

        static Settings fromSystemProperties() {
            return new Settings(path("quickstart.war"), path("quickstart.payara-jar"), path("quickstart.work"),
                    path("quickstart.preboot"), Integer.getInteger("quickstart.port", 0),
                    Integer.getInteger("quickstart.simulator-port", 0),
                    "e2e".equalsIgnoreCase(System.getProperty("quickstart.itsme", "simulator")));
        }

        private static Path path(String property) {
            String value = System.getProperty(property);
            if (value == null) {
                throw new IllegalStateException("system property " + property + " is not set (run through Maven)");
            }
            return Path.of(value).toAbsolutePath();
        }
    }

    private final ItsmeSimulator simulator;
    private final Process payara;
    private final URI application;
    private final Path log;

    private QuickstartRunner(ItsmeSimulator simulator, Process payara, URI application, Path log) {
        this.simulator = simulator;
        this.payara = payara;
        this.application = application;
        this.log = log;
    }

    static QuickstartRunner start(Settings settings) throws IOException, InterruptedException {
        if (!Files.isRegularFile(settings.war()) || !Files.isRegularFile(settings.payaraJar())) {
            throw new IllegalStateException("build first: missing " + settings.war() + " or " + settings.payaraJar());
        }
        Path work = Files.createDirectories(settings.work());
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        // Payara Micro redeploys whatever an old root directory holds: start from an empty one
        Path root = work.resolve("payara");
        deleteRecursively(root);
        int port = settings.port() == 0 ? freePort() : settings.port();
        URI application = URI.create("http://127.0.0.1:" + port + "/" + CONTEXT_ROOT + "/");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-Djava.net.preferIPv4Stack=true"));
        ItsmeSimulator simulator = null;
        if (!settings.e2e()) {
            simulator = ItsmeSimulatorMain.start("--port", String.valueOf(settings.simulatorPort()), "--client-id",
                    CLIENT_ID, "--jwks-uri", application.resolve("itsme/jwks").toString(), "--redirect-uri",
                    application.resolve("itsme/callback").toString(), "--service", "QUICKSTART_LOGIN=LOGIN",
                    "--service", "QUICKSTART_CONFIRM=CONFIRM");
            Path jwks = writePrivate(work.resolve("rp-private-jwks.json"),
                    RelyingPartyKeys.generate().privateJwkSetJson());
            command.add("-Ditsme.discovery-uri=" + simulator.discoveryUri());
            command.add("-Ditsme.redirect-uri=" + application.resolve("itsme/callback"));
            command.add("-Ditsme.private-jwks-location=file:" + jwks);
        }
        command.addAll(List.of("-jar", settings.payaraJar().toString(), "--nohazelcast", "--port",
                String.valueOf(port), "--contextroot", CONTEXT_ROOT, "--rootdir", root.toString(),
                "--prebootcommandfile", settings.preboot().toString(), "--deploy", settings.war().toString()));
        Path log = work.resolve("payara-micro.log");
        Process payara = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        QuickstartRunner runner = new QuickstartRunner(simulator, payara, application, log);
        try {
            runner.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            runner.close();
            throw e;
        }
        return runner;
    }

    URI application() {
        return application;
    }

    /** The simulator, or {@code null} against itsme's E2E sandbox. */
    ItsmeSimulator simulator() {
        return simulator;
    }

    Path log() {
        return log;
    }

    boolean payaraAlive() {
        return payara.isAlive();
    }

    @Override
    public void close() {
        payara.destroy();
        try {
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            payara.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!payara.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped (exit " + payara.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(application)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the quickstart did not answer within " + STARTUP_TIMEOUT + "; see " + log);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        return Files.writeString(file, content);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

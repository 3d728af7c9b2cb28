package io.github.itsmejakarta.benchmarks.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.itsmejakarta.benchmarks.login.floor.FloorWar;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.ServiceType;
import io.github.itsmejakarta.testkit.SimulatedClient;
import io.github.itsmejakarta.testkit.TestPersons;

/**
 * What a whole login costs the server: runs N itsme logins through the quickstart WAR on Payara Micro and divides
 * Payara's process CPU time over them, beside the floor of the RSA operations such a login needs, measured in this
 * run on this machine ({@link RsaFloor}).
 *
 * <p>The itsme simulator runs in this process (auto-approving {@link TestPersons#BELGIAN_EID_HOLDER}), Payara Micro
 * in its own ({@link PayaraMicro}), so that only the server's work is in the server's CPU time; both listen on
 * 127.0.0.1 only. Logins run one after another ({@link LoginFlow}): a warm-up, a quiet pause that measures what the
 * idle server costs, the measured logins, optionally a further batch under JFR (never the measured one, since
 * recording costs CPU). Every loop is bounded by its count and by {@code load.max-seconds}; both servers are stopped
 * at the end, Payara by the process it started.
 *
 * <p>Run through Maven (the {@code login-load} profile of this module sets the paths): see the module README. System
 * properties: {@code load.logins} (measured, default 1000), {@code load.warmup} (default 1000),
 * {@code load.protected-page} ({@code true}: follow the callback's redirect to the quickstart's {@code /me}, which
 * also reads itsme's userinfo; {@code false}: stop at the callback, where the login is complete), {@code load.jfr}
 * ({@code true}: one more batch under JFR, then its top frames), {@code load.max-seconds} (default 900),
 * {@code load.war}, {@code load.payara-jar}, {@code load.work}; the warm-up goes on until the JIT has settled
 * ({@code load.jit-settled}, {@code load.settle-batch}, {@code load.max-warmup}: see {@link #settleJit}).
 * {@code load.app=floor} runs the container's floor instead of the quickstart: the same requests answered by a
 * trivial mechanism and page ({@link FloorWar}), with {@code load.floor-outbound=true} one outbound GET where the
 * itsme mechanism calls itsme.
 */
public final class LoginLoad {

    private static final String CLIENT_ID = "quickstart";

    private LoginLoad() {
    }

    public static void main(String[] args) throws Exception {
        // the simulator runs on the JDK's HttpServer, which by default leaves Nagle's algorithm on: its answers (headers,
        // then body) then wait for the client's delayed ACK, about 40 ms per call to the token or userinfo endpoint.
        // itsme's servers do not stall like that, and a stalled call also costs the server more CPU (every wake-up
        // finds its caches cold), so the driver turns it off before the simulator starts
        System.setProperty("sun.net.httpserver.nodelay", "true");
        boolean floorApp = "floor".equals(System.getProperty("load.app", "quickstart"));
        boolean floorOutbound = Boolean.getBoolean("load.floor-outbound");
        String contextRoot = floorApp ? "floor" : "quickstart";
        int logins = Integer.getInteger("load.logins", 1000);
        int warmup = Integer.getInteger("load.warmup", 1000);
        boolean protectedPage = Boolean.parseBoolean(System.getProperty("load.protected-page", "true"));
        boolean jfr = Boolean.getBoolean("load.jfr");
        Instant deadline = Instant.now().plusSeconds(Long.getLong("load.max-seconds", 900));
        Path war = floorApp ? null : path("load.war");
        Path payaraJar = path("load.payara-jar");
        Path work = Files.createDirectories(path("load.work"));
        if (floorApp) {
            war = FloorWar.write(work.resolve("floor.war"));
        }
        if (logins < 1 || warmup < 0 || !Files.isRegularFile(war) || !Files.isRegularFile(payaraJar)) {
            throw new IllegalArgumentException("need load.logins >= 1, load.warmup >= 0 and the WAR and Payara jar: "
                    + war + ", " + payaraJar);
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s (%s); load average at start: %s%n", Runtime
                .getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"),
                System
                        .getProperty("java.vm.name"),
                loadAverage());

        int port = freePort();
        URI app = URI.create("http://127.0.0.1:" + port + "/" + contextRoot + "/");
        URI callback = app.resolve("itsme/callback");
        Path jwks = writePrivate(work.resolve("rp-private-jwks.json"), RelyingPartyKeys.generate()
                .privateJwkSetJson());
        try (ItsmeSimulator simulator = ItsmeSimulator.builder().port(0).client(SimulatedClient.builder(CLIENT_ID)
                .jwksUri(app.resolve("itsme/jwks")).redirectUri(callback.toString()).service("QUICKSTART_LOGIN",
                        ServiceType.LOGIN)
                .service("QUICKSTART_CONFIRM", ServiceType.CONFIRM).build()).build()
                .start()) {
            simulator.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
            System.out.println("starting Payara Micro (about 20 s)...");
            // the quickstart's own settings, pointed at this simulator, this port and these keys (MicroProfile Config:
            // system properties override the WAR's microprofile-config.properties)
            List<String> jvmOptions = new ArrayList<>(List.of("-Ditsme.discovery-uri=" + simulator.discoveryUri(),
                    "-Ditsme.redirect-uri=" + callback, "-Ditsme.private-jwks-location=file:" + jwks));
            if (floorApp) {
                System.out.println("application: the container floor (login.floor.FloorWar: a trivial mechanism and"
                        + " page, no itsme cryptography)" + (floorOutbound
                                ? ", one outbound GET of the simulator's"
                                        + " discovery document where the itsme mechanism calls the token and userinfo"
                                        + " endpoints"
                                : ", no outbound calls"));
                if (floorOutbound) {
                    jvmOptions.add("-Dfloor.outbound-uri=" + simulator.discoveryUri());
                }
            }
            if (jfr) {
                jvmOptions.add("-XX:FlightRecorderOptions:stackdepth=256"); // Payara's stacks pass JFR's default 64
            }
            try (PayaraMicro payara = PayaraMicro.start(payaraJar, war, contextRoot, port, jvmOptions, work, app,
                    Duration.ofMinutes(5))) {
                run(payara, new LoginFlow(app.resolve("me"), floorApp ? null : simulator.issuer(), callback,
                        protectedPage,
                        "id=\"sub\""), logins, warmup, protectedPage, jfr, deadline, work);
            }
        }
    }

    private static void run(PayaraMicro payara, LoginFlow flow, int logins, int warmup, boolean protectedPage,
            boolean jfr, Instant deadline, Path work) throws Exception {
        RsaFloor floor = new RsaFloor();
        RsaFloor.Figures before = floor.measure(40);
        System.out.printf(Locale.ROOT, "RSA floor before: sign %.1f us, unwrap %.1f us, verify %.1f us (thread CPU)%n",
                before.signNanos() / 1e3, before.unwrapNanos() / 1e3, before.verifyNanos() / 1e3);

        Instant warmStart = Instant.now();
        int warmed = runLogins(flow, warmup, deadline);
        System.out.printf(Locale.ROOT, "warm-up: %d logins in %.1f s%n", warmed, seconds(warmStart, Instant.now()));
        warmed += settleJit(payara, flow, warmed, deadline);

        // what the server spends doing nothing, to see how much of the measured CPU is background
        long idleCpu = ProcessCpu.processNanos(payara.pid());
        long idleStart = System.nanoTime();
        Thread.sleep(5000);
        double idleCpuPerSecond = (ProcessCpu.processNanos(payara.pid()) - idleCpu) / ((System.nanoTime()
                - idleStart) / 1e9);

        com.sun.management.OperatingSystemMXBean self = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        String loadAtStart = loadAverage();
        Map<String, Long> threadsBefore = ProcessCpu.threadNanos(payara.pid());
        long cpuBefore = ProcessCpu.processNanos(payara.pid());
        long selfBefore = self.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        int measured = runLogins(flow, logins, deadline);
        long wall = System.nanoTime() - wallBefore;
        long selfCpu = self.getProcessCpuTime() - selfBefore;
        long cpu = ProcessCpu.processNanos(payara.pid()) - cpuBefore;
        Map<String, Long> threadsAfter = ProcessCpu.threadNanos(payara.pid());
        String loadAtEnd = loadAverage();

        RsaFloor.Figures after = floor.measure(40);
        System.out.printf(Locale.ROOT, "RSA floor after:  sign %.1f us, unwrap %.1f us, verify %.1f us (thread CPU)%n",
                after.signNanos() / 1e3, after.unwrapNanos() / 1e3, after.verifyNanos() / 1e3);
        int unwraps = protectedPage ? 2 : 1;
        int verifies = protectedPage ? 2 : 1;
        double floorPerLogin = (before.loginNanos(unwraps, verifies) + after.loginNanos(unwraps, verifies)) / 2;
        double cpuPerLogin = cpu / (double) measured;
        double idlePerLogin = idleCpuPerSecond * (wall / 1e9) / measured;

        System.out.println();
        System.out.println("================ login CPU ================");
        System.out.printf(Locale.ROOT, "logins measured: %d (after %d warm-up logins)%s; %s%n", measured, warmed,
                measured < logins ? " -- STOPPED BY load.max-seconds" : "", protectedPage
                        ? "protected page -> simulator -> callback -> protected page (/me reads userinfo)"
                        : "protected page -> simulator -> callback (login complete; /me not opened, no userinfo)");
        System.out.printf(Locale.ROOT, "wall: %.2f s (%.1f logins/s); load average %s -> %s%n", wall / 1e9, measured
                / (wall / 1e9), loadAtStart, loadAtEnd);
        System.out.printf(Locale.ROOT, "Payara process CPU: %.2f s = %.0f us per login (idle server: %.1f ms CPU/s,"
                + " %.0f us per login of it)%n", cpu / 1e9, cpuPerLogin / 1e3, idleCpuPerSecond / 1e6,
                idlePerLogin
                        / 1e3);
        System.out.printf(Locale.ROOT, "RSA floor per login: 1 sign + %d unwrap + %d verify = %.0f us%n", unwraps,
                verifies, floorPerLogin / 1e3);
        System.out.printf(Locale.ROOT, "ratio server CPU / floor: %.2f  (goal <= 1.15)%n", cpuPerLogin / floorPerLogin);
        Map<String, Long> byGroup = ProcessCpu.byThreadGroup(threadsBefore, threadsAfter);
        long jitNanos = byGroup.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre")).mapToLong(
                Map.Entry::getValue).sum();
        long requestNanos = byGroup.getOrDefault("http-thread-poo", 0L);
        long httpClientNanos = byGroup.entrySet().stream().filter(e -> e.getKey().startsWith("HttpClient-"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf(Locale.ROOT, "per login: JIT compiler threads %.0f us, without them %.0f us (%.2f x floor);"
                + " request threads %.0f us; JDK HttpClient threads %.0f us%n", jitNanos / 1e3 / measured,
                (cpu
                        - jitNanos) / 1e3 / measured,
                (cpu - jitNanos) / (double) measured / floorPerLogin,
                requestNanos / 1e3 / measured, httpClientNanos / 1e3 / measured);
        System.out.printf(Locale.ROOT, "load driver + simulator process CPU: %.2f s = %.0f us per login%n", selfCpu
                / 1e9, selfCpu / 1e3 / measured);
        System.out.println("Payara CPU by thread (live threads, us per login):");
        ProcessCpu.byThreadGroup(threadsBefore, threadsAfter).entrySet().stream().filter(e -> e.getValue() > 0)
                .limit(15).forEach(e -> System.out.printf(Locale.ROOT, "  %8.0f  %s%n", e.getValue() / 1e3
                        / measured, e.getKey()));

        if (jfr) {
            profile(payara, flow, logins, deadline, work);
        }
    }

    /**
     * Payara is a large code base: after thousands of logins its JIT compilers are still compiling it (measured: C2
     * took a fifth to a half of the server's CPU in the 1 000 logins after a 3 000-login warm-up). So the warm-up goes
     * on in batches of {@code load.settle-batch} logins (default 500) until the JIT compiler threads took at most
     * {@code load.jit-settled} (default 0.03) of the server's CPU during the last batch, or until
     * {@code load.max-warmup} logins (default 30 000) or the time limit. Returns the logins it added.
     */
    private static int settleJit(PayaraMicro payara, LoginFlow flow, int warmed, Instant deadline) throws Exception {
        int batch = Integer.getInteger("load.settle-batch", 500);
        double settled = Double.parseDouble(System.getProperty("load.jit-settled", "0.03"));
        int maxWarmup = Integer.getInteger("load.max-warmup", 30_000);
        int added = 0;
        Instant start = Instant.now();
        while (warmed + added < maxWarmup && Instant.now().isBefore(deadline.minusSeconds(120))) {
            Map<String, Long> threadsBefore = ProcessCpu.threadNanos(payara.pid());
            long cpuBefore = ProcessCpu.processNanos(payara.pid());
            int done = runLogins(flow, batch, deadline);
            added += done;
            long cpu = ProcessCpu.processNanos(payara.pid()) - cpuBefore;
            long jit = ProcessCpu.byThreadGroup(threadsBefore, ProcessCpu.threadNanos(payara.pid())).entrySet()
                    .stream().filter(e -> e.getKey().contains("CompilerThre")).mapToLong(Map.Entry::getValue).sum();
            double share = cpu == 0 ? 0 : jit / (double) cpu;
            if (share <= settled || done < batch) {
                System.out.printf(Locale.ROOT, "JIT settled: %.1f %% of the server's CPU in the last %d logins, after"
                        + " %d more warm-up logins (%.1f s)%n", share * 100, done, added,
                        seconds(start, Instant
                                .now()));
                return added;
            }
        }
        System.out.printf(Locale.ROOT, "JIT NOT settled after %d more warm-up logins (%.1f s): measuring anyway%n",
                added, seconds(start, Instant.now()));
        return added;
    }

    /** One more batch under JFR ({@code jcmd JFR.start}, profile settings), then its summary. */
    private static void profile(PayaraMicro payara, LoginFlow flow, int logins, Instant deadline, Path work)
            throws Exception {
        Path recording = work.resolve("login-load.jfr");
        Files.deleteIfExists(recording);
        jcmd(payara.pid(), "JFR.start", "name=login-load", "settings=profile", "filename=" + recording);
        long cpuBefore = ProcessCpu.processNanos(payara.pid());
        int done = runLogins(flow, logins, deadline);
        long cpu = ProcessCpu.processNanos(payara.pid()) - cpuBefore;
        jcmd(payara.pid(), "JFR.stop", "name=login-load");
        System.out.println();
        System.out.printf(Locale.ROOT, "================ JFR batch: %d logins, %.0f us Payara CPU per login (with"
                + " JFR on) ================%n", done, cpu / 1e3 / Math.max(done, 1));
        System.out.println("recording: " + recording + " (jfr print --events jdk.ExecutionSample " + recording + ")");
        JfrSummary.print(recording, 25);
    }

    private static int runLogins(LoginFlow flow, int count, Instant deadline) throws Exception {
        for (int i = 0; i < count; i++) {
            if (Instant.now().isAfter(deadline)) {
                return i;
            }
            flow.login();
        }
        return count;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven: see"
                    + " benchmarks/README.md)");
        }
        return Path.of(value).toAbsolutePath();
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
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

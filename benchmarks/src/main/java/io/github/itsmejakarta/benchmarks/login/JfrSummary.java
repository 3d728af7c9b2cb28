package io.github.itsmejakarta.benchmarks.login;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's Java threads spent their samples: reads the {@code jdk.ExecutionSample} events of a JFR
 * recording (the same events {@code jfr print --events jdk.ExecutionSample} prints) and counts the top frames (self
 * time), the samples whose stack passes through a few code areas (inclusive: an RSA operation inside core counts for
 * both), and the samples per thread. JFR samples only threads running Java code: the GC and JIT compiler threads are
 * not in it (see the per-thread CPU from {@code /proc} instead).
 *
 * <p>Stateless; thread-safe.
 */
final class JfrSummary {

    /** Code areas counted inclusively: a label and the class-name prefixes that mark it. */
    private static final Map<String, List<String>> AREAS = areas();

    private JfrSummary() {
    }

    private static Map<String, List<String>> areas() {
        Map<String, List<String>> areas = new LinkedHashMap<>();
        areas.put("RSA private/public key operations (sun.security.rsa.RSACore)", List.of("sun.security.rsa.RSACore"));
        areas.put("other JCA crypto (AES, HMAC, SHA, SecureRandom)", List.of("com.sun.crypto.provider.",
                "sun.security.provider.", "javax.crypto."));
        areas.put("itsme-jakarta core", List.of("io.github.itsmejakarta.core."));
        areas.put("itsme-jakarta cdi (mechanism)", List.of("io.github.itsmejakarta.cdi."));
        areas.put("smallrye-jwt-build", List.of("io.smallrye.jwt."));
        areas.put("jose4j", List.of("org.jose4j."));
        areas.put("JSON-P / JSON-B (parsson, yasson)", List.of("org.eclipse.parsson.", "org.glassfish.json.",
                "org.eclipse.yasson."));
        areas.put("JDK HttpClient (core's calls to the token and userinfo endpoints)", List.of(
                "jdk.internal.net.http.", "java.net.http."));
        areas.put("Grizzly (HTTP server)", List.of("org.glassfish.grizzly."));
        areas.put("web container (Catalina)", List.of("org.apache.catalina.", "org.apache.coyote."));
        areas.put("Jakarta Security / JASPIC (Soteria, Payara security)", List.of("org.glassfish.soteria.",
                "com.sun.enterprise.security.", "com.sun.web.security.", "fish.payara.security."));
        areas.put("CDI (Weld)", List.of("org.jboss.weld."));
        areas.put("the quickstart's pages", List.of("io.github.itsmejakarta.examples."));
        areas.put("logging (java.util.logging)", List.of("java.util.logging."));
        return areas;
    }

    /** Prints the summary of {@code recording}: {@code top} top frames, the areas, the threads. */
    static void print(Path recording, int top) throws IOException {
        Map<String, Integer> selfFrames = new HashMap<>();
        Map<String, Integer> areaSamples = new LinkedHashMap<>();
        AREAS.keySet().forEach(area -> areaSamples.put(area, 0));
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        int truncated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            truncated += stack.isTruncated() ? 1 : 0;
            selfFrames.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            Set<String> hit = new HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
                String type = frame.getMethod() == null ? "" : frame.getMethod().getType().getName();
                AREAS.forEach((area, prefixes) -> {
                    if (prefixes.stream().anyMatch(type::startsWith)) {
                        hit.add(area);
                    }
                });
            }
            hit.forEach(area -> areaSamples.merge(area, 1, Integer::sum));
            String thread = event.getThread("sampledThread") == null
                    ? "?"
                    : event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[0-9]+", "#"), 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "JFR execution samples: %d (%d with a truncated stack)%n", samples, truncated);
        if (samples == 0) {
            return;
        }
        final int total = samples;
        System.out.println("top frames (self):");
        selfFrames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / total,
                        e.getKey()));
        System.out.println("samples whose stack passes through (inclusive; areas overlap):");
        areaSamples.forEach((area, n) -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * n / total, area));
        System.out.println("samples per thread:");
        threads.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / total,
                        e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }
}

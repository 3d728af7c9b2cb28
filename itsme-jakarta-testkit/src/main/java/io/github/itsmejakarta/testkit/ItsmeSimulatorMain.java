package io.github.itsmejakarta.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator from the command line (the {@code -standalone} jar's main class):
 *
 * <pre>
 * java -jar itsme-jakarta-testkit-standalone.jar --port 9090 \
 *     --client-id my-client --jwks-uri http://127.0.0.1:8080/app/itsme/jwks \
 *     --redirect-uri http://127.0.0.1:8080/app/itsme/callback --service MY_LOGIN=LOGIN
 * java -jar itsme-jakarta-testkit-standalone.jar --config simulator.properties
 * </pre>
 *
 * Options: {@code --port N} (default 9090; 0 = any free port), {@code --client-id ID} (starts a client; the
 * following {@code --jwks-uri URI} or {@code --jwks-file PATH}, {@code --redirect-uri URI} (repeatable) and
 * {@code --service CODE=TYPE} (repeatable; {@code LOGIN}, {@code SHARE_DATA}, {@code CONFIRM}, {@code DATA_SHARING}
 * or itsme's names {@code authentication}, {@code identification}, {@code confirmation}, {@code data-sharing}) belong to it), {@code --jwe-alg},
 * {@code --enc}, {@code --auto-approve PERSON_ID}, {@code --lenient [all|NAME,...]} (see {@link Leniency}; alone it
 * means all), {@code --userinfo-content-type TYPE}, {@code --config FILE}, {@code --help}. The properties file holds
 * {@code port}, {@code jwe-algorithm}, {@code content-encryption}, {@code auto-approve}, {@code lenient},
 * {@code userinfo-content-type}, {@code clients} (comma
 * separated ids) and per client {@code client.<id>.jwks-uri} or {@code client.<id>.jwks-file},
 * {@code client.<id>.redirect-uris} and {@code client.<id>.services} (comma separated, services as
 * {@code CODE=TYPE}). Command-line options given after {@code --config} override the file.
 * <p>
 * Not instantiable; thread-safe.
 */
public final class ItsmeSimulatorMain {

    /** Default port of the standalone simulator. */
    public static final int DEFAULT_PORT = 9090;

    private ItsmeSimulatorMain() {
    }

    /** Starts and serves until the process is stopped (Ctrl-C). Exit code 2 on bad arguments. */
    public static void main(String[] args) throws InterruptedException {
        ItsmeSimulator simulator;
        try {
            if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
                usage(System.out);
                return;
            }
            simulator = start(args);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("itsme simulator: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        System.out.println("itsme simulator running");
        System.out.println("  issuer:    " + simulator.issuer());
        System.out.println("  discovery: " + simulator.discoveryUri());
        System.out.println("  persons:   "
                + String.join(", ", simulator.persons().stream().map(TestPerson::id).toList()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "itsme-simulator-shutdown"));
        stopped.await();
    }

    /**
     * Parses the arguments and starts a simulator (for embedding and tests).
     *
     * @throws IllegalArgumentException on a bad argument
     */
    public static ItsmeSimulator start(String... args) {
        Options options = new Options();
        List<String> list = Arrays.asList(args);
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i);
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + name);
            }
            if (name.equals("--lenient") && (i + 1 >= list.size() || list.get(i + 1).startsWith("--"))) {
                options.apply("lenient", "all");
                continue;
            }
            if (i + 1 >= list.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = list.get(++i);
            options.apply(name.substring(2), value);
        }
        ItsmeSimulator simulator = options.build().build().start();
        options.autoApprovedPerson().ifPresent(simulator::autoApprove);
        return simulator;
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar itsme-jakarta-testkit-<version>-standalone.jar [--port N] [--config FILE]");
        out.println("         [--client-id ID (--jwks-uri URI | --jwks-file PATH) --redirect-uri URI...");
        out.println(
                "          --service CODE=LOGIN|SHARE_DATA|CONFIRM|DATA_SHARING...]... [--jwe-alg RSA-OAEP-256|RSA-OAEP]");
        out.println("         [--enc A128CBC-HS256|A256CBC-HS512|A128GCM|A256GCM] [--auto-approve PERSON_ID]");
        out.println("         [--lenient [all|" + String.join(",", java.util.Arrays.stream(Leniency.values())
                .map(Leniency::optionName).toList()) + "]] [--userinfo-content-type application/json]");
        out.println("persons: " + String.join(", ", TestPersons.all().stream().map(TestPerson::id).toList()));
    }

    /** Collected options; not thread-safe. */
    private static final class Options {
        private int port = DEFAULT_PORT;
        private String jweAlgorithm;
        private String contentEncryption;
        private String autoApprove;
        private String userInfoContentType;
        private final java.util.EnumSet<Leniency> leniencies = java.util.EnumSet.noneOf(Leniency.class);
        private final List<SimulatedClient.Builder> clients = new ArrayList<>();
        private final List<Boolean> clientHasKeys = new ArrayList<>();

        void apply(String name, String value) {
            switch (name) {
                case "port" -> port = parsePort(value);
                case "jwe-alg", "jwe-algorithm" -> jweAlgorithm = value;
                case "enc", "content-encryption" -> contentEncryption = value;
                case "auto-approve" -> autoApprove = value;
                case "lenient" -> lenient(value);
                case "userinfo-content-type" -> userInfoContentType = value;
                case "config" -> loadConfig(Path.of(value));
                case "client-id" -> {
                    clients.add(SimulatedClient.builder(value));
                    clientHasKeys.add(false);
                }
                case "jwks-uri" -> {
                    current(name).jwksUri(URI.create(value));
                    clientHasKeys.set(clients.size() - 1, true);
                }
                case "jwks-file" -> {
                    current(name).publicJwks(read(Path.of(value)));
                    clientHasKeys.set(clients.size() - 1, true);
                }
                case "redirect-uri" -> current(name).redirectUri(value);
                case "service" -> service(current(name), value);
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }

        private SimulatedClient.Builder current(String option) {
            if (clients.isEmpty()) {
                throw new IllegalArgumentException("--" + option + " must follow --client-id");
            }
            return clients.get(clients.size() - 1);
        }

        private void loadConfig(Path file) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            for (String key : List.of("port", "jwe-algorithm", "content-encryption", "auto-approve", "lenient",
                    "userinfo-content-type")) {
                String value = properties.getProperty(key);
                if (value != null) {
                    apply(key, value.trim());
                }
            }
            for (String id : split(properties.getProperty("clients", ""))) {
                apply("client-id", id);
                String prefix = "client." + id + ".";
                String jwksUri = properties.getProperty(prefix + "jwks-uri");
                String jwksFile = properties.getProperty(prefix + "jwks-file");
                if (jwksUri != null) {
                    apply("jwks-uri", jwksUri.trim());
                } else if (jwksFile != null) {
                    Path path = Path.of(jwksFile.trim());
                    apply("jwks-file", (path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path))
                            .toString());
                }
                split(properties.getProperty(prefix + "redirect-uris", "")).forEach(u -> apply("redirect-uri", u));
                split(properties.getProperty(prefix + "services", "")).forEach(s -> apply("service", s));
            }
        }

        ItsmeSimulator.Builder build() {
            ItsmeSimulator.Builder builder = ItsmeSimulator.builder().port(port);
            if (jweAlgorithm != null) {
                builder.jweAlgorithm(jweAlgorithm);
            }
            if (contentEncryption != null) {
                builder.contentEncryption(contentEncryption);
            }
            if (userInfoContentType != null) {
                builder.userInfoContentType(userInfoContentType);
            }
            if (!leniencies.isEmpty()) {
                // never call lenient() with an empty array: that means "everywhere"
                builder.lenient(leniencies.toArray(Leniency[]::new));
            }
            for (int i = 0; i < clients.size(); i++) {
                if (!clientHasKeys.get(i)) {
                    throw new IllegalArgumentException("every client needs --jwks-uri or --jwks-file");
                }
                builder.client(clients.get(i).build());
            }
            autoApprovedPerson();
            return builder;
        }

        /** {@code all}, or a comma-separated list of {@link Leniency#optionName()}s. */
        private void lenient(String value) {
            if (value.trim().equalsIgnoreCase("all")) {
                leniencies.addAll(java.util.EnumSet.allOf(Leniency.class));
                return;
            }
            split(value).forEach(name -> leniencies.add(Leniency.fromOptionName(name)));
        }

        java.util.Optional<TestPerson> autoApprovedPerson() {
            if (autoApprove == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(TestPersons.all().stream().filter(p -> p.id().equals(autoApprove))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown person: " + autoApprove)));
        }

        private static void service(SimulatedClient.Builder client, String value) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--service needs CODE=TYPE: " + value);
            }
            client.service(value.substring(0, eq).trim(), ServiceType.fromName(value.substring(eq + 1)));
        }

        private static int parsePort(String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port needs a number: " + value);
            }
        }

        private static String read(Path path) {
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }

        private static List<String> split(String value) {
            return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}

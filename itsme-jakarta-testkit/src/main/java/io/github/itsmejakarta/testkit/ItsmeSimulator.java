package io.github.itsmejakarta.testkit;

import io.github.itsmejakarta.testkit.internal.Clients;
import io.github.itsmejakarta.testkit.internal.SimulatorContext;
import io.github.itsmejakarta.testkit.internal.SimulatorKeys;
import io.github.itsmejakarta.testkit.internal.SimulatorServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A local itsme® OpenID provider on {@code 127.0.0.1}: discovery, JWKS, authorization (an HTML page or
 * auto-approval), token ({@code private_key_jwt}, PKCE S256), userinfo and picture, with nested (signed then
 * encrypted) ID tokens and userinfo, request objects by value and by reference, the login, share-data and confirm
 * services, test persons, and hooks to make it misbehave. It follows itsme-protocol.md; it shares no code with the
 * relying-party library it is meant to test.
 *
 * <pre>{@code
 * try (ItsmeSimulator sim = ItsmeSimulator.builder()
 *         .client(SimulatedClient.builder("my-client").publicJwks(rpPublicJwks)
 *                 .redirectUri("http://127.0.0.1:8080/callback").service("LOGIN", ServiceType.LOGIN).build())
 *         .build().start()) {
 *     sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
 *     // point the RP at sim.discoveryUri()
 * }
 * }</pre>
 * <p>
 * Thread-safe: every method may be called from any thread while requests are served. Time comes from the injected
 * {@link Clock} (codes, tokens, assertion checks); hook delays use real time.
 */
public final class ItsmeSimulator implements AutoCloseable {

    /** The key management algorithms the simulator can encrypt with (itsme-protocol.md, "Algorithms"). */
    public static final Set<String> JWE_ALGORITHMS = Set.of("RSA-OAEP-256", "RSA-OAEP");
    /** The content encryptions discovery advertises by default. */
    public static final List<String> DEFAULT_CONTENT_ENCRYPTIONS = List.of("A128CBC-HS256", "A256CBC-HS512",
            "A128GCM", "A256GCM");
    private static final Set<String> CONTENT_ENCRYPTIONS = Set.of("A128CBC-HS256", "A192CBC-HS384",
            "A256CBC-HS512", "A128GCM", "A192GCM", "A256GCM");

    /** The userinfo {@code Content-Type} unless configured otherwise. */
    public static final String DEFAULT_USERINFO_CONTENT_TYPE = "application/jwt";

    private static final System.Logger LOG = System.getLogger(ItsmeSimulator.class.getName());

    private final int requestedPort;
    private final List<SimulatedClient> initialClients;
    private final List<TestPerson> persons;
    private final String jweAlgorithm;
    private final String contentEncryption;
    private final Clock clock;
    private final Set<Leniency> leniencies;
    private final String userInfoContentType;
    private final SimulatorKeys keys = new SimulatorKeys();
    private final HttpClient http;
    private final Clients clients;

    private volatile SimulatorServer server;
    private volatile SimulatorContext context;
    private volatile SimulatorHooks hooks;
    private boolean closed;

    private ItsmeSimulator(Builder builder) {
        this.requestedPort = builder.port;
        this.initialClients = List.copyOf(builder.clients.values());
        this.persons = List.copyOf(builder.persons.values());
        this.jweAlgorithm = builder.jweAlgorithm;
        this.contentEncryption = builder.contentEncryption;
        this.clock = builder.clock;
        this.leniencies = builder.leniencies.isEmpty() ? Set.of() : Set.copyOf(builder.leniencies);
        this.userInfoContentType = builder.userInfoContentType;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.clients = new Clients(http, clock);
        initialClients.forEach(clients::register);
    }

    /** Starts a configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds {@code 127.0.0.1} and starts serving.
     *
     * @return this
     * @throws UncheckedIOException when the port cannot be bound
     * @throws IllegalStateException when already started or closed
     */
    public synchronized ItsmeSimulator start() {
        if (server != null || closed) {
            throw new IllegalStateException("the simulator can be started once");
        }
        SimulatorServer bound;
        try {
            bound = new SimulatorServer(requestedPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + requestedPort, e);
        }
        String issuer = "http://127.0.0.1:" + bound.port() + "/v2";
        List<String> advertised = new ArrayList<>(DEFAULT_CONTENT_ENCRYPTIONS);
        if (!advertised.contains(contentEncryption)) {
            advertised.add(contentEncryption);
        }
        SimulatorContext ctx = new SimulatorContext(issuer, clock, keys, clients, http, persons, jweAlgorithm,
                contentEncryption, advertised, leniencies, userInfoContentType);
        bound.start(ctx);
        this.server = bound;
        this.context = ctx;
        this.hooks = new SimulatorHooks(ctx.hooks, keys);
        LOG.log(System.Logger.Level.INFO, "itsme simulator listening, issuer {0}", issuer);
        return this;
    }

    /** Stops the server; hung requests are released. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.stop();
        }
    }

    /** {@code http://127.0.0.1:<port>/v2}, exactly (no trailing slash). */
    public String issuer() {
        return context().issuer;
    }

    /** {@code issuer + "/.well-known/openid-configuration"}. */
    public URI discoveryUri() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    /** The authorization endpoint. */
    public URI authorizationEndpoint() {
        return URI.create(context().authorizationEndpoint());
    }

    /** The token endpoint: the {@code aud} of client assertions. */
    public URI tokenEndpoint() {
        return URI.create(context().tokenEndpoint());
    }

    /** The userinfo endpoint. */
    public URI userInfoEndpoint() {
        return URI.create(context().userInfoEndpoint());
    }

    /** The JWKS URI. */
    public URI jwksUri() {
        return URI.create(context().jwksUri());
    }

    /** The bound port. */
    public int port() {
        context();
        return server.port();
    }

    /** The simulator's public JWK set as served at {@link #jwksUri()}. */
    public String publicJwks() {
        return keys.publicJwksJson();
    }

    /** The JWE {@code alg} tokens are encrypted with. */
    public String jweAlgorithm() {
        return jweAlgorithm;
    }

    /** The JWE {@code enc} tokens are encrypted with. */
    public String contentEncryption() {
        return contentEncryption;
    }

    /** Where this simulator accepts more than the default, strict one (empty by default). */
    public Set<Leniency> leniencies() {
        return leniencies;
    }

    /** The persons offered on the authorization page. */
    public List<TestPerson> persons() {
        return persons;
    }

    /**
     * Approves every valid authorization request at once as this person: {@code GET /v2/authorization} answers 302
     * to the redirect URI with {@code code} and {@code state}, without a page. {@code null} shows the page again
     * (the default). Hooks such as {@link SimulatorHooks#denyNext()} still apply first.
     */
    public ItsmeSimulator autoApprove(TestPerson person) {
        context().autoApprove.set(person);
        return this;
    }

    /** The fault-injection hooks. */
    public SimulatorHooks hooks() {
        context();
        return hooks;
    }

    /** Every request received since start or the last reset, oldest first. */
    public List<RecordedRequest> recordedRequests() {
        return context().recorder.snapshot();
    }

    /** The requests received at one endpoint. */
    public List<RecordedRequest> recordedRequests(Endpoint endpoint) {
        return recordedRequests().stream().filter(r -> r.endpoint().filter(endpoint::equals).isPresent()).toList();
    }

    /** Registers (or replaces) a client while running, e.g. once the RP's port is known. */
    public ItsmeSimulator registerClient(SimulatedClient client) {
        clients.register(Objects.requireNonNull(client, "client"));
        return this;
    }

    /**
     * Back to a clean state between tests: clears every hook (extra published keys too), auto-approval, recorded
     * request, pending code,
     * access token and authorization page, and forgets fetched client JWK sets. Keys, clients and client assertion
     * {@code jti}s seen are kept (a replay stays a replay).
     */
    public ItsmeSimulator reset() {
        SimulatorContext ctx = context();
        ctx.hooks.reset();
        keys.clearExtraKeys();
        ctx.autoApprove.set(null);
        ctx.recorder.clear();
        ctx.codes.clear();
        ctx.redeemedCodes.clear();
        ctx.accessTokens.clear();
        ctx.pendingConsents.clear();
        clients.forgetFetchedKeys();
        return this;
    }

    private SimulatorContext context() {
        SimulatorContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return ctx;
    }

    @Override
    public String toString() {
        SimulatorContext ctx = context;
        return "ItsmeSimulator[" + (ctx == null ? "not started" : ctx.issuer) + "]";
    }

    /** Configures an {@link ItsmeSimulator}; not thread-safe. */
    public static final class Builder {
        private int port;
        private final Map<String, SimulatedClient> clients = new LinkedHashMap<>();
        private final Map<String, TestPerson> persons = new LinkedHashMap<>();
        private String jweAlgorithm = "RSA-OAEP-256";
        private String contentEncryption = "A128CBC-HS256";
        private Clock clock = Clock.systemUTC();
        private final java.util.EnumSet<Leniency> leniencies = java.util.EnumSet.noneOf(Leniency.class);
        private String userInfoContentType = DEFAULT_USERINFO_CONTENT_TYPE;

        private Builder() {
            TestPersons.all().forEach(p -> persons.put(p.id(), p));
        }

        /** The port on 127.0.0.1; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Registers a client. */
        public Builder client(SimulatedClient client) {
            clients.put(client.clientId(), Objects.requireNonNull(client, "client"));
            return this;
        }

        /** Adds a person to the page (or replaces one with the same id). */
        public Builder person(TestPerson person) {
            persons.put(person.id(), Objects.requireNonNull(person, "person"));
            return this;
        }

        /** Replaces the persons (default: {@link TestPersons#all()}). */
        public Builder persons(List<TestPerson> list) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("at least one person");
            }
            persons.clear();
            list.forEach(this::person);
            return this;
        }

        /** {@code RSA-OAEP-256} (default) or {@code RSA-OAEP}. */
        public Builder jweAlgorithm(String alg) {
            if (!JWE_ALGORITHMS.contains(alg)) {
                throw new IllegalArgumentException("jweAlgorithm must be one of " + JWE_ALGORITHMS + ": " + alg);
            }
            this.jweAlgorithm = alg;
            return this;
        }

        /** {@code A128CBC-HS256} (default), {@code A256CBC-HS512}, {@code A128GCM}, {@code A256GCM}, ... */
        public Builder contentEncryption(String enc) {
            if (!CONTENT_ENCRYPTIONS.contains(enc)) {
                throw new IllegalArgumentException("contentEncryption must be one of " + CONTENT_ENCRYPTIONS
                        + ": " + enc);
            }
            this.contentEncryption = enc;
            return this;
        }

        /** The clock for codes, tokens and checks (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Accepts more than the strict default in these places (see {@link Leniency}); with no argument, in every
         * place. Strict is the default because an application that passes a strict simulator also passes itsme.
         */
        public Builder lenient(Leniency... which) {
            if (which.length == 0) {
                leniencies.addAll(java.util.EnumSet.allOf(Leniency.class));
            }
            for (Leniency leniency : which) {
                leniencies.add(Objects.requireNonNull(leniency, "leniency"));
            }
            return this;
        }

        /**
         * The {@code Content-Type} of userinfo responses: {@code application/jwt} (default, what OIDC Core 5.3.2
         * requires for a signed answer) or, as itsme has also answered, {@code application/json} with the same
         * nested JWT as body (certified clients refuse that). {@link SimulatorHooks#userInfoContentType} overrides it
         * until reset.
         */
        public Builder userInfoContentType(String contentType) {
            if (Objects.requireNonNull(contentType, "contentType").isBlank()) {
                throw new IllegalArgumentException("userInfoContentType must not be blank");
            }
            this.userInfoContentType = contentType;
            return this;
        }

        /** Builds an unstarted simulator; call {@link ItsmeSimulator#start()}. */
        public ItsmeSimulator build() {
            return new ItsmeSimulator(this);
        }
    }
}

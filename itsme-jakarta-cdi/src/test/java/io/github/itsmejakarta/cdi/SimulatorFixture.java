package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.cdi.internal.ItsmeSettings;
import io.github.itsmejakarta.cdi.internal.RelyingParty;
import io.github.itsmejakarta.core.ItsmeConfigurationException;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.ServiceType;
import io.github.itsmejakarta.testkit.SimulatedClient;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The real simulator on loopback with the RP registered, plus the mechanism built over it. The "application" lives at
 * {@value #ORIGIN} with context path {@code /app} (or none); nothing listens there: the {@link Browser} carries
 * requests to the mechanism, and java.net.http carries the browser's visits to the simulator.
 */
final class SimulatorFixture {
    static final String ORIGIN = "http://127.0.0.1:8080";
    static final String CALLBACK = ORIGIN + "/app/itsme/callback";
    static final String ROOT_CALLBACK = ORIGIN + "/itsme/callback";
    static final String CLIENT_ID = "rp-client";

    final RelyingPartyKeys keys;
    final ItsmeSimulator sim;
    /** The relying party each mechanism made here works over, for the {@link ItsmeContext} of the same "deployment". */
    private final Map<ItsmeAuthenticationMechanism, RelyingParty> relyingParties = Collections
            .synchronizedMap(new IdentityHashMap<>());
    /** Every login event the mechanisms made here fired, in order; cleared before each test. */
    final List<Object> events = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SimulatorFixture() {
        this(classpathKeys());
    }

    /** The simulator with the RP registered under these keys (e.g. keys the mechanism reads from a keystore). */
    SimulatorFixture(RelyingPartyKeys keys) {
        this.keys = keys;
        sim = ItsmeSimulator.builder().port(0).client(SimulatedClient.builder(CLIENT_ID)
                .publicJwks(keys.publicJwkSetJson()).redirectUri(CALLBACK).redirectUri(ROOT_CALLBACK)
                .service("LOGIN_CODE", ServiceType.LOGIN).service("SHARE_CODE", ServiceType.SHARE_DATA)
                .service("CONFIRM_CODE", ServiceType.CONFIRM).service("DATA_CODE", ServiceType.DATA_SHARING).build())
                .build().start();
    }

    private static RelyingPartyKeys classpathKeys() {
        try {
            return RelyingPartyKeys.fromClasspath("rp-private-jwks.json");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    Map<String, String> config() {
        Map<String, String> c = new HashMap<>();
        c.put(ItsmeConfigKeys.DISCOVERY_URI, sim.discoveryUri().toString());
        c.put(ItsmeConfigKeys.CLIENT_ID, CLIENT_ID);
        c.put(ItsmeConfigKeys.SERVICE_CODE, "LOGIN_CODE");
        c.put(ItsmeConfigKeys.SHARE_DATA_SERVICE_CODE, "SHARE_CODE");
        c.put(ItsmeConfigKeys.CONFIRM_SERVICE_CODE, "CONFIRM_CODE");
        c.put(ItsmeConfigKeys.DATA_SHARING_SERVICE_CODE, "DATA_CODE");
        c.put(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION, "classpath:rp-private-jwks.json");
        c.put(ItsmeConfigKeys.DEFAULT_GROUPS, "itsme-user");
        return c;
    }

    ItsmeSettings settings(Map<String, String> overrides) {
        Map<String, String> c = config();
        c.putAll(overrides);
        return TestSettings.of(c);
    }

    /** The mechanism with the itsme identity store as the only store, plus the given groups mappers. */
    ItsmeAuthenticationMechanism mechanism(Map<String, String> overrides, ItsmeGroupsMapper... mappers) {
        return mechanism(overrides, Clock.systemUTC(), mappers);
    }

    ItsmeAuthenticationMechanism mechanism(Map<String, String> overrides, Clock clock, ItsmeGroupsMapper... mappers) {
        return mechanismWithEvents(overrides, clock, events::add, mappers);
    }

    /** The mechanism handing its login events to {@code eventSink} (the CDI event bus in a container). */
    ItsmeAuthenticationMechanism mechanismWithEvents(Map<String, String> overrides, Clock clock,
            Consumer<Object> eventSink,
            ItsmeGroupsMapper... mappers) {
        ItsmeSettings s = settings(overrides);
        ItsmeIdentityStore store = new ItsmeIdentityStore(s, List.of(mappers));
        IdentityStoreHandler handler = store::validate;
        RelyingParty relyingParty;
        try {
            relyingParty = new RelyingParty(s, clock, ItsmeTelemetry.none());
        } catch (ItsmeConfigurationException e) {
            throw new AssertionError(e);
        }
        ItsmeAuthenticationMechanism mechanism = new ItsmeAuthenticationMechanism(relyingParty, handler, eventSink);
        relyingParties.put(mechanism, relyingParty);
        return mechanism;
    }

    /** The {@link ItsmeContext} of {@code request} in the deployment {@code mechanism} belongs to. */
    ItsmeContext context(HttpServletRequest request, ItsmeAuthenticationMechanism mechanism) {
        return new ItsmeContext(request, relyingParties.get(mechanism));
    }

    /**
     * A clock the test moves forward. Tests start it in the past and move it to the present, so that what the RP
     * mints after the move (the client assertion) carries the time the simulator expects.
     */
    static final class MutableClock extends Clock {
        private volatile java.time.Instant now;

        MutableClock(java.time.Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    /** What the browser does with the mechanism's redirect: visits itsme, which (auto-approving) redirects back. */
    String visitItsme(String authorizationUrl) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302) {
                throw new AssertionError("itsme answered " + r.statusCode() + ": " + r.body());
            }
            return r.headers().firstValue("Location").orElseThrow();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    void close() {
        sim.close();
    }
}

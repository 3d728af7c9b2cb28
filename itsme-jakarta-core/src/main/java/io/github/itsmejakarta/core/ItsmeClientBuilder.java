package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of an {@link ItsmeClient}. {@link #build()} checks them all and reports every problem at once.
 *
 * <p>Immutable and thread-safe: each setter returns a new builder, so that a partly filled builder can be shared
 * and specialised (e.g. one base configuration, several clients).
 */
public final class ItsmeClientBuilder {
    private static final String WELL_KNOWN = "/.well-known/openid-configuration";

    private ItsmeEnvironment environment;
    private URI discoveryUri;
    private String expectedIssuer;
    String clientId;
    RelyingPartyKeys keys;
    URI redirectUri;
    URI requestUriBase;
    Duration connectTimeout = ItsmeDefaults.CONNECT_TIMEOUT;
    Duration readTimeout = ItsmeDefaults.READ_TIMEOUT;
    Duration clockSkew = ItsmeDefaults.CLOCK_SKEW;
    Duration maxTokenAge = ItsmeDefaults.MAX_TOKEN_AGE;
    Duration jwksRefetchInterval = ItsmeDefaults.JWKS_REFETCH_INTERVAL;
    Duration pendingLifetime = ItsmeDefaults.PENDING_LIFETIME;
    Duration discoveryFailureMemory = ItsmeDefaults.DISCOVERY_FAILURE_MEMORY;
    Clock clock = Clock.systemUTC();
    int maxResponseBytes = ItsmeDefaults.MAX_RESPONSE_BYTES;
    ItsmeTelemetry telemetry = ItsmeTelemetry.automatic();

    ItsmeClientBuilder() {
    }

    private ItsmeClientBuilder(ItsmeClientBuilder o) {
        environment = o.environment;
        discoveryUri = o.discoveryUri;
        expectedIssuer = o.expectedIssuer;
        clientId = o.clientId;
        keys = o.keys;
        redirectUri = o.redirectUri;
        requestUriBase = o.requestUriBase;
        connectTimeout = o.connectTimeout;
        readTimeout = o.readTimeout;
        clockSkew = o.clockSkew;
        maxTokenAge = o.maxTokenAge;
        jwksRefetchInterval = o.jwksRefetchInterval;
        pendingLifetime = o.pendingLifetime;
        discoveryFailureMemory = o.discoveryFailureMemory;
        clock = o.clock;
        maxResponseBytes = o.maxResponseBytes;
        telemetry = o.telemetry;
    }

    /** itsme's environment; its issuer is known, so no {@link #expectedIssuer(String)} is needed. */
    public ItsmeClientBuilder discovery(ItsmeEnvironment environment) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.environment = environment;
        return b;
    }

    /**
     * A discovery document elsewhere (the simulator, tests). The expected issuer defaults to the URI without
     * {@code /.well-known/openid-configuration}.
     */
    public ItsmeClientBuilder discoveryUri(URI discoveryUri) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.discoveryUri = discoveryUri;
        return b;
    }

    /** The issuer the discovery document must announce, exactly. */
    public ItsmeClientBuilder expectedIssuer(String expectedIssuer) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.expectedIssuer = expectedIssuer;
        return b;
    }

    /** The client id from onboarding. Required. */
    public ItsmeClientBuilder clientId(String clientId) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.clientId = clientId;
        return b;
    }

    /** The relying party's private keys. Required. */
    public ItsmeClientBuilder keys(RelyingPartyKeys keys) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.keys = keys;
        return b;
    }

    /** The registered redirect URI: https (or http to loopback), no fragment. Required. */
    public ItsmeClientBuilder redirectUri(URI redirectUri) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.redirectUri = redirectUri;
        return b;
    }

    /**
     * Where the application serves request objects for {@link RequestObjectMode#REFERENCE}; a request object's
     * {@code request_uri} is this plus {@code "/" + id}. itsme wants https with the explicit port {@code :443}.
     */
    public ItsmeClientBuilder requestUriBase(URI requestUriBase) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.requestUriBase = requestUriBase;
        return b;
    }

    /** How long to wait for a connection to itsme. Default {@link ItsmeDefaults#CONNECT_TIMEOUT}, at most 2 min. */
    public ItsmeClientBuilder connectTimeout(Duration connectTimeout) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.connectTimeout = connectTimeout;
        return b;
    }

    /** How long to wait for itsme's complete answer once connected. Default {@link ItsmeDefaults#READ_TIMEOUT}, at most 2 min. */
    public ItsmeClientBuilder readTimeout(Duration readTimeout) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.readTimeout = readTimeout;
        return b;
    }

    /** The tolerated clock difference with itsme. Default {@link ItsmeDefaults#CLOCK_SKEW} (30 s), at most 5 minutes. */
    public ItsmeClientBuilder clockSkew(Duration clockSkew) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.clockSkew = clockSkew;
        return b;
    }

    /** How old an ID token's {@code iat} may be. Default {@link ItsmeDefaults#MAX_TOKEN_AGE}, at most 1 hour. */
    public ItsmeClientBuilder maxTokenAge(Duration maxTokenAge) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.maxTokenAge = maxTokenAge;
        return b;
    }

    /**
     * How long after a fetch of itsme's JWK set an unknown signing {@code kid} may fetch it again. Default
     * {@link ItsmeDefaults#JWKS_REFETCH_INTERVAL} (30 s), from 1 s to 1 hour. An unknown kid inside the interval fails
     * the login (ITSME-1407) and is logged (ITSME-1130).
     */
    public ItsmeClientBuilder jwksRefetchInterval(Duration jwksRefetchInterval) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.jwksRefetchInterval = jwksRefetchInterval;
        return b;
    }

    /** How long a login may take between authorize and callback. Default 10 minutes, at most 1 hour. */
    public ItsmeClientBuilder pendingLifetime(Duration pendingLifetime) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.pendingLifetime = pendingLifetime;
        return b;
    }

    /**
     * How long a failed read of itsme's discovery document is remembered, so that logins during an outage fail at once
     * (ITSME-1104) instead of each waiting out the timeouts. Default {@link ItsmeDefaults#DISCOVERY_FAILURE_MEMORY}
     * (10 s), 0 to 5 minutes; measured with {@link #clock(Clock)}.
     */
    public ItsmeClientBuilder discoveryFailureMemory(Duration discoveryFailureMemory) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.discoveryFailureMemory = discoveryFailureMemory;
        return b;
    }

    /** The clock for every time check. Default UTC system clock. */
    public ItsmeClientBuilder clock(Clock clock) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.clock = clock;
        return b;
    }

    /** The bound on any answer's size. Default {@link ItsmeDefaults#MAX_RESPONSE_BYTES}, at least 1 KiB. */
    public ItsmeClientBuilder maxResponseBytes(int maxResponseBytes) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.maxResponseBytes = maxResponseBytes;
        return b;
    }

    /**
     * Where calls, callbacks and login outcomes are reported. Default {@link ItsmeTelemetry#automatic()}:
     * OpenTelemetry's global instance when its API is on the class path, nothing otherwise.
     */
    public ItsmeClientBuilder telemetry(ItsmeTelemetry telemetry) {
        ItsmeClientBuilder b = new ItsmeClientBuilder(this);
        b.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        return b;
    }

    /**
     * The client. Makes no network call.
     *
     * @throws ItsmeConfigurationException listing every problem: ITSME-1001 (missing), 1002 (invalid), 1003
     *             (plain http to a non-loopback host), 1004 (no MicroProfile Config implementation), 1006 (no
     *             JSON-B or JSON-P implementation); several problems are reported together under 1005
     */
    public ItsmeClient build() throws ItsmeConfigurationException {
        List<ItsmeConfigurationException> problems = new ArrayList<>();
        URI discovery = null;
        String issuer = expectedIssuer;
        if (environment != null && discoveryUri != null) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_INVALID, "discovery",
                    "set either an environment or a discovery URI, not both"));
        } else if (environment != null) {
            discovery = environment.discoveryUri();
            if (issuer == null) {
                issuer = environment.issuer();
            }
        } else if (discoveryUri != null) {
            discovery = discoveryUri;
            if (!secure(discoveryUri, "discoveryUri", problems)) {
                discovery = null;
            }
            String text = discoveryUri.toString();
            if (issuer == null && text.endsWith(WELL_KNOWN)) {
                issuer = text.substring(0, text.length() - WELL_KNOWN.length());
            } else if (issuer == null) {
                problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_MISSING, "expectedIssuer"));
            }
        } else {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_MISSING, "discovery"));
        }
        if (issuer != null && issuer.isBlank()) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_INVALID, "expectedIssuer", "blank"));
        }
        if (clientId == null || clientId.isBlank()) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_MISSING, "clientId"));
        }
        if (keys == null) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_MISSING, "keys"));
        }
        if (redirectUri == null) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_MISSING, "redirectUri"));
        } else if (secure(redirectUri, "redirectUri", problems) && redirectUri.getRawFragment() != null) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_INVALID, "redirectUri",
                    "a redirect URI has no fragment (RFC 6749 3.1.2)"));
        }
        if (requestUriBase != null && secure(requestUriBase, "requestUriBase", problems)
                && (requestUriBase.getRawQuery() != null || requestUriBase.getRawFragment() != null)) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_INVALID, "requestUriBase",
                    "no query or fragment"));
        }
        check(ItsmeDefaults.timeoutProblem(connectTimeout), "connectTimeout", connectTimeout, problems);
        check(ItsmeDefaults.timeoutProblem(readTimeout), "readTimeout", readTimeout, problems);
        check(ItsmeDefaults.maxTokenAgeProblem(maxTokenAge), "maxTokenAge", maxTokenAge, problems);
        check(ItsmeDefaults.pendingLifetimeProblem(pendingLifetime), "pendingLifetime", pendingLifetime, problems);
        check(ItsmeDefaults.clockSkewProblem(clockSkew), "clockSkew", clockSkew, problems);
        check(ItsmeDefaults.jwksRefetchIntervalProblem(jwksRefetchInterval), "jwksRefetchInterval",
                jwksRefetchInterval, problems);
        check(ItsmeDefaults.discoveryFailureMemoryProblem(discoveryFailureMemory), "discoveryFailureMemory",
                discoveryFailureMemory, problems);
        if (clock == null) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_MISSING, "clock"));
        }
        check(ItsmeDefaults.maxResponseBytesProblem(maxResponseBytes), "maxResponseBytes", maxResponseBytes,
                problems);
        checkMicroProfileConfig(problems);
        Jsonb jsonb = null;
        JsonProvider json = null;
        try {
            json = JsonProvider.provider();
        } catch (RuntimeException | LinkageError e) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_NO_JSON_IMPLEMENTATION, e, "JSON-P",
                    "jsonp-2.1", "org.eclipse.parsson:parsson"));
        }
        try {
            jsonb = JsonbBuilder.create();
        } catch (RuntimeException | LinkageError e) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_NO_JSON_IMPLEMENTATION, e, "JSON-B",
                    "jsonb-3.0", "org.eclipse:yasson"));
        }
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            StringBuilder all = new StringBuilder();
            for (ItsmeConfigurationException p : problems) {
                all.append(all.length() == 0 ? "" : "; ").append(p.getMessage());
            }
            ItsmeConfigurationException e = new ItsmeConfigurationException(ItsmeMessage.CONFIG_PROBLEMS,
                    problems.size(), all);
            problems.forEach(e::addSuppressed);
            throw e;
        }
        return new ItsmeClient(this, discovery, issuer, jsonb, json);
    }

    private static boolean secure(URI uri, String name, List<ItsmeConfigurationException> problems) {
        if (!uri.isAbsolute() || uri.getHost() == null) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_INVALID, name,
                    "not an absolute URL: " + uri));
            return false;
        }
        if (!LoopbackUris.isSecureOrLoopback(uri)) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_INSECURE_URI, name, uri));
            return false;
        }
        return true;
    }

    private static void check(Optional<String> problem, String name, Object value,
            List<ItsmeConfigurationException> problems) {
        problem.ifPresent(p -> problems.add(value == null
                ? new ItsmeConfigurationException(ItsmeMessage.CONFIG_MISSING, name)
                : new ItsmeConfigurationException(ItsmeMessage.CONFIG_INVALID, name, p)));
    }

    private static void checkMicroProfileConfig(List<ItsmeConfigurationException> problems) {
        try {
            ConfigProviderResolver.instance();
        } catch (RuntimeException | LinkageError e) {
            problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_NO_MICROPROFILE_CONFIG, e));
        }
    }
}

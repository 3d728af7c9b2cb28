package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.internal.discovery.DiscoveryLoader;
import io.github.itsmejakarta.core.internal.discovery.JwksSource;
import io.github.itsmejakarta.core.internal.discovery.ProviderContext;
import io.github.itsmejakarta.core.internal.http.HttpResult;
import io.github.itsmejakarta.core.internal.http.ItsmeHttp;
import io.github.itsmejakarta.core.internal.http.LoopbackUris;
import io.github.itsmejakarta.core.internal.http.SafeText;
import io.github.itsmejakarta.core.internal.jose.ItsmeJwks;
import io.github.itsmejakarta.core.internal.jose.ItsmeTokenProcessor;
import io.github.itsmejakarta.core.internal.jose.TokenPolicy;
import io.github.itsmejakarta.core.internal.request.JwtMinter;
import io.github.itsmejakarta.core.internal.request.Pkce;
import io.github.itsmejakarta.core.internal.request.Randoms;
import io.github.itsmejakarta.core.internal.request.UsedStates;
import io.github.itsmejakarta.core.internal.token.TokenResponse;
import io.github.itsmejakarta.core.internal.token.TokenResponseReader;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relying party's side of itsme's OpenID Connect profile: builds authorization requests, completes the callback
 * (state, code exchange with {@code private_key_jwt} and PKCE, nested ID token validation) and reads userinfo.
 *
 * <pre>{@code
 * ItsmeClient client = ItsmeClient.builder()
 *         .discovery(ItsmeEnvironment.E2E)
 *         .clientId("my-client")
 *         .keys(RelyingPartyKeys.fromLocation("file:/etc/app/itsme-private.jwks"))
 *         .redirectUri(URI.create("https://app.example/itsme/callback"))
 *         .build();
 * PendingAuthorization pending = client.authorize(AuthorizationRequest.login("MY_LOGIN"));
 * // store pending, redirect to pending.uri(); on the callback:
 * ItsmeTokens tokens = client.exchange(AuthorizationResponse.fromParameterMap(params), pending);
 * }</pre>
 *
 * <p>{@link Builder#build()} makes no network call. itsme's discovery document is fetched on first use and cached for
 * the life of the client (a failed fetch is not cached: the next use tries again); its JWK set is fetched once and
 * again only for an unknown {@code kid} (at most once per 30 s). A login costs two RSA private-key operations (the
 * client assertion and the ID token's decryption), three when a request object is asked for.
 *
 * <p>Userinfo is optional by design (itsme recommends asking for claims in the ID token): if
 * {@link #userInfo(ItsmeTokens)} fails, it throws, and the identity already validated from the ID token stays valid;
 * the caller decides whether the missing claims matter (checklist item 20).
 *
 * <p>Thread-safe and meant to be shared: build one per application.
 */
public final class ItsmeClient {
    private static final System.Logger LOG = System.getLogger(ItsmeClient.class.getName());
    private static final String WELL_KNOWN = "/.well-known/openid-configuration";
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Pattern AUTH_PARAM = Pattern.compile("(error|error_description)\\s*=\\s*\"([^\"]*)\"");

    private final URI discoveryUri;
    private final String issuer;
    private final String clientId;
    private final RelyingPartyKeys keys;
    private final URI redirectUri;
    private final URI requestUriBase;
    private final Duration clockSkew;
    private final Duration maxTokenAge;
    private final Duration pendingLifetime;
    private final Clock clock;
    private final ItsmeHttp http;
    private final DiscoveryLoader discovery;
    private final TokenResponseReader tokenReader;
    private final JwtMinter minter;
    private final UsedStates usedStates = new UsedStates();
    private final Object providerLock = new Object();
    private volatile ProviderContext provider;

    private ItsmeClient(Builder b, URI discoveryUri, String issuer, Jsonb jsonb, JsonProvider json) {
        this.discoveryUri = discoveryUri;
        this.issuer = issuer;
        this.clientId = b.clientId;
        this.keys = b.keys;
        this.redirectUri = b.redirectUri;
        this.requestUriBase = b.requestUriBase;
        this.clockSkew = b.clockSkew;
        this.maxTokenAge = b.maxTokenAge;
        this.pendingLifetime = b.pendingLifetime;
        this.clock = b.clock;
        this.http = new ItsmeHttp(b.connectTimeout, b.readTimeout, b.maxResponseBytes);
        this.discovery = new DiscoveryLoader(http, jsonb);
        this.tokenReader = new TokenResponseReader(json);
        this.minter = new JwtMinter(clientId, clock);
    }

    /** A builder with the defaults listed on its methods. */
    public static Builder builder() {
        return new Builder();
    }

    /** The relying party's keys; serve {@link RelyingPartyKeys#publicJwkSetJson()} at the registered JWKS URL. */
    public RelyingPartyKeys keys() {
        return keys;
    }

    /** The client id. */
    public String clientId() {
        return clientId;
    }

    /** The expected issuer, compared exactly with discovery's and the tokens'. */
    public String issuer() {
        return issuer;
    }

    /** The registered redirect URI the client sends. */
    public URI redirectUri() {
        return redirectUri;
    }

    /** Where request objects are served for {@link RequestObjectMode#REFERENCE}, if configured. */
    public Optional<URI> requestUriBase() {
        return Optional.ofNullable(requestUriBase);
    }

    /** How long a login may take between {@link #authorize} and {@link #exchange}. */
    public Duration pendingLifetime() {
        return pendingLifetime;
    }

    /**
     * itsme's discovery document, fetched on first use.
     *
     * @throws ItsmeException if it cannot be fetched or fails its checks
     */
    public ItsmeProviderMetadata metadata() throws ItsmeException {
        return provider().metadata();
    }

    /**
     * Starts a login: fresh {@code state}, {@code nonce} and PKCE verifier, and the authorization URL carrying them
     * (OIDC Core 3.1.2.1; RFC 7636 4.3), with the parameters in a signed and encrypted request object when asked
     * (OIDC Core 6).
     *
     * @throws ItsmeException if discovery fails, or REFERENCE is asked without a {@code requestUriBase}
     */
    public PendingAuthorization authorize(AuthorizationRequest request) throws ItsmeException {
        return authorize(request, redirectUri, requestUriBase);
    }

    /**
     * Starts a login like {@link #authorize(AuthorizationRequest)}, but coming back to {@code redirectUri} and serving
     * a request object by reference under {@code requestUriBase}, for this login only. For an application that knows
     * its callback URL only from the request (several host names): the URL chosen by one request is never kept, so
     * that no request can change what another one sends (checklist item 35). {@link #exchange} sends the pending
     * login's own redirect URI (RFC 6749 4.1.3), so it needs nothing more.
     *
     * @param redirectUri https, or http to a loopback host; no fragment (RFC 6749 3.1.2)
     * @param requestUriBase nullable unless the request asks for {@link RequestObjectMode#REFERENCE}; https, or http to
     *            a loopback host
     * @throws ItsmeConfigurationException ITSME-1003 or 1002 if a URI breaks those rules
     */
    public PendingAuthorization authorize(AuthorizationRequest request, URI redirectUri, URI requestUriBase)
            throws ItsmeException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(redirectUri, "redirectUri");
        checkCallbackUri(redirectUri, "redirectUri");
        RequestObjectMode mode = request.requestObjectMode();
        if (mode == RequestObjectMode.REFERENCE && requestUriBase == null) {
            throw new ItsmeConfigurationException(ItsmeMessage.CONFIG_REQUEST_URI_BASE_MISSING);
        }
        if (requestUriBase != null) {
            checkCallbackUri(requestUriBase, "requestUriBase");
        }
        ProviderContext p = provider();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(pendingLifetime);
        String state = Randoms.token();
        String nonce = Randoms.token();
        String verifier = Pkce.newVerifier();

        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri.toString());
        params.put("scope", request.scopeParameter());
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("code_challenge", Pkce.challenge(verifier));
        params.put("code_challenge_method", "S256");
        params.put("acr_values", request.acr().uri());
        if (!request.uiLocales().isEmpty()) {
            params.put("ui_locales", String.join(" ", request.uiLocales()));
        }
        request.promptParameter().ifPresent(prompt -> params.put("prompt", prompt));
        ClaimsRequest claims = request.effectiveClaims();

        RequestObject requestObject = null;
        Map<String, String> query;
        if (mode == RequestObjectMode.NONE) {
            query = params;
            if (!claims.isEmpty()) {
                query.put("claims", claims.toJson());
            }
        } else {
            Map<String, Object> objectClaims = new LinkedHashMap<>(params);
            if (!claims.isEmpty()) {
                objectClaims.put("claims", claims.toMap());
            }
            ItsmeJwks.EncryptionKey itsmeKey = p.encryptionKey();
            String jwt = minter.requestObject(objectClaims, issuer, expiresAt, keys.activeSigningKey(),
                    itsmeKey.key(), itsmeKey.kid(), p.requestObjectAlgorithm(), p.requestObjectEncryption());
            // OIDC Core 6.1: response_type, client_id and scope must also be sent as plain parameters; the rest
            // travels only inside the signed object, so that nobody on the way can change it
            query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", clientId);
            query.put("scope", request.scopeParameter());
            query.put("redirect_uri", redirectUri.toString());
            if (mode == RequestObjectMode.VALUE) {
                query.put("request", jwt);
            } else {
                String id = Randoms.token();
                requestObject = new RequestObject(id, jwt, expiresAt);
                query.put("request_uri", requestUri(requestUriBase, id).toString());
            }
        }
        URI uri = URI.create(withQuery(p.authorizationEndpoint(), query));
        return PendingAuthorization.of(state, nonce, verifier, redirectUri, request.service(), request.serviceCode(),
                request.acr(), now, expiresAt, uri, requestObject);
    }

    /**
     * Completes a login from itsme's callback: checks the response against the pending login, redeems the code at
     * the token endpoint and validates the ID token.
     *
     * <p>Checks, in order: the {@code iss} parameter when present (RFC 9207 2.4; ITSME-1207); an error response
     * (ITSME-1201, no token request is made: checklist item 25); {@code state} present (1202) and equal to the
     * pending one, compared in constant time (1203); the pending login not expired (1204) nor already completed
     * (1205); {@code code} present (1206). Then the token request (OIDC Core 3.1.3.1 with {@code private_key_jwt},
     * OIDC Core 9, and the PKCE verifier, RFC 7636 4.5) and the ID token (OIDC Core 3.1.3.7, with the pending
     * {@code nonce} and {@code acr}).
     *
     * @throws ItsmeErrorResponseException itsme answered with an error (1201 at the callback, 1301 at the token
     *             endpoint)
     * @throws ItsmeRejectedException a check failed
     * @throws ItsmeCommunicationException itsme could not be reached, timed out or failed
     */
    public ItsmeTokens exchange(AuthorizationResponse response, PendingAuthorization pending) throws ItsmeException {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(pending, "pending");
        if (response.issuer().isPresent() && !issuer.equals(response.issuer().get())) {
            throw new ItsmeRejectedException(ItsmeMessage.CALLBACK_ISSUER_MISMATCH,
                    SafeText.description(response.issuer().get()));
        }
        if (response.isError()) {
            String error = SafeText.errorCode(response.error().get());
            LOG.log(Level.INFO, "itsme answered the authorization request with error {0}", error);
            throw new ItsmeErrorResponseException(ItsmeMessage.CALLBACK_ERROR, error,
                    SafeText.description(response.errorDescription().orElse(null)));
        }
        String state = response.state().orElseThrow(
                () -> new ItsmeRejectedException(ItsmeMessage.CALLBACK_STATE_MISSING));
        if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new ItsmeRejectedException(ItsmeMessage.CALLBACK_STATE_MISMATCH);
        }
        Instant now = clock.instant();
        if (!now.isBefore(pending.expiresAt())) {
            throw new ItsmeRejectedException(ItsmeMessage.CALLBACK_STATE_EXPIRED);
        }
        String code = response.code().orElseThrow(() -> new ItsmeRejectedException(ItsmeMessage.CALLBACK_CODE_MISSING));
        ProviderContext p = provider(); // before burning the state: a discovery failure leaves the login retryable
        if (!usedStates.markUsed(pending.state(), pending.expiresAt(), now)) {
            throw new ItsmeRejectedException(ItsmeMessage.CALLBACK_STATE_USED);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", pending.redirectUri().toString());
        form.put("code_verifier", pending.codeVerifier());
        form.put("client_assertion_type", ASSERTION_TYPE);
        form.put("client_assertion", minter.clientAssertion(keys.activeSigningKey(), p.tokenEndpoint().toString()));
        HttpResult result = http.postForm(p.tokenEndpoint(), "token endpoint", form);
        TokenResponse tokens = tokenReader.read(result);
        ItsmeIdentity identity = p.processor().processIdToken(tokens.idToken(), pending.nonce(), pending.acr());
        return new ItsmeTokens(tokens.accessToken(), tokens.tokenType(), tokens.expiresIn(), identity);
    }

    /**
     * Reads the userinfo endpoint (OIDC Core 5.3) with the access token and validates the nested JWT answer, whose
     * {@code sub} must equal the ID token's (OIDC Core 5.3.2).
     *
     * <p>A failure here leaves {@code tokens.identity()} valid: the ID token was already checked (checklist item 20).
     *
     * @throws ItsmeErrorResponseException ITSME-1501 when itsme refuses the access token (401 with
     *             {@code WWW-Authenticate}, RFC 6750 3)
     * @throws ItsmeCommunicationException when itsme cannot be reached, times out or answers 5xx
     * @throws ItsmeRejectedException when the answer fails its checks
     */
    public ItsmeUserInfo userInfo(ItsmeTokens tokens) throws ItsmeException {
        Objects.requireNonNull(tokens, "tokens");
        ProviderContext p = provider();
        if (p.userinfoEndpoint() == null) {
            throw new ItsmeRejectedException(ItsmeMessage.DISCOVERY_INVALID, "userinfo_endpoint is missing");
        }
        HttpResult result = http.get(p.userinfoEndpoint(), "userinfo endpoint",
                Map.of("Authorization", "Bearer " + tokens.accessToken(), "Accept", "application/jwt"));
        if (result.status() >= 500) {
            throw new ItsmeCommunicationException(ItsmeMessage.HTTP_SERVER_ERROR, result.status(), "userinfo endpoint");
        }
        if (result.status() != 200) {
            String challenge = result.header("WWW-Authenticate");
            String error = null;
            String description = null;
            if (challenge != null) {
                Matcher m = AUTH_PARAM.matcher(challenge);
                while (m.find()) {
                    if ("error".equals(m.group(1))) {
                        error = m.group(2);
                    } else {
                        description = m.group(2);
                    }
                }
            }
            throw new ItsmeErrorResponseException(ItsmeMessage.USERINFO_ERROR,
                    error != null ? SafeText.errorCode(error) : "HTTP " + result.status(),
                    SafeText.description(description));
        }
        return p.processor().processUserInfo(result.bodyText(), tokens.identity().sub());
    }

    private ProviderContext provider() throws ItsmeException {
        ProviderContext p = provider;
        if (p != null) {
            return p;
        }
        synchronized (providerLock) {
            if (provider == null) {
                ItsmeProviderMetadata metadata = discovery.load(discoveryUri, issuer);
                JwksSource jwks = new JwksSource(http, DiscoveryLoader.endpoint(metadata.jwksUri(), "jwks_uri"));
                TokenPolicy policy = new TokenPolicy(issuer, clientId, ProviderContext.allowedJweAlgorithms(metadata),
                        ProviderContext.allowedContentEncryptions(metadata), clockSkew, maxTokenAge, clock,
                        TokenPolicy.DEFAULT_MAX_TOKEN_BYTES);
                ItsmeJwks itsmeKeys = new ItsmeJwks(jwks, clock, ItsmeJwks.DEFAULT_MIN_REFETCH_INTERVAL);
                ItsmeTokenProcessor processor = new ItsmeTokenProcessor(keys, itsmeKeys, policy);
                provider = new ProviderContext(metadata, itsmeKeys, processor);
                LOG.log(Level.DEBUG, "itsme discovery loaded for issuer {0}", issuer);
            }
            return provider;
        }
    }

    /** The same rule as the builder's for a URI itsme calls back or fetches: https or loopback http, no fragment. */
    private static void checkCallbackUri(URI uri, String name) throws ItsmeConfigurationException {
        if (!uri.isAbsolute() || uri.getHost() == null || !LoopbackUris.isSecureOrLoopback(uri)) {
            throw new ItsmeConfigurationException(ItsmeMessage.CONFIG_INSECURE_URI, name, uri);
        }
        if (uri.getRawFragment() != null) {
            throw new ItsmeConfigurationException(ItsmeMessage.CONFIG_INVALID, name, "no fragment (RFC 6749 3.1.2)");
        }
    }

    private static URI requestUri(URI requestUriBase, String id) {
        String base = requestUriBase.toString();
        return URI.create(base.endsWith("/") ? base + id : base + "/" + id);
    }

    private static String withQuery(URI endpoint, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(endpoint.toString());
        char sep = endpoint.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> e : query.entrySet()) {
            sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            sep = '&';
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "ItsmeClient[issuer=" + issuer + ", clientId=" + clientId + "]";
    }

    /**
     * The settings of an {@link ItsmeClient}. {@link #build()} checks them all and reports every problem at once.
     *
     * <p>Immutable and thread-safe: each setter returns a new builder, so that a partly filled builder can be shared
     * and specialised (e.g. one base configuration, several clients).
     */
    public static final class Builder {
        /** The largest tolerated clock difference. */
        public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

        private ItsmeEnvironment environment;
        private URI discoveryUri;
        private String expectedIssuer;
        private String clientId;
        private RelyingPartyKeys keys;
        private URI redirectUri;
        private URI requestUriBase;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private Duration clockSkew = Duration.ofSeconds(30);
        private Duration maxTokenAge = Duration.ofMinutes(10);
        private Duration pendingLifetime = Duration.ofMinutes(10);
        private Clock clock = Clock.systemUTC();
        private int maxResponseBytes = ItsmeHttp.DEFAULT_MAX_RESPONSE_BYTES;

        private Builder() {
        }

        private Builder(Builder o) {
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
            pendingLifetime = o.pendingLifetime;
            clock = o.clock;
            maxResponseBytes = o.maxResponseBytes;
        }

        /** itsme's environment; its issuer is known, so no {@link #expectedIssuer(String)} is needed. */
        public Builder discovery(ItsmeEnvironment environment) {
            Builder b = new Builder(this);
            b.environment = environment;
            return b;
        }

        /**
         * A discovery document elsewhere (the simulator, tests). The expected issuer defaults to the URI without
         * {@code /.well-known/openid-configuration}.
         */
        public Builder discoveryUri(URI discoveryUri) {
            Builder b = new Builder(this);
            b.discoveryUri = discoveryUri;
            return b;
        }

        /** The issuer the discovery document must announce, exactly. */
        public Builder expectedIssuer(String expectedIssuer) {
            Builder b = new Builder(this);
            b.expectedIssuer = expectedIssuer;
            return b;
        }

        /** The client id from onboarding. Required. */
        public Builder clientId(String clientId) {
            Builder b = new Builder(this);
            b.clientId = clientId;
            return b;
        }

        /** The relying party's private keys. Required. */
        public Builder keys(RelyingPartyKeys keys) {
            Builder b = new Builder(this);
            b.keys = keys;
            return b;
        }

        /** The registered redirect URI: https (or http to loopback), no fragment. Required. */
        public Builder redirectUri(URI redirectUri) {
            Builder b = new Builder(this);
            b.redirectUri = redirectUri;
            return b;
        }

        /**
         * Where the application serves request objects for {@link RequestObjectMode#REFERENCE}; a request object's
         * {@code request_uri} is this plus {@code "/" + id}. itsme wants https with the explicit port {@code :443}.
         */
        public Builder requestUriBase(URI requestUriBase) {
            Builder b = new Builder(this);
            b.requestUriBase = requestUriBase;
            return b;
        }

        /** How long to wait for a connection to itsme. Default 5 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            Builder b = new Builder(this);
            b.connectTimeout = connectTimeout;
            return b;
        }

        /** How long to wait for itsme's complete answer once connected. Default 10 s. */
        public Builder readTimeout(Duration readTimeout) {
            Builder b = new Builder(this);
            b.readTimeout = readTimeout;
            return b;
        }

        /** The tolerated clock difference with itsme. Default 30 s, at most 5 minutes. */
        public Builder clockSkew(Duration clockSkew) {
            Builder b = new Builder(this);
            b.clockSkew = clockSkew;
            return b;
        }

        /** How old an ID token's {@code iat} may be. Default 10 minutes. */
        public Builder maxTokenAge(Duration maxTokenAge) {
            Builder b = new Builder(this);
            b.maxTokenAge = maxTokenAge;
            return b;
        }

        /** How long a login may take between authorize and callback. Default 10 minutes. */
        public Builder pendingLifetime(Duration pendingLifetime) {
            Builder b = new Builder(this);
            b.pendingLifetime = pendingLifetime;
            return b;
        }

        /** The clock for every time check. Default UTC system clock. */
        public Builder clock(Clock clock) {
            Builder b = new Builder(this);
            b.clock = clock;
            return b;
        }

        /** The bound on any answer's size. Default 256 KiB. */
        public Builder maxResponseBytes(int maxResponseBytes) {
            Builder b = new Builder(this);
            b.maxResponseBytes = maxResponseBytes;
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
            positive(connectTimeout, "connectTimeout", problems);
            positive(readTimeout, "readTimeout", problems);
            positive(maxTokenAge, "maxTokenAge", problems);
            positive(pendingLifetime, "pendingLifetime", problems);
            if (clockSkew == null) {
                problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_MISSING, "clockSkew"));
            } else if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
                problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_INVALID, "clockSkew",
                        "must be between 0 and " + MAX_CLOCK_SKEW));
            }
            if (clock == null) {
                problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_MISSING, "clock"));
            }
            if (maxResponseBytes < 1024) {
                problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_INVALID, "maxResponseBytes",
                        "at least 1024"));
            }
            checkMicroProfileConfig(problems);
            Jsonb jsonb = null;
            JsonProvider json = null;
            try {
                json = JsonProvider.provider();
            } catch (RuntimeException | LinkageError e) {
                problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_NO_JSON_IMPLEMENTATION, e, "JSON-P",
                        "org.eclipse.parsson:parsson"));
            }
            try {
                jsonb = JsonbBuilder.create();
            } catch (RuntimeException | LinkageError e) {
                problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_NO_JSON_IMPLEMENTATION, e, "JSON-B",
                        "org.eclipse:yasson"));
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

        private static void positive(Duration d, String name, List<ItsmeConfigurationException> problems) {
            if (d == null) {
                problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_MISSING, name));
            } else if (d.isNegative() || d.isZero()) {
                problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_INVALID, name, "must be positive"));
            }
        }

        private static void checkMicroProfileConfig(List<ItsmeConfigurationException> problems) {
            try {
                ConfigProviderResolver.instance();
            } catch (RuntimeException | LinkageError e) {
                problems.add(new ItsmeConfigurationException(ItsmeMessage.CONFIG_NO_MICROPROFILE_CONFIG, e));
            }
        }
    }
}

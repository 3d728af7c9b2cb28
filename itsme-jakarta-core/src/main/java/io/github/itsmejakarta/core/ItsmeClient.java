package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.internal.discovery.DiscoveryLoader;
import io.github.itsmejakarta.core.internal.discovery.JwksSource;
import io.github.itsmejakarta.core.internal.discovery.ProviderContext;
import io.github.itsmejakarta.core.internal.discovery.ProviderSource;
import io.github.itsmejakarta.core.internal.http.BearerChallenge;
import io.github.itsmejakarta.core.internal.http.HttpResult;
import io.github.itsmejakarta.core.internal.http.ItsmeHttp;
import io.github.itsmejakarta.core.internal.http.SafeText;
import io.github.itsmejakarta.core.internal.http.UrlQuery;
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
import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;
import jakarta.json.bind.Jsonb;
import jakarta.json.spi.JsonProvider;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * <p>{@link ItsmeClientBuilder#build()} makes no network call. itsme's discovery document is fetched on first use and
 * cached for the life of the client. Concurrent first uses share one fetch; a failed fetch is remembered for
 * {@link ItsmeClientBuilder#discoveryFailureMemory(Duration) discoveryFailureMemory} (10 s by default), during which
 * calls fail at once with ITSME-1104 instead of each waiting out the timeouts, and the next use after it tries again.
 * Its JWK set is fetched once and
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
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final URI discoveryUri;
    private final String issuer;
    private final String clientId;
    private final RelyingPartyKeys keys;
    private final URI redirectUri;
    private final URI requestUriBase;
    private final Duration clockSkew;
    private final Duration maxTokenAge;
    private final Duration jwksRefetchInterval;
    private final Duration pendingLifetime;
    private final Clock clock;
    private final ItsmeTelemetry telemetry;
    private final ItsmeHttp http;
    private final DiscoveryLoader discovery;
    private final TokenResponseReader tokenReader;
    private final JwtMinter minter;
    private final UsedStates usedStates = new UsedStates();
    private final ProviderSource provider;

    ItsmeClient(ItsmeClientBuilder b, URI discoveryUri, String issuer, Jsonb jsonb, JsonProvider json) {
        this.discoveryUri = discoveryUri;
        this.issuer = issuer;
        this.clientId = b.clientId;
        this.keys = b.keys;
        this.redirectUri = b.redirectUri;
        this.requestUriBase = b.requestUriBase;
        this.clockSkew = b.clockSkew;
        this.maxTokenAge = b.maxTokenAge;
        this.jwksRefetchInterval = b.jwksRefetchInterval;
        this.pendingLifetime = b.pendingLifetime;
        this.clock = b.clock;
        this.telemetry = b.telemetry;
        this.http = new ItsmeHttp(b.connectTimeout, b.readTimeout, b.maxResponseBytes, telemetry);
        this.discovery = new DiscoveryLoader(http, jsonb);
        this.tokenReader = new TokenResponseReader(json);
        this.minter = new JwtMinter(clientId, clock);
        this.provider = new ProviderSource(discoveryUri, this::loadProvider, clock, b.discoveryFailureMemory);
    }

    /** A builder with the defaults listed on its methods. */
    public static ItsmeClientBuilder builder() {
        return new ItsmeClientBuilder();
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
     * Whether itsme's discovery document has been read since this client was built. While it has not, a failure to
     * reach itsme is more likely a configuration problem (wrong environment or discovery URI, no route to itsme) than
     * an outage: the client then logs ITSME-1105 once at WARNING with the URL, and an integration can say so too.
     */
    public boolean hasReadDiscovery() {
        return provider.everRead();
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
     * @throws ItsmeConfigurationException ITSME-1003 or 1002 if a URI breaks those rules; ITSME-1020 if an
     *             Identification or Data Sharing request asks for no user claim (itsme's rule)
     */
    public PendingAuthorization authorize(AuthorizationRequest request, URI redirectUri, URI requestUriBase)
            throws ItsmeException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(redirectUri, "redirectUri");
        if (request.service().needsUserClaim() && !request.asksForUserClaim()) {
            // itsme would refuse it only after the user's round trip to the app
            throw new ItsmeConfigurationException(ItsmeMessage.SERVICE_NEEDS_USER_CLAIM, request.service().itsmeName(),
                    request.serviceCode());
        }
        checkCallbackUri(redirectUri, "redirectUri");
        RequestObjectMode mode = request.requestObjectMode();
        if (mode == RequestObjectMode.REFERENCE && requestUriBase == null) {
            throw new ItsmeConfigurationException(ItsmeMessage.CONFIG_REQUEST_URI_BASE_MISSING);
        }
        if (requestUriBase != null) {
            checkCallbackUri(requestUriBase, "requestUriBase");
        }
        ProviderContext p = provider();
        if (mode == RequestObjectMode.REFERENCE
                && Boolean.FALSE.equals(p.metadata().requestUriParameterSupported())) {
            // a per-login requestUriBase is not known when discovery is first read, so this login is checked here
            throw new ItsmeConfigurationException(ItsmeMessage.DISCOVERY_UNSUPPORTED,
                    "request_uri_parameter_supported is false, yet this login asks for a request object by reference");
        }
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
                query.put("request_uri", UrlQuery.child(requestUriBase, id).toString());
            }
        }
        URI uri = UrlQuery.append(p.authorizationEndpoint(), query);
        telemetry.loginStarted(request.service());
        return PendingAuthorization.of(state, nonce, verifier, redirectUri, request.service(), request.serviceCode(),
                request.acr(), now, expiresAt, uri, requestObject);
    }

    /**
     * Completes a login from itsme's callback: checks the response against the pending login, redeems the code at
     * the token endpoint and validates the ID token.
     *
     * <p>Checks, in order: the {@code iss} parameter when present (RFC 9207 2.4; ITSME-1207); {@code state} present
     * (1202) and equal to the pending one, compared in constant time (1203), also for an error response, so that a
     * forged callback cannot cancel a login (RFC 6749 10.12); an error response (ITSME-1201, no token request is made:
     * checklist item 25); the pending login not expired (1204) nor already completed (1205); {@code code} present
     * (1206). Then the token request (OIDC Core 3.1.3.1 with {@code private_key_jwt},
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
        ItsmeTelemetry.Operation operation = telemetry.callback(pending.service());
        try {
            ItsmeTokens tokens = redeem(response, pending);
            telemetry.loginSucceeded(pending.service());
            return tokens;
        } catch (ItsmeException e) {
            operation.failed(e.messageId());
            telemetry.loginFailed(pending.service(), e.messageId());
            throw e;
        } finally {
            operation.end();
        }
    }

    private ItsmeTokens redeem(AuthorizationResponse response, PendingAuthorization pending) throws ItsmeException {
        if (response.issuer().isPresent() && !issuer.equals(response.issuer().get())) {
            throw new ItsmeRejectedException(ItsmeMessage.CALLBACK_ISSUER_MISMATCH,
                    SafeText.description(response.issuer().get()));
        }
        // state first (RFC 6749 10.12): without the browser's state, a cross-site request could cancel its login
        String state = response.state()
                .orElseThrow(() -> new ItsmeRejectedException(ItsmeMessage.CALLBACK_STATE_MISSING));
        if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new ItsmeRejectedException(ItsmeMessage.CALLBACK_STATE_MISMATCH);
        }
        if (response.isError()) {
            String error = SafeText.errorCode(response.error().get());
            LOG.log(Level.INFO, "itsme answered the authorization request with error {0}", error);
            throw new ItsmeErrorResponseException(ItsmeMessage.CALLBACK_ERROR, error,
                    SafeText.description(response.errorDescription().orElse(null)));
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
            BearerChallenge challenge = BearerChallenge.parse(result.header("WWW-Authenticate"));
            throw new ItsmeErrorResponseException(ItsmeMessage.USERINFO_ERROR,
                    challenge.error().map(SafeText::errorCode).orElse("HTTP " + result.status()),
                    SafeText.description(challenge.description().orElse(null)));
        }
        return p.processor().processUserInfo(result.bodyText(), tokens.identity().sub());
    }

    /**
     * Reads itsme's discovery document and JWK set afresh, past every cache, and checks them as a login would: the
     * discovery issuer (OIDC Discovery 4.3), the endpoints, and at least one RSA signature key in the JWK set. The check
     * behind a readiness probe; the caches that logins use are left as they are.
     *
     * @throws ItsmeException why itsme cannot be used now: ITSME-1101/1102/1103 (discovery), 1110/1111 (JWK set),
     *             112x (communication)
     */
    public void checkProvider() throws ItsmeException {
        ItsmeProviderMetadata metadata = discovery.load(discoveryUri, issuer, requestUriBase != null);
        JwksSource source = new JwksSource(http, DiscoveryLoader.endpoint(metadata.jwksUri(), "jwks_uri"));
        if (new ItsmeJwks(source, clock, Duration.ZERO).verificationKeys().isEmpty()) {
            throw new ItsmeRejectedException(ItsmeMessage.JWKS_INVALID, "no RSA key to verify signatures with");
        }
    }

    private ProviderContext provider() throws ItsmeException {
        return provider.get();
    }

    /** Reads discovery and builds what it says; runs once per successful read, on one thread at a time. */
    private ProviderContext loadProvider() throws ItsmeException {
        ItsmeProviderMetadata metadata = discovery.load(discoveryUri, issuer, requestUriBase != null);
        JwksSource jwks = new JwksSource(http, DiscoveryLoader.endpoint(metadata.jwksUri(), "jwks_uri"));
        TokenPolicy policy = new TokenPolicy(issuer, clientId, ProviderContext.allowedJweAlgorithms(metadata),
                ProviderContext.allowedContentEncryptions(metadata), clockSkew, maxTokenAge, clock,
                TokenPolicy.DEFAULT_MAX_TOKEN_BYTES);
        ItsmeJwks itsmeKeys = new ItsmeJwks(jwks, clock, jwksRefetchInterval);
        ItsmeTokenProcessor processor = new ItsmeTokenProcessor(keys, itsmeKeys, policy);
        ProviderContext context = new ProviderContext(metadata, itsmeKeys, processor);
        LOG.log(Level.DEBUG, "itsme discovery loaded for issuer {0}", issuer);
        return context;
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

    @Override
    public String toString() {
        return "ItsmeClient[issuer=" + issuer + ", clientId=" + clientId + "]";
    }
}

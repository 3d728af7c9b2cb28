package io.github.itsmejakarta.testkit.internal;

import io.github.itsmejakarta.testkit.Leniency;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /v2/token} (OIDC Core 3.1.3; RFC 6749 4.1.3; RFC 7636 4.6): authenticates the client with
 * {@code private_key_jwt}, redeems the code once (a second use revokes the access token the first one gave, RFC 6749
 * 4.1.2), checks {@code redirect_uri} and the PKCE verifier, and answers {@code access_token}, {@code token_type},
 * {@code expires_in}, {@code id_token}. Errors are HTTP 400 JSON with {@code error} and {@code detail}, itsme's name
 * for the description. Thread-safe.
 */
public final class TokenEndpoint {

    private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());

    private final SimulatorContext ctx;

    public TokenEndpoint(SimulatorContext ctx) {
        this.ctx = ctx;
    }

    public SimResponse handle(SimRequest request) {
        var scripted = ctx.hooks.takeTokenResponse();
        if (scripted.isPresent()) {
            return scripted.get();
        }
        var failure = ctx.hooks.takeTokenFailure();
        if (failure.isPresent()) {
            return error(failure.get().status(), failure.get().error(), failure.get().detail());
        }
        if (!request.header("content-type").orElse("").toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            return error(400, "invalid_request", "the body must be application/x-www-form-urlencoded");
        }
        for (Map.Entry<String, java.util.List<String>> p : request.form().entrySet()) {
            if (p.getValue().size() > 1) {
                return error(400, "invalid_request", p.getKey() + " is given more than once");
            }
        }
        if (!"authorization_code".equals(request.formParam("grant_type").orElse(null))) {
            return error(400, "invalid_request", "grant_type must be authorization_code");
        }
        Optional<String> assertion = request.formParam("client_assertion");
        if (!ClientAssertionVerifier.ASSERTION_TYPE.equals(request.formParam("client_assertion_type").orElse(null))
                || assertion.isEmpty()) {
            return error(400, "invalid_client", "private_key_jwt is required: client_assertion_type "
                    + ClientAssertionVerifier.ASSERTION_TYPE + " and client_assertion");
        }
        Clients.Registered client;
        try {
            client = ctx.assertions.verify(assertion.get());
        } catch (ClientAssertionVerifier.Failure e) {
            LOG.log(System.Logger.Level.DEBUG, "client assertion refused: {0}", e.getMessage());
            return error(400, e.error(), e.getMessage());
        }
        String clientId = client.client().clientId();
        Optional<String> clientIdParam = request.formParam("client_id");
        if (clientIdParam.isPresent() && !clientIdParam.get().equals(clientId)) {
            return error(400, "invalid_client", "client_id differs from the client assertion's iss");
        }
        String code = request.formParam("code").orElse(null);
        if (code == null || code.isEmpty()) {
            return error(400, "invalid_request", "code is missing");
        }
        String verifier = request.formParam("code_verifier").orElse(null);
        boolean pkceOptional = ctx.leniencies.contains(Leniency.OPTIONAL_STATE_NONCE_PKCE);
        if ((verifier != null || !pkceOptional) && !Pkce.wellFormed(verifier)) {
            return error(400, "invalid_request", "code_verifier must be 43 to 128 unreserved characters");
        }
        Optional<Grant> taken = ctx.codes.take(code);
        if (taken.isEmpty()) {
            ctx.redeemedCodes.take(code).ifPresent(ctx.accessTokens::remove);
            return error(400, "invalid_grant", "the code is unknown, expired or already used");
        }
        Grant grant = taken.get();
        if (!grant.request().client().clientId().equals(clientId)) {
            return error(400, "invalid_grant", "the code was issued to another client");
        }
        if (!grant.request().redirectUri().equals(request.formParam("redirect_uri").orElse(null))) {
            return error(400, "invalid_grant", "redirect_uri differs from the authorization request's");
        }
        String challenge = grant.request().codeChallenge();
        if (challenge != null && verifier == null) {
            return error(400, "invalid_request", "code_verifier is required: the authorization request used PKCE");
        }
        // RFC 7636 4.6 defines no check for a verifier without a challenge (only a lenient simulator lets a request
        // go without one): there is nothing to compare it with, so it is ignored
        if (challenge != null && !Pkce.matches(verifier, challenge)) {
            return error(400, "invalid_grant", "code_verifier does not match the code_challenge");
        }
        String idToken;
        try {
            idToken = ctx.minter.mint(ctx.claims.idToken(grant), client.keys().encryptionKey(),
                    ctx.hooks.takeIdTokenAlteration().orElse(null));
        } catch (ClientKeyException e) {
            return error(400, "invalid_client", e.getMessage());
        }
        String accessToken = UUID.randomUUID().toString();
        ctx.accessTokens.put(accessToken, grant);
        ctx.redeemedCodes.put(code, accessToken);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", SimulatorContext.ACCESS_TOKEN_LIFETIME.toSeconds());
        body.put("id_token", idToken);
        ctx.hooks.takeTokenResponseAlteration().ifPresent(alteration -> alteration.accept(body));
        return SimResponse.json(200, body);
    }

    private static SimResponse error(int status, String error, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (detail != null) {
            body.put("detail", detail);
        }
        return SimResponse.json(status, body);
    }
}

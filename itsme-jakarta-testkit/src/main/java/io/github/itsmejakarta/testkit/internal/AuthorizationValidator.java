package io.github.itsmejakarta.testkit.internal;

import static io.github.itsmejakarta.testkit.ItsmeClaimNames.*;

import io.github.itsmejakarta.testkit.ServiceType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an authorization request the way itsme does (itsme-protocol.md, "Authorization request"; OIDC Core 3.1.2.1
 * and 6; RFC 7636): {@code client_id} and {@code redirect_uri} first (failures are shown, never redirected), then the
 * request object if any, then {@code response_type}, {@code scope} (openid + a registered {@code service:<code>}),
 * PKCE S256, {@code state}, {@code nonce}, {@code prompt}, {@code claims} (an essential {@code acr} included, OIDC Core
 * 5.5.1.1), at least one user claim for the Identification and Data Sharing services (itsme's rule) and the approval
 * of the confirm service. With a request object, {@code response_type} and {@code scope}
 * must also be in the query (OIDC Core 6.1). {@code state}, {@code nonce} and PKCE are required unless the simulator
 * is lenient about them (itsme only recommends them). Thread-safe.
 */
public final class AuthorizationValidator {

    /** Scopes itsme knows besides {@code openid} and {@code service:<code>}. */
    public static final Set<String> KNOWN_SCOPES = Set.of("profile", "email", "address", "phone", "eid",
            "idDocument");

    private static final Pattern CODE_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Set<String> SINGLE_VALUED = Set.of("client_id", "redirect_uri", "response_type", "scope",
            "state", "nonce", "code_challenge", "code_challenge_method", "acr_values", "claims", "request",
            "request_uri", "prompt", "display", "ui_locales", "login_hint", "max_age", "response_mode");
    private static final int MAX_APPROVAL_TEXT = 7500;
    /** Claims that can be asked through {@code claims} without being a user's claim. */
    private static final Set<String> NOT_USER_CLAIMS = Set.of("sub", "acr", "amr", "auth_time", "nonce", "iss",
            "aud", "azp", "exp", "iat");
    /** Claims about the request object itself, not authorization parameters. */
    private static final Set<String> JWT_CLAIMS = Set.of("iss", "aud", "exp", "iat", "nbf", "jti");

    private final Clients clients;
    private final RequestObjectReader requestObjects;
    private final boolean stateNoncePkceOptional;

    /**
     * @param stateNoncePkceOptional true in the lenient mode
     *        {@link io.github.itsmejakarta.testkit.Leniency#OPTIONAL_STATE_NONCE_PKCE}
     */
    public AuthorizationValidator(Clients clients, RequestObjectReader requestObjects,
            boolean stateNoncePkceOptional) {
        this.clients = clients;
        this.requestObjects = requestObjects;
        this.stateNoncePkceOptional = stateNoncePkceOptional;
    }

    /**
     * Validates a request.
     *
     * @param query the query parameters
     * @param redirectTarget receives the redirect URI and state as soon as they are known to be safe to redirect to,
     *        so that a later {@link AuthorizationError.Invalid} can be redirected there
     */
    public ValidatedAuthorization validate(Map<String, List<String>> query, RedirectTarget redirectTarget)
            throws AuthorizationError {
        Map<String, List<String>> params = query;
        String clientId = single(params, "client_id");
        if (clientId == null || clientId.isEmpty()) {
            throw new AuthorizationError.Unredirectable("invalid_client_id", "client_id is missing");
        }
        Clients.Registered client = clients.find(clientId)
                .orElseThrow(() -> new AuthorizationError.Unredirectable("invalid_client_id",
                        "client_id is not registered"));
        String queryRedirect = single(params, "redirect_uri");
        if (queryRedirect != null) {
            requireRegistered(client, queryRedirect);
            redirectTarget.set(queryRedirect, first(params, "state"));
        }
        for (String name : SINGLE_VALUED) {
            List<String> values = params.get(name);
            if (values != null && values.size() > 1) {
                throw new AuthorizationError.Invalid("invalid_request", name + " is given more than once");
            }
        }

        Map<String, Object> effective = new LinkedHashMap<>();
        params.forEach((k, v) -> effective.put(k, v.get(0)));
        boolean hasRequestObject = false;
        String request = first(params, "request");
        String requestUri = first(params, "request_uri");
        if (request != null && requestUri != null) {
            throw new AuthorizationError.Invalid("invalid_request", "request and request_uri are both given");
        }
        if (request != null || requestUri != null) {
            mergeRequestObject(request != null ? request : requestObjects.fetch(requestUri), client, effective);
            hasRequestObject = true;
        }

        String redirectUri = string(effective, "redirect_uri");
        if (redirectUri == null || redirectUri.isEmpty()) {
            throw new AuthorizationError.Unredirectable("invalid_redirect_uri", "redirect_uri is missing");
        }
        requireRegistered(client, redirectUri);
        String state = string(effective, "state");
        redirectTarget.set(redirectUri, state);
        if (hasRequestObject) {
            requireOAuthParametersInQuery(params, effective);
        }

        if (!"code".equals(string(effective, "response_type"))) {
            throw new AuthorizationError.Invalid("unsupported_response_type", "response_type must be code");
        }
        String responseMode = string(effective, "response_mode");
        if (responseMode != null && !"query".equals(responseMode)) {
            throw new AuthorizationError.Invalid("invalid_request", "response_mode must be query");
        }
        Set<String> scopes = scopes(string(effective, "scope"));
        String serviceCode = serviceCode(scopes);
        ServiceType serviceType = client.client().services().get(serviceCode);
        if (serviceType == null) {
            throw new AuthorizationError.Invalid("invalid_scope", "service " + IncomingJwt.printable(serviceCode)
                    + " is not registered for this client");
        }
        String challenge = pkceChallenge(effective);
        if (state != null && state.isEmpty() || state == null && !stateNoncePkceOptional) {
            throw new AuthorizationError.Invalid("invalid_request", "state is required");
        }
        String nonce = string(effective, "nonce");
        if (nonce != null && nonce.isEmpty() || nonce == null && !stateNoncePkceOptional) {
            throw new AuthorizationError.Invalid("invalid_request", "nonce is required");
        }
        String display = string(effective, "display");
        if (display != null && !"page".equals(display)) {
            throw new AuthorizationError.Invalid("invalid_request", "display must be page");
        }
        String prompt = string(effective, "prompt");
        if (prompt != null && Arrays.asList(prompt.trim().split("\\s+")).contains("none")) {
            throw new AuthorizationError.Invalid("login_required", "itsme always needs the user's action");
        }

        ClaimsRequest claims = ClaimsRequest.NONE;
        Object claimsValue = effective.get("claims");
        if (claimsValue != null) {
            claims = ClaimsRequest.fromObject(claimsValue);
        }
        if (serviceType.needsUserClaim() && !asksForAUserClaim(scopes, claims)) {
            throw new AuthorizationError.Invalid("invalid_request", "the " + serviceType.itsmeName()
                    + " service needs at least one user claim: a scope such as profile, or claims");
        }
        String acr = Acrs.forRequest(string(effective, "acr_values"), claims.idToken().get("acr"));
        Map<String, String> approval = approval(serviceType, hasRequestObject, claims);
        String pinnedSub = claims.userinfo().get("sub") == null
                ? null
                : stringOrNull(claims.userinfo().get("sub").get("value"));
        return new ValidatedAuthorization(client.client(), redirectUri, state, nonce, challenge, scopes,
                serviceCode, serviceType, acr, claims, approval, pinnedSub);
    }

    private void mergeRequestObject(String token, Clients.Registered client, Map<String, Object> effective)
            throws AuthorizationError.Invalid {
        Map<String, Object> claims = requestObjects.read(token, client);
        // OIDC Core 6.3.3: the request object's values supersede the query's
        claims.forEach((k, v) -> {
            if (!JWT_CLAIMS.contains(k)) {
                effective.put(k, v);
            }
        });
    }

    /** A scope that releases user claims, or a {@code claims} member that is not a protocol claim. */
    private static boolean asksForAUserClaim(Set<String> scopes, ClaimsRequest claims) {
        if (scopes.stream().anyMatch(KNOWN_SCOPES::contains)) {
            return true;
        }
        return java.util.stream.Stream.concat(claims.idToken().keySet().stream(), claims.userinfo().keySet().stream())
                .anyMatch(name -> !NOT_USER_CLAIMS.contains(name));
    }

    /**
     * OIDC Core 6.1: with a request object, {@code response_type} (matching the request object's) and {@code scope}
     * with {@code openid} must still be sent as query parameters, so that the request stays a valid OAuth 2.0 one.
     */
    private static void requireOAuthParametersInQuery(Map<String, List<String>> query, Map<String, Object> effective)
            throws AuthorizationError.Invalid {
        String responseType = first(query, "response_type");
        if (responseType == null) {
            throw new AuthorizationError.Invalid("invalid_request",
                    "response_type must also be sent as a query parameter beside the request object (OIDC Core 6.1)");
        }
        if (!responseType.equals(string(effective, "response_type"))) {
            throw new AuthorizationError.Invalid("invalid_request",
                    "response_type in the query differs from the request object's");
        }
        String scope = first(query, "scope");
        if (scope == null || !Arrays.asList(scope.trim().split("\\s+")).contains("openid")) {
            throw new AuthorizationError.Invalid("invalid_request",
                    "scope with openid must also be sent as a query parameter beside the request object "
                            + "(OIDC Core 6.1)");
        }
    }

    /** The scope values: {@code openid}, one {@code service:<code>}, known scopes only. */
    private static Set<String> scopes(String scope) throws AuthorizationError.Invalid {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            scopes.addAll(Arrays.asList(scope.trim().split("\\s+")));
        }
        if (!scopes.contains("openid")) {
            throw new AuthorizationError.Invalid("invalid_scope", "scope must contain openid");
        }
        for (String s : scopes) {
            if (!s.equals("openid") && !s.startsWith("service:") && !KNOWN_SCOPES.contains(s)) {
                throw new AuthorizationError.Invalid("invalid_scope", "unknown scope " + IncomingJwt.printable(s));
            }
        }
        return scopes;
    }

    private static String serviceCode(Set<String> scopes) throws AuthorizationError.Invalid {
        List<String> serviceScopes = scopes.stream().filter(s -> s.startsWith("service:")).toList();
        if (serviceScopes.size() != 1) {
            throw new AuthorizationError.Invalid("invalid_scope", "scope must contain one service:<code>");
        }
        return serviceScopes.get(0).substring("service:".length());
    }

    /**
     * RFC 7636 4.3, with itsme's rule that S256 is the only method; null when the lenient mode lets a request go
     * without PKCE.
     */
    private String pkceChallenge(Map<String, Object> effective) throws AuthorizationError.Invalid {
        String challenge = string(effective, "code_challenge");
        if (challenge == null && stateNoncePkceOptional && effective.get("code_challenge_method") == null) {
            return null;
        }
        if (challenge == null) {
            throw new AuthorizationError.Invalid("invalid_request", "code_challenge is required (PKCE)");
        }
        if (!"S256".equals(string(effective, "code_challenge_method"))) {
            throw new AuthorizationError.Invalid("invalid_request", "code_challenge_method must be S256");
        }
        if (!CODE_CHALLENGE.matcher(challenge).matches()) {
            throw new AuthorizationError.Invalid("invalid_request",
                    "code_challenge must be the base64url SHA-256 of the verifier (43 characters)");
        }
        return challenge;
    }

    private static Map<String, String> approval(ServiceType type, boolean hasRequestObject, ClaimsRequest claims)
            throws AuthorizationError.Invalid {
        if (type != ServiceType.CONFIRM) {
            return Map.of();
        }
        if (!hasRequestObject) {
            throw new AuthorizationError.Invalid("invalid_request",
                    "the confirm service needs a request object carrying the approval claims");
        }
        Map<String, String> approval = new LinkedHashMap<>();
        for (String name : List.of(APPROVAL_TEMPLATE_NAME, APPROVAL_TEXT_KEY, APPROVAL_AMOUNT_KEY,
                APPROVAL_CURRENCY_KEY, APPROVAL_IBAN_KEY)) {
            claims.requestedValue(name).ifPresent(v -> approval.put(name, String.valueOf(v)));
        }
        String template = approval.get(APPROVAL_TEMPLATE_NAME);
        if ("free_text".equals(template)) {
            String text = approval.get(APPROVAL_TEXT_KEY);
            if (text == null || text.isBlank()) {
                throw new AuthorizationError.Invalid("invalid_request", "free_text needs claim_approval_text_key");
            }
            if (text.length() > MAX_APPROVAL_TEXT) {
                throw new AuthorizationError.Invalid("invalid_request",
                        "claim_approval_text_key is longer than " + MAX_APPROVAL_TEXT + " characters");
            }
        } else if ("adv_payment".equals(template)) {
            String amount = approval.get(APPROVAL_AMOUNT_KEY);
            if (amount == null || !amount.matches("\\d{1,15}")) {
                throw new AuthorizationError.Invalid("invalid_request",
                        "adv_payment needs claim_approval_amount_key as an integer string");
            }
            if (approval.get(APPROVAL_CURRENCY_KEY) == null || approval.get(APPROVAL_IBAN_KEY) == null) {
                throw new AuthorizationError.Invalid("invalid_request",
                        "adv_payment needs claim_approval_currency_key and claim_approval_iban_key");
            }
        } else {
            throw new AuthorizationError.Invalid("invalid_request",
                    "claim_approval_template_name must be free_text or adv_payment");
        }
        return approval;
    }

    private static void requireRegistered(Clients.Registered client, String redirectUri)
            throws AuthorizationError.Unredirectable {
        if (!client.client().redirectUris().contains(redirectUri)) {
            throw new AuthorizationError.Unredirectable("invalid_redirect_uri",
                    "redirect_uri is not registered for this client");
        }
    }

    /** A parameter that decides where errors go: given twice, it is an error shown on the page. */
    private static String single(Map<String, List<String>> params, String name)
            throws AuthorizationError.Unredirectable {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new AuthorizationError.Unredirectable("invalid_request", name + " is given more than once");
        }
        return values.get(0);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String string(Map<String, Object> params, String name) throws AuthorizationError.Invalid {
        Object value = params.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new AuthorizationError.Invalid("invalid_request_object", name + " must be a string");
        }
        return s;
    }

    private static String stringOrNull(Object value) {
        return value instanceof String s ? s : null;
    }

    /** Where errors found after the redirect URI is known go. Not thread-safe: one per request. */
    public static final class RedirectTarget {
        private String redirectUri;
        private String state;

        void set(String redirectUri, String state) {
            this.redirectUri = redirectUri;
            this.state = state;
        }

        /** The redirect URI, or null when errors must be shown on a page. */
        public String redirectUri() {
            return redirectUri;
        }

        /** The state to echo. */
        public String state() {
            return state;
        }
    }
}

package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.claims.ClaimNames;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the application asks itsme for: the service (by its service code), scopes, the authentication level, claims,
 * UI locales, prompt and how the parameters travel. {@link ItsmeClient#authorize(AuthorizationRequest)} adds what
 * protects the flow ({@code state}, {@code nonce}, PKCE) and always sends {@code openid} and
 * {@code service:<code>} (itsme authorization_request page).
 *
 * <pre>{@code
 * AuthorizationRequest.login("MY_LOGIN").scopes(Scope.PROFILE, Scope.EID).acr(Acr.ADVANCED);
 * AuthorizationRequest.confirm("MY_CONFIRM", Approval.freeText("Sign contract <b>42</b>"));
 * AuthorizationRequest.dataSharing("MY_DATA").claims(ClaimsRequest.idToken(ClaimNames.STUDENT_ATTESTATION_AG));
 * }</pre>
 *
 * <p>Immutable and thread-safe: every {@code withX}-style method returns a new request.
 */
public final class AuthorizationRequest {
    private static final Pattern SERVICE_CODE = Pattern.compile("[\\x21-\\x7E&&[^\"\\\\]]+");
    private static final Pattern LOCALE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");
    /** Claims that can be asked through {@code claims} without being a claim about the user. */
    private static final Set<String> PROTOCOL_CLAIMS = Set.of(ClaimNames.SUB, ClaimNames.ACR, "amr",
            ClaimNames.AUTH_TIME, ClaimNames.NONCE, ClaimNames.ISS, ClaimNames.AUD, ClaimNames.AZP, ClaimNames.EXP,
            ClaimNames.IAT);

    private final Service service;
    private final String serviceCode;
    private final Set<Scope> scopes;
    private final Acr acr;
    private final ClaimsRequest claims;
    private final List<String> uiLocales;
    private final Set<Prompt> prompts;
    private final RequestObjectMode requestObjectMode;
    private final Approval approval;

    private AuthorizationRequest(Service service, String serviceCode, Set<Scope> scopes, Acr acr, ClaimsRequest claims,
            List<String> uiLocales, Set<Prompt> prompts, RequestObjectMode requestObjectMode, Approval approval) {
        this.service = service;
        this.serviceCode = serviceCode;
        this.scopes = scopes;
        this.acr = acr;
        this.claims = claims;
        this.uiLocales = uiLocales;
        this.prompts = prompts;
        this.requestObjectMode = requestObjectMode;
        this.approval = approval;
    }

    /** Identify the user with the Login service (itsme's Authentication). */
    public static AuthorizationRequest login(String serviceCode) {
        return create(Service.LOGIN, serviceCode, RequestObjectMode.NONE, null);
    }

    /** The same as {@link #login(String)}, under itsme's name for the service. */
    public static AuthorizationRequest authentication(String serviceCode) {
        return login(serviceCode);
    }

    /**
     * Identify the user and receive verified identity claims with the Share-data service (itsme's Identification).
     * The request must ask for at least one user claim ({@link #asksForUserClaim()}), or
     * {@link ItsmeClient#authorize(AuthorizationRequest)} refuses it with {@code ITSME-1020}.
     */
    public static AuthorizationRequest shareData(String serviceCode) {
        return create(Service.SHARE_DATA, serviceCode, RequestObjectMode.NONE, null);
    }

    /** The same as {@link #shareData(String)}, under itsme's name for the service. */
    public static AuthorizationRequest identification(String serviceCode) {
        return shareData(serviceCode);
    }

    /**
     * Receive claims from third-party sources (e.g.
     * {@link io.github.itsmejakarta.core.claims.ClaimNames#STUDENT_ATTESTATION_AG}) with itsme's Data Sharing service.
     * The request must ask for at least one user claim ({@link #asksForUserClaim()}), or
     * {@link ItsmeClient#authorize(AuthorizationRequest)} refuses it with {@code ITSME-1020}.
     */
    public static AuthorizationRequest dataSharing(String serviceCode) {
        return create(Service.DATA_SHARING, serviceCode, RequestObjectMode.NONE, null);
    }

    /**
     * Have the user approve a text or a payment with the Confirm service. itsme requires a request object here, so
     * the request object travels by value unless {@link #requestObject(RequestObjectMode) REFERENCE} is chosen.
     */
    public static AuthorizationRequest confirm(String serviceCode, Approval approval) {
        return create(Service.CONFIRM, serviceCode, RequestObjectMode.VALUE,
                Objects.requireNonNull(approval, "approval"));
    }

    private static AuthorizationRequest create(Service service, String serviceCode, RequestObjectMode mode,
            Approval approval) {
        Objects.requireNonNull(serviceCode, "serviceCode");
        if (!SERVICE_CODE.matcher(serviceCode).matches()) {
            throw new IllegalArgumentException("A service code is one scope token (no spaces): " + serviceCode);
        }
        return new AuthorizationRequest(service, serviceCode, Collections.unmodifiableSet(EnumSet.noneOf(Scope.class)),
                Acr.BASIC, ClaimsRequest.empty(), List.of(), Collections.unmodifiableSet(EnumSet.noneOf(Prompt.class)),
                mode, approval);
    }

    /** The same request asking for these scopes (replacing earlier ones); {@code openid} is implied. */
    public AuthorizationRequest scopes(Scope... scopes) {
        EnumSet<Scope> set = EnumSet.noneOf(Scope.class);
        for (Scope s : scopes) {
            set.add(Objects.requireNonNull(s, "scope"));
        }
        return new AuthorizationRequest(service, serviceCode, Collections.unmodifiableSet(set), acr, claims, uiLocales,
                prompts, requestObjectMode, approval);
    }

    /**
     * The same request at this authentication level ({@code acr_values}); the ID token's {@code acr} must be at
     * least as strong. Default {@link Acr#BASIC}, itsme's own default.
     */
    public AuthorizationRequest acr(Acr acr) {
        return new AuthorizationRequest(service, serviceCode, scopes, Objects.requireNonNull(acr, "acr"), claims,
                uiLocales, prompts, requestObjectMode, approval);
    }

    /** The same request asking for these claims (replacing earlier ones). */
    public AuthorizationRequest claims(ClaimsRequest claims) {
        return new AuthorizationRequest(service, serviceCode, scopes, acr, Objects.requireNonNull(claims, "claims"),
                uiLocales, prompts, requestObjectMode, approval);
    }

    /**
     * Whether the request asks for at least one user claim: an optional scope (each releases user claims), or a
     * {@code claims} member that is not a protocol claim ({@code sub}, {@code acr}, {@code auth_time}, ...). itsme
     * refuses Identification and Data Sharing without one; {@link ItsmeClient#authorize(AuthorizationRequest)} checks
     * it beforehand so that the mistake shows at once, not after the user's round trip to the app.
     */
    public boolean asksForUserClaim() {
        if (!scopes.isEmpty()) {
            return true;
        }
        return Stream.concat(claims.idTokenClaims().stream(), claims.userInfoClaims().stream())
                .anyMatch(name -> !PROTOCOL_CLAIMS.contains(name));
    }

    /** The same request with these UI locales in order of preference (itsme knows {@code fr nl de en}). */
    public AuthorizationRequest uiLocales(String... locales) {
        List<String> list = new ArrayList<>();
        for (String l : locales) {
            if (l == null || !LOCALE.matcher(l).matches()) {
                throw new IllegalArgumentException("Not a language tag: " + l);
            }
            list.add(l.toLowerCase(Locale.ROOT));
        }
        return new AuthorizationRequest(service, serviceCode, scopes, acr, claims, List.copyOf(list), prompts,
                requestObjectMode, approval);
    }

    /** The same request with these {@code prompt} values (replacing earlier ones). */
    public AuthorizationRequest prompt(Prompt... prompts) {
        EnumSet<Prompt> set = EnumSet.noneOf(Prompt.class);
        for (Prompt p : prompts) {
            set.add(Objects.requireNonNull(p, "prompt"));
        }
        return new AuthorizationRequest(service, serviceCode, scopes, acr, claims, uiLocales,
                Collections.unmodifiableSet(set), requestObjectMode, approval);
    }

    /**
     * The same request with its parameters sent as this kind of request object.
     *
     * @throws IllegalArgumentException for {@link RequestObjectMode#NONE} on a Confirm request: itsme requires a
     *             request object there
     */
    public AuthorizationRequest requestObject(RequestObjectMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (service == Service.CONFIRM && mode == RequestObjectMode.NONE) {
            throw new IllegalArgumentException("itsme's Confirm service requires a request object");
        }
        return new AuthorizationRequest(service, serviceCode, scopes, acr, claims, uiLocales, prompts, mode, approval);
    }

    /** The service. */
    public Service service() {
        return service;
    }

    /** The service code from onboarding. */
    public String serviceCode() {
        return serviceCode;
    }

    /** The optional scopes asked for ({@code openid} and {@code service:} not included). */
    public Set<Scope> scopes() {
        return scopes;
    }

    /** The full {@code scope} parameter: {@code openid service:<code>} then the optional scopes. */
    public String scopeParameter() {
        StringBuilder sb = new StringBuilder("openid service:").append(serviceCode);
        for (Scope s : scopes) {
            sb.append(' ').append(s.value());
        }
        return sb.toString();
    }

    /** The requested authentication level. */
    public Acr acr() {
        return acr;
    }

    /** The claims asked for by the application (without the approval claims). */
    public ClaimsRequest claims() {
        return claims;
    }

    /**
     * The claims sent to itsme: the application's plus, for Confirm, the approval as essential claims with fixed
     * values in the {@code userinfo} member (itsme confirmation page).
     */
    public ClaimsRequest effectiveClaims() {
        if (approval == null) {
            return claims;
        }
        ClaimsRequest.Builder b = ClaimsRequest.builder();
        approval.claims().forEach(b::userInfoValue);
        return claims.merge(b.build());
    }

    /** The UI locales, in order of preference. */
    public List<String> uiLocales() {
        return uiLocales;
    }

    /** The {@code prompt} values. */
    public Set<Prompt> prompts() {
        return prompts;
    }

    /** How the parameters travel. */
    public RequestObjectMode requestObjectMode() {
        return requestObjectMode;
    }

    /** What the user approves, for Confirm. */
    public Optional<Approval> approval() {
        return Optional.ofNullable(approval);
    }

    /** The {@code prompt} parameter value, or empty. */
    public Optional<String> promptParameter() {
        if (prompts.isEmpty()) {
            return Optional.empty();
        }
        Set<String> values = new LinkedHashSet<>();
        prompts.forEach(p -> values.add(p.value()));
        return Optional.of(String.join(" ", values));
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[" + service + " " + serviceCode + ", scopes=" + scopes + ", acr=" + acr
                + ", requestObject=" + requestObjectMode + "]";
    }
}

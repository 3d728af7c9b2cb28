package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.Approval;
import io.github.itsmejakarta.core.ClaimsRequest;
import io.github.itsmejakarta.core.Service;
import io.github.itsmejakarta.core.Scope;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Starts an itsme flow on demand through {@link ItsmeContext#start(jakarta.servlet.http.HttpServletRequest,
 * jakarta.servlet.http.HttpServletResponse, ItsmeAuthenticationParameters)}, which works on every server and for a
 * caller who is already logged in, or through {@code SecurityContext.authenticate(request, response, parameters)}
 * (Jakarta Security 3.0, 4.2.2), which WildFly does not pass to the mechanism for an authenticated caller:
 *
 * <pre>
 * AuthenticationStatus status = itsme.start(request, response,
 *         ItsmeAuthenticationParameters.confirm(Approval.freeText("Sign contract 42")).returnTo("/contracts/42"));
 * if (status == AuthenticationStatus.SEND_CONTINUE) {
 *     return; // the response is written; the result is in ItsmeContext after the callback
 * }
 * </pre>
 *
 * Login (itsme's Authentication) uses {@value ItsmeConfigKeys#SERVICE_CODE}, share-data (itsme's Identification)
 * {@value ItsmeConfigKeys#SHARE_DATA_SERVICE_CODE}, confirm (itsme's Confirmation)
 * {@value ItsmeConfigKeys#CONFIRM_SERVICE_CODE}, Data Sharing {@value ItsmeConfigKeys#DATA_SHARING_SERVICE_CODE}.
 * Identification and Data Sharing must ask for at least one user claim (a scope, or a claim here or in
 * {@value ItsmeConfigKeys#CLAIMS}); without one the flow is not started ({@code ITSME-1020}). Scopes given here are added to the configured ones; claims
 * are added to {@value ItsmeConfigKeys#CLAIMS}; an acr given here replaces the configured one.
 *
 * <p>Mutable like its superclass; build one per call, not thread-safe.
 */
public class ItsmeAuthenticationParameters extends AuthenticationParameters {
    private final Service service;
    private final Approval approval;
    private ClaimsRequest claims = ClaimsRequest.empty();
    private Set<Scope> scopes = Set.of();
    private Acr acr;
    private String returnTo;
    private List<String> uiLocales = List.of();
    private String serviceName;

    private ItsmeAuthenticationParameters(Service service, Approval approval) {
        this.service = service;
        this.approval = approval;
        newAuthentication(true);
    }

    /** A Login flow. */
    public static ItsmeAuthenticationParameters login() {
        return new ItsmeAuthenticationParameters(Service.LOGIN, null);
    }

    /** A Share-data flow asking for these claims in the ID token (full claim names). */
    public static ItsmeAuthenticationParameters shareData(String... idTokenClaims) {
        return shareData(ClaimsRequest.idToken(idTokenClaims));
    }

    /** A Share-data flow asking for these claims. */
    public static ItsmeAuthenticationParameters shareData(ClaimsRequest claims) {
        ItsmeAuthenticationParameters p = new ItsmeAuthenticationParameters(Service.SHARE_DATA, null);
        p.claims = Objects.requireNonNull(claims, "claims");
        return p;
    }

    /**
     * An itsme Data Sharing flow asking for these claims in the ID token (full claim names), e.g.
     * {@link io.github.itsmejakarta.core.claims.ClaimNames#STUDENT_ATTESTATION_AG}.
     */
    public static ItsmeAuthenticationParameters dataSharing(String... idTokenClaims) {
        return dataSharing(ClaimsRequest.idToken(idTokenClaims));
    }

    /** An itsme Data Sharing flow asking for these claims. */
    public static ItsmeAuthenticationParameters dataSharing(ClaimsRequest claims) {
        ItsmeAuthenticationParameters p = new ItsmeAuthenticationParameters(Service.DATA_SHARING, null);
        p.claims = Objects.requireNonNull(claims, "claims");
        return p;
    }

    /** A Confirm flow: the user approves {@code approval} in the app. */
    public static ItsmeAuthenticationParameters confirm(Approval approval) {
        return new ItsmeAuthenticationParameters(Service.CONFIRM, Objects.requireNonNull(approval, "approval"));
    }

    /** Adds scopes to the configured ones. */
    public ItsmeAuthenticationParameters scopes(Scope... scopes) {
        EnumSet<Scope> set = EnumSet.noneOf(Scope.class);
        Collections.addAll(set, scopes);
        this.scopes = Collections.unmodifiableSet(set);
        return this;
    }

    /**
     * Whether a login goes to itsme even when the session already holds an itsme caller (default {@code true});
     * share-data and confirm always do.
     */
    @Override
    public ItsmeAuthenticationParameters newAuthentication(boolean newAuthentication) {
        super.newAuthentication(newAuthentication);
        return this;
    }

    /** Asks for this authentication level instead of the configured one. */
    public ItsmeAuthenticationParameters acr(Acr acr) {
        this.acr = Objects.requireNonNull(acr, "acr");
        return this;
    }

    /**
     * Where to send the browser after the callback: a path inside the application (e.g. {@code /orders?id=4}),
     * without the context path. Anything else (absolute, {@code //host}, backslashes) is ignored and the current
     * request's path is used.
     */
    public ItsmeAuthenticationParameters returnTo(String path) {
        this.returnTo = path;
        return this;
    }

    /**
     * Runs the flow with the named service {@code itsme.services.<name>.*} (its service code, scopes, claims, acr and
     * client) instead of the top-level settings; its flow type must be this flow's (else the flow is not started:
     * ITSME-1743), and a name that is not configured is not started either (ITSME-1741). Without a name, a login uses
     * {@value ItsmeConfigKeys#LOGIN_SERVICE} (default: the top level), the other flows the top-level service codes.
     * Scopes, claims and acr given here still add to (or replace) the service's.
     */
    public ItsmeAuthenticationParameters service(String name) {
        this.serviceName = Objects.requireNonNull(name, "name");
        return this;
    }

    /** itsme's screen languages for this flow ({@code fr nl de en}). */
    public ItsmeAuthenticationParameters uiLocales(String... locales) {
        this.uiLocales = List.of(locales);
        return this;
    }

    /** The flow: login, share-data, confirm or data-sharing (not the name of a configured service). */
    public Service service() {
        return service;
    }

    /** The named service the flow runs with, if one was given ({@link #service(String)}). */
    public Optional<String> serviceName() {
        return Optional.ofNullable(serviceName);
    }

    public Optional<Approval> approval() {
        return Optional.ofNullable(approval);
    }

    public ClaimsRequest claims() {
        return claims;
    }

    public Set<Scope> scopes() {
        return scopes;
    }

    public Optional<Acr> acrOverride() {
        return Optional.ofNullable(acr);
    }

    public Optional<String> returnTo() {
        return Optional.ofNullable(returnTo);
    }

    public List<String> uiLocales() {
        return uiLocales;
    }
}

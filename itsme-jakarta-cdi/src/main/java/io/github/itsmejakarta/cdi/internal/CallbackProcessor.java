package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.cdi.ItsmeConfirmationCompleted;
import io.github.itsmejakarta.cdi.ItsmeLoginFailed;
import io.github.itsmejakarta.cdi.ItsmeLoginSucceeded;
import io.github.itsmejakarta.cdi.ItsmeConfirmation;
import io.github.itsmejakarta.cdi.ItsmeCredential;
import io.github.itsmejakarta.core.AuthorizationResponse;
import io.github.itsmejakarta.core.ItsmeClient;
import io.github.itsmejakarta.core.ItsmeCommunicationException;
import io.github.itsmejakarta.core.ItsmeErrorResponseException;
import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeTokens;
import io.github.itsmejakarta.core.PendingAuthorization;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/**
 * Completes itsme's callback (OIDC Core 3.1.2.5): takes this browser's login in progress for the returned
 * {@code state} (single use), lets core check the response, redeem the code and validate the ID token (OIDC Core
 * 3.1.3), refuses a flow that a logged-in caller started but itsme completed for another person (another {@code sub},
 * ITSME-1731, checklist item 38: the session stays the caller's and no confirmation is recorded), hands an
 * {@link ItsmeCredential} to the {@link IdentityStoreHandler}, changes the session id (no session
 * fixation, checklist item 32), stores the caller in the session, notifies the container and redirects to the
 * remembered path.
 *
 * <p>Every outcome is a complete response: refusals answer 401 with a message id, an unreachable or "temporarily
 * unavailable" itsme answers 503; the pages never carry a stack trace, a token, a code or a key.
 *
 * <p>Immutable and thread-safe: its collaborators are.
 */
public final class CallbackProcessor {
    private static final System.Logger LOG = System.getLogger(CallbackProcessor.class.getName());

    private final ServiceRoutes routes;
    private final LoginStateStore loginStates;
    private final IdentityStoreHandler identityStoreHandler;
    private final LoginEvents events;
    private final Clock clock;
    private final ItsmeReachability reachability;
    private final UserInfoMode userInfo;

    CallbackProcessor(ServiceRoutes routes, LoginStateStore loginStates, IdentityStoreHandler identityStoreHandler,
            LoginEvents events, Clock clock, ItsmeReachability reachability, UserInfoMode userInfo) {
        this.routes = routes;
        this.loginStates = loginStates;
        this.identityStoreHandler = identityStoreHandler;
        this.events = events;
        this.clock = clock;
        this.reachability = reachability;
        this.userInfo = userInfo;
    }

    private void failed(PendingAuthorization pending, String messageId, int status) {
        events.failed(new ItsmeLoginFailed(messageId, Optional.ofNullable(pending).map(PendingAuthorization::service),
                status, clock.instant()));
    }

    /** Completes the callback this request carries, or writes the page saying why not. */
    public void complete(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext httpMessageContext) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        AuthorizationResponse authorization;
        try {
            authorization = AuthorizationResponse.fromParameterMap(request.getParameterMap());
        } catch (ItsmeException e) {
            failed(null, e.messageId(), 401);
            ErrorPages.refused(response, e.messageId());
            return;
        }
        Optional<LoginState> login = authorization.state().flatMap(s -> loginStates.take(request, response, s));
        if (login.isEmpty()) {
            String message = ItsmeCdiMessage.LOGIN_NOT_IN_PROGRESS.format();
            LOG.log(Level.INFO, message);
            failed(null, ItsmeCdiMessage.LOGIN_NOT_IN_PROGRESS.id(), 401);
            ErrorPages.write(response, 401, "itsme login failed", message + ". Please start again.");
            return;
        }
        LoginState state = login.get();
        PendingAuthorization pending = state.pending();
        // the client the login was started with: its client id, keys and redirect URI complete it
        Optional<ServiceRoutes.Route> route = routes.forLogin(state.serviceName());
        if (route.isEmpty()) {
            String message = ItsmeCdiMessage.SERVICE_GONE.format(state.serviceName());
            LOG.log(Level.INFO, message);
            failed(pending, ItsmeCdiMessage.SERVICE_GONE.id(), 401);
            ErrorPages.write(response, 401, "itsme login failed", message + ". Please start again.");
            return;
        }
        ItsmeClient client = route.get().client();
        ItsmeTokens tokens;
        try {
            tokens = client.exchange(authorization, pending);
        } catch (ItsmeErrorResponseException e) {
            if (e.isTemporarilyUnavailable()) {
                failed(pending, e.messageId(), 503);
                ErrorPages.unavailable(response, e.messageId() + " " + e.error());
            } else {
                failed(pending, e.messageId(), 401);
                ErrorPages.refused(response, e.messageId() + " " + e.error());
            }
            return;
        } catch (ItsmeCommunicationException e) {
            reachability.failed(e);
            failed(pending, e.messageId(), 503);
            ErrorPages.unavailable(response, e.messageId());
            return;
        } catch (ItsmeException e) {
            LOG.log(Level.INFO, e.getMessage()); // core's messages carry no secret
            failed(pending, e.messageId(), 401);
            ErrorPages.refused(response, e.messageId());
            return;
        }
        if (state.expectedSub() != null && !state.expectedSub().equals(tokens.identity().sub())) {
            // the caller's session stays as it was: no other person, no confirmation in A's name
            String message = ItsmeCdiMessage.FLOW_FOR_ANOTHER_PERSON.format(pending.service());
            LOG.log(Level.WARNING, message);
            failed(pending, ItsmeCdiMessage.FLOW_FOR_ANOTHER_PERSON.id(), 401);
            ErrorPages.write(response, 401, "itsme login failed", message);
            return;
        }
        CredentialValidationResult result = identityStoreHandler
                .validate(new ItsmeCredential(tokens.identity(), pending.service()));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            String message = ItsmeCdiMessage.CREDENTIAL_REFUSED.format(result.getStatus());
            LOG.log(Level.INFO, message);
            failed(pending, ItsmeCdiMessage.CREDENTIAL_REFUSED.id(), 401);
            ErrorPages.write(response, 401, "itsme login failed", message);
            return;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        ItsmeSessionData previous = ItsmeSessionData.in(session);
        ItsmeConfirmation confirmation = state.approval() != null
                ? new ItsmeConfirmation(state.approval(), tokens.identity(), clock.instant())
                : previous != null ? previous.lastConfirmation() : null;
        session.setAttribute(ItsmeSessionData.ATTRIBUTE, ItsmeSessionData.of(result.getCallerPrincipal(),
                result.getCallerGroups(), tokens, userInfo, pending.redirectUri(), confirmation));
        // userinfo fetched for an earlier login of this session is not this login's (share-data adds claims)
        session.removeAttribute(ItsmeSessionData.USERINFO_ATTRIBUTE);
        httpMessageContext.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
        Optional<String> previousSubject = Optional.ofNullable(previous).map(p -> p.identity().sub());
        events.succeeded(new ItsmeLoginSucceeded(result.getCallerPrincipal().getName(),
                tokens.identity().sub(), pending.service(), tokens.identity().acrValue(), previous == null,
                previousSubject, clock.instant()));
        if (state.approval() != null) {
            events.confirmed(new ItsmeConfirmationCompleted(tokens.identity().sub(), confirmation));
        }
        response.sendRedirect(request.getContextPath() + state.returnPath());
    }
}

package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.github.itsmejakarta.cdi.Browser.Exchange;
import io.github.itsmejakarta.cdi.internal.ItsmeSessionData;
import io.github.itsmejakarta.core.Approval;
import io.github.itsmejakarta.core.Scope;
import io.github.itsmejakarta.core.claims.ClaimNames;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.TestPersons;
import jakarta.security.enterprise.AuthenticationStatus;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The mechanism's decisions over servlet test doubles, with every flow run against the real simulator on loopback:
 * redirect, follow to itsme with java.net.http, callback with itsme's code, principal and groups.
 */
class ItsmeMechanismFlowTest extends SimulatorTest {
    /** Protected request, itsme, callback: returns the callback exchange. */
    static Exchange login(ItsmeAuthenticationMechanism mechanism, Browser browser, String url) {
        Exchange first = browser.get(mechanism, url, true);
        assertThat(first.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        return browser.get(mechanism, fx.visitItsme(first.redirect), false);
    }

    @Test
    void aProtectedResourceWithoutSessionRedirectsToItsme() {
        Browser browser = new Browser("/app");
        Exchange e = browser.get(fx.mechanism(Map.of()), SimulatorFixture.ORIGIN + "/app/orders?id=4", true);
        assertThat(e.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(e.httpStatus).isEqualTo(302);
        assertThat(e.redirect).startsWith(fx.sim.authorizationEndpoint().toString() + "?");
        assertThat(param(e.redirect, "client_id")).isEqualTo(SimulatorFixture.CLIENT_ID);
        assertThat(param(e.redirect, "redirect_uri")).isEqualTo(SimulatorFixture.CALLBACK);
        assertThat(param(e.redirect, "scope")).contains("openid").contains("service:LOGIN_CODE");
        assertThat(param(e.redirect, "code_challenge_method")).isEqualTo("S256");
        assertThat(param(e.redirect, "state")).isNotBlank();
        assertThat(e.headers).containsEntry("Cache-Control", "no-store");
    }

    @Test
    void aScriptsCallToAProtectedResourceGets401InsteadOfARedirect() {
        Browser browser = new Browser("/app");
        browser.requestHeaders.put("X-Requested-With", "XMLHttpRequest");
        Exchange e = browser.get(fx.mechanism(Map.of()), SimulatorFixture.ORIGIN + "/app/orders?id=4", true);
        assertThat(e.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(e.httpStatus).isEqualTo(401);
        assertThat(e.headers).containsEntry("WWW-Authenticate", "itsme realm=\"/app\"");
        assertThat(e.redirect).isNull();
        assertThat(e.body()).contains("login_required");
        // no login was started: no session, no state
        assertThat(browser.session).isNull();
    }

    @Test
    void withDetectionOffAScriptsCallIsRedirectedLikeANavigation() {
        Browser browser = new Browser("/app");
        browser.requestHeaders.put("X-Requested-With", "XMLHttpRequest");
        Exchange e = browser.get(fx.mechanism(Map.of(ItsmeConfigKeys.DETECT_API_CLIENTS, "false")),
                SimulatorFixture.ORIGIN + "/app/orders?id=4", true);
        assertThat(e.httpStatus).isEqualTo(302);
        assertThat(e.redirect).startsWith(fx.sim.authorizationEndpoint().toString() + "?");
    }

    @Test
    void aCompleteLoginYieldsTheCallerAndGroupsAndRestoresTheOriginalUrl() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(), caller -> Set.of("mapped"));
        Exchange callback = login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/orders?id=4");

        assertThat(callback.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(callback.redirect).isEqualTo("/app/orders?id=4");
        assertThat(callback.notifiedCaller).isInstanceOfSatisfying(ItsmeCallerPrincipal.class, p -> {
            assertThat(p.getName()).isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(SimulatorFixture.CLIENT_ID));
            assertThat(p.sub()).isEqualTo(p.getName());
        });
        assertThat(callback.notifiedGroups).containsExactlyInAnyOrder("itsme-user", "mapped");
        // session fixation: the id the login started with is not the id it ended with
        assertThat(browser.sessionIdHistory).hasSize(2).doesNotHaveDuplicates();
        assertThat(browser.session.id).isEqualTo(browser.sessionIdHistory.get(1));
        assertThat(browser.session.attributes).containsKey(ItsmeSessionData.ATTRIBUTE);
    }

    @Test
    void anEstablishedSessionCostsNoOutboundCall() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange callback = login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/orders");
        int recorded = fx.sim.recordedRequests().size();

        Exchange later = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        Exchange publicPage = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/about", false);

        assertThat(later.status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(later.notifiedCaller).isEqualTo(callback.notifiedCaller);
        assertThat(later.notifiedGroups).isEqualTo(callback.notifiedGroups);
        assertThat(publicPage.status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(fx.sim.recordedRequests()).hasSize(recorded);
    }

    @Test
    void aPublicRequestWithoutLoginReturnsAtOnceWithoutSession() {
        Browser browser = new Browser("/app");
        Exchange e = browser.get(fx.mechanism(Map.of()), SimulatorFixture.ORIGIN + "/app/about", false);
        assertThat(e.status).isEqualTo(AuthenticationStatus.NOT_DONE);
        verify(e.request, never()).getSession(anyBoolean());
        assertThat(browser.session).isNull();
        assertThat(e.setCookies).isEmpty();
    }

    @Test
    void aCallbackWithoutALoginInProgressIsRefusedWithoutTokenCall() {
        Browser browser = new Browser("/app");
        Exchange e = browser.get(fx.mechanism(Map.of()),
                SimulatorFixture.CALLBACK + "?code=0123456789abcdef0123456789abcdef0123&state=forged", false);
        assertThat(e.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(e.httpStatus).isEqualTo(401);
        assertThat(e.body()).contains("ITSME-1721").doesNotContain("0123456789abcdef0123456789abcdef0123");
        assertThat(e.notifiedCaller).isNull();
        assertThat(fx.sim.recordedRequests(Endpoint.TOKEN)).isEmpty();
    }

    @Test
    void aCallbackWithoutStateIsRefused() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true); // a login is in progress
        Exchange e = browser.get(mechanism, SimulatorFixture.CALLBACK + "?code=abc", false);
        assertThat(e.httpStatus).isEqualTo(401);
        assertThat(e.body()).contains("ITSME-1721");
    }

    @Test
    void theLoginStateIsSingleUse() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        String callbackUrl = fx.visitItsme(first.redirect);
        assertThat(browser.get(mechanism, callbackUrl, false).notifiedCaller).isNotNull();

        Exchange replay = browser.get(mechanism, callbackUrl, false);
        Exchange otherBrowser = new Browser("/app").get(mechanism, callbackUrl, false);
        assertThat(replay.httpStatus).isEqualTo(401);
        assertThat(replay.body()).contains("ITSME-1721");
        assertThat(otherBrowser.httpStatus).isEqualTo(401);
        assertThat(fx.sim.recordedRequests(Endpoint.TOKEN)).hasSize(1);
    }

    @Test
    void aDeniedLoginShowsAClearPageAndMakesNoTokenCall() {
        fx.sim.hooks().denyNext();
        Browser browser = new Browser("/app");
        Exchange e = login(fx.mechanism(Map.of()), browser, SimulatorFixture.ORIGIN + "/app/orders");
        assertThat(e.httpStatus).isEqualTo(401);
        assertThat(e.body()).contains("ITSME-1722").contains("access_denied").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(e.headers).containsEntry("Content-Type", "text/html;charset=UTF-8");
        assertThat(e.notifiedCaller).isNull();
        assertThat(browser.session.attributes).doesNotContainKey(ItsmeSessionData.ATTRIBUTE);
        assertThat(fx.sim.recordedRequests(Endpoint.TOKEN)).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"invalid_request", "login_required",
            "interaction_required", "unsupported_request", "invalid_scope", "invalid_request_object"})
    void everyOtherItsmeErrorIsA401NamingTheCode(String error) {
        fx.sim.hooks().failNextAuthorization(error, "described");
        Exchange e = login(fx.mechanism(Map.of()), new Browser("/app"), SimulatorFixture.ORIGIN + "/app/orders");
        assertThat(e.httpStatus).isEqualTo(401);
        assertThat(e.body()).contains("ITSME-1722").contains("ITSME-1201").contains(error).doesNotContain("described");
        assertThat(fx.sim.recordedRequests(Endpoint.TOKEN)).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"temporary_unavailable", "temporarily_unavailable"})
    void bothSpellingsOfTemporarilyUnavailableAnswer503(String error) {
        fx.sim.hooks().failNextAuthorization(error, "later");
        Exchange e = login(fx.mechanism(Map.of()), new Browser("/app"), SimulatorFixture.ORIGIN + "/app/orders");
        assertThat(e.httpStatus).isEqualTo(503);
    }

    @Test
    void itsmesTemporaryUnavailableAnswers503() {
        fx.sim.hooks().failNextAuthorization("temporary_unavailable", "maintenance");
        Exchange e = login(fx.mechanism(Map.of()), new Browser("/app"), SimulatorFixture.ORIGIN + "/app/orders");
        assertThat(e.httpStatus).isEqualTo(503);
        assertThat(e.body()).contains("ITSME-1723").doesNotContain("maintenance");
        assertThat(e.headers).containsKey("Retry-After");
    }

    @Test
    void anUnreachableItsmeAnswers503() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(ItsmeConfigKeys.DISCOVERY_URI,
                "http://127.0.0.1:" + closedPort + "/v2/.well-known/openid-configuration",
                ItsmeConfigKeys.CONNECT_TIMEOUT, "PT2S"));
        Exchange e = new Browser("/app").get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        assertThat(e.httpStatus).isEqualTo(503);
        assertThat(e.body()).contains("ITSME-1723");
    }

    @Test
    void aTokenEndpointErrorIsRefused() {
        fx.sim.hooks().failNextToken(400, "invalid_grant", "code expired");
        Exchange e = login(fx.mechanism(Map.of()), new Browser("/app"), SimulatorFixture.ORIGIN + "/app/orders");
        assertThat(e.httpStatus).isEqualTo(401);
        assertThat(e.body()).contains("ITSME-1722").contains("invalid_grant").doesNotContain("code expired");
    }

    @Test
    void aTamperedIdTokenIsRefusedWithoutCaller() {
        fx.sim.hooks().alterNextIdToken(t -> t.claim("iss", "https://evil.example"));
        Browser browser = new Browser("/app");
        Exchange e = login(fx.mechanism(Map.of()), browser, SimulatorFixture.ORIGIN + "/app/orders");
        assertThat(e.httpStatus).isEqualTo(401);
        assertThat(e.body()).contains("ITSME-1722").contains("ITSME-14");
        assertThat(e.notifiedCaller).isNull();
        assertThat(browser.session.attributes).doesNotContainKey(ItsmeSessionData.ATTRIBUTE);
    }

    @Test
    void theIdentityStoresRefusalIsA401() {
        // the caller name claim is not in the ID token: the itsme store answers INVALID
        Exchange e = login(fx.mechanism(Map.of(ItsmeConfigKeys.CALLER_NAME_CLAIM, "no_such_claim")),
                new Browser("/app"), SimulatorFixture.ORIGIN + "/app/orders");
        assertThat(e.httpStatus).isEqualTo(401);
        assertThat(e.body()).contains("ITSME-1724");
        assertThat(e.notifiedCaller).isNull();
    }

    @Test
    void aConfiguredClaimCanNameTheCaller() {
        Exchange e = login(fx.mechanism(Map.of(ItsmeConfigKeys.CALLER_NAME_CLAIM, "family_name",
                ItsmeConfigKeys.CLAIMS, "family_name")), new Browser("/app"), SimulatorFixture.ORIGIN + "/app/x");
        assertThat(e.notifiedCaller).isNotNull();
        assertThat(e.notifiedCaller.getName())
                .isEqualTo(TestPersons.BELGIAN_EID_HOLDER.claim("family_name").orElseThrow());
    }

    @Test
    void aScopeFromTheSettingsReachesItsme() {
        Exchange first = new Browser("/app").get(fx.mechanism(Map.of(ItsmeConfigKeys.SCOPES, "profile eid",
                ItsmeConfigKeys.ACR, "advanced", ItsmeConfigKeys.UI_LOCALES, "nl")),
                SimulatorFixture.ORIGIN + "/app/x", true);
        assertThat(param(first.redirect, "scope")).contains("profile").contains("eid");
        assertThat(param(first.redirect, "acr_values")).isEqualTo("http://itsme.services/v2/claim/acr_advanced");
        assertThat(param(first.redirect, "ui_locales")).isEqualTo("nl");
    }

    @Test
    void aPostToAProtectedResourceReturnsToTheRoot() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange first = browser.send(mechanism, "POST", SimulatorFixture.ORIGIN + "/app/orders", true, null);
        Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);
        assertThat(callback.redirect).isEqualTo("/app/");
    }

    @Test
    void securityContextAuthenticateStartsAShareDataFlow() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange first = browser.send(mechanism, "GET", SimulatorFixture.ORIGIN + "/app/profile", false,
                ItsmeAuthenticationParameters.shareData("family_name", "birthdate").scopes(Scope.ADDRESS));
        assertThat(first.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(param(first.redirect, "scope")).contains("service:SHARE_CODE").contains("address");
        assertThat(param(first.redirect, "claims")).contains("family_name").contains("birthdate");
        Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);
        assertThat(callback.redirect).isEqualTo("/app/profile");

        ItsmeContext context = fx.context(browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/profile",
                false, null).request, mechanism);
        assertThat(context.claims().flatMap(c -> c.familyName())).isEqualTo(
                TestPersons.BELGIAN_EID_HOLDER.claim("family_name"));
        assertThat(context.claims().flatMap(c -> c.birthdate())).isPresent();
    }

    @Test
    void itsmeContextStartsADataSharingFlowThatReleasesTheStudentAttestationGrant() throws Exception {
        fx.sim.autoApprove(TestPersons.DUTCH_DOCUMENT_HOLDER);
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange page = browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/studies", false, null);
        assertThat(fx.context(page.request, mechanism).start(page.request, page.response,
                ItsmeAuthenticationParameters.dataSharing(ClaimNames.STUDENT_ATTESTATION_AG)))
                .isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(param(page.redirect, "scope")).contains("service:DATA_CODE");
        Exchange callback = browser.get(mechanism, fx.visitItsme(page.redirect), false);
        assertThat(callback.redirect).isEqualTo("/app/studies");

        ItsmeContext context = fx.context(browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/studies",
                false, null).request, mechanism);
        assertThat(context.claims().flatMap(c -> c.studentAttestationGrant())).isEqualTo(
                TestPersons.DUTCH_DOCUMENT_HOLDER.claim(ClaimNames.STUDENT_ATTESTATION_AG));
    }

    @Test
    void aDataSharingFlowWithoutAUserClaimWritesThe500PageWithoutGoingToItsme() throws Exception {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange page = new Browser("/app").exchange("GET", SimulatorFixture.ORIGIN + "/app/x", false, null);
        assertThat(fx.context(page.request, mechanism).start(page.request, page.response,
                ItsmeAuthenticationParameters.dataSharing())).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(page.httpStatus).isEqualTo(500);
        assertThat(page.body()).contains("ITSME-1020");
        assertThat(page.redirect).isNull();
        assertThat(fx.sim.recordedRequests(Endpoint.AUTHORIZATION)).isEmpty();
    }

    @Test
    void securityContextAuthenticateRunsAConfirmFlowWhoseResultIsReadableAfterwards() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");
        Approval approval = Approval.freeText("Sign contract <b>42</b>");

        Exchange first = browser.send(mechanism, "GET", SimulatorFixture.ORIGIN + "/app/contracts/42", false,
                ItsmeAuthenticationParameters.confirm(approval).returnTo("/contracts/42?signed"));
        assertThat(param(first.redirect, "request")).isNotBlank(); // Confirm travels in a request object
        Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);
        assertThat(callback.redirect).isEqualTo("/app/contracts/42?signed");

        ItsmeContext context = fx.context(browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/x", false,
                null).request, mechanism);
        assertThat(context.lastConfirmation()).hasValueSatisfying(c -> assertThat(c.approval()).isEqualTo(approval));
    }

    @Test
    void authenticateReusesTheSessionUnlessANewAuthenticationIsAsked() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange callback = login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");

        Exchange reuse = browser.send(mechanism, "GET", SimulatorFixture.ORIGIN + "/app/x", false,
                ItsmeAuthenticationParameters.login().newAuthentication(false));
        Exchange fresh = browser.send(mechanism, "GET", SimulatorFixture.ORIGIN + "/app/x", false,
                ItsmeAuthenticationParameters.login());
        assertThat(reuse.status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(reuse.notifiedCaller).isEqualTo(callback.notifiedCaller);
        assertThat(fresh.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(fresh.redirect).startsWith(fx.sim.authorizationEndpoint().toString());
    }

    @Test
    void aFlowWhoseServiceCodeIsNotConfiguredIsAnApplicationError() {
        Map<String, String> noConfirm = new java.util.HashMap<>();
        noConfirm.put(ItsmeConfigKeys.CONFIRM_SERVICE_CODE, "");
        Exchange e = new Browser("/app").send(fx.mechanism(noConfirm), "GET", SimulatorFixture.ORIGIN + "/app/x",
                false, ItsmeAuthenticationParameters.confirm(Approval.freeText("x")));
        assertThat(e.httpStatus).isEqualTo(500);
        assertThat(e.body()).contains("ITSME-1728").contains(ItsmeConfigKeys.CONFIRM_SERVICE_CODE);
    }

    /**
     * WildFly answers {@code SecurityContext.authenticate} for an authenticated caller with SUCCESS without calling the
     * mechanism; {@code ItsmeContext.start} goes to the mechanism directly, and the callback completes as for any flow.
     */
    @Test
    void itsmeContextStartsAConfirmForALoggedInCallerWithoutTheContainer() throws Exception {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange login = login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");
        Approval approval = Approval.payment("1250", "EUR", "BE68539007547034");

        // a plain servlet request: no authentication parameters reach the mechanism, the container is not involved
        Exchange page = browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/pay", false, null);
        AuthenticationStatus status = fx.context(page.request, mechanism).start(page.request, page.response,
                ItsmeAuthenticationParameters.confirm(approval).returnTo("/paid"));
        assertThat(status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(page.httpStatus).isEqualTo(302);
        assertThat(page.redirect).startsWith(fx.sim.authorizationEndpoint().toString() + "?");
        assertThat(param(page.redirect, "scope")).contains("service:CONFIRM_CODE");
        assertThat(param(page.redirect, "request")).isNotBlank();

        Exchange callback = browser.get(mechanism, fx.visitItsme(page.redirect), false);
        assertThat(callback.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(callback.redirect).isEqualTo("/app/paid");
        assertThat(callback.notifiedCaller).isEqualTo(login.notifiedCaller);
        ItsmeContext after = fx.context(browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/paid", false,
                null).request, mechanism);
        assertThat(after.lastConfirmation()).hasValueSatisfying(c -> assertThat(c.approval()).isEqualTo(approval));
    }

    @Test
    void itsmeContextStartsShareDataToReturnToTheCurrentPage() throws Exception {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange page = browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/profile?tab=2", false, null);
        assertThat(fx.context(page.request, mechanism).start(page.request, page.response,
                ItsmeAuthenticationParameters.shareData("birthdate"))).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(param(page.redirect, "scope")).contains("service:SHARE_CODE");
        Exchange callback = browser.get(mechanism, fx.visitItsme(page.redirect), false);
        assertThat(callback.redirect).isEqualTo("/app/profile?tab=2");
        assertThat(callback.notifiedCaller).isNotNull();
    }

    @Test
    void itsmeContextStartOfAFlowWithoutServiceCodeWritesThe500Page() throws Exception {
        Map<String, String> noShare = new java.util.HashMap<>();
        noShare.put(ItsmeConfigKeys.SHARE_DATA_SERVICE_CODE, "");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(noShare);
        Exchange page = new Browser("/app").exchange("GET", SimulatorFixture.ORIGIN + "/app/x", false, null);
        assertThat(fx.context(page.request, mechanism).start(page.request, page.response,
                ItsmeAuthenticationParameters.shareData("birthdate"))).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(page.httpStatus).isEqualTo(500);
        assertThat(page.body()).contains("ITSME-1728");
        assertThat(page.redirect).isNull();
        assertThat(fx.sim.recordedRequests(Endpoint.AUTHORIZATION)).isEmpty();
    }

    /**
     * Open Liberty goes on serving an unprotected request (the callback has no servlet) after SEND_FAILURE and appends
     * its own 404 to the page; SEND_CONTINUE after a complete, flushed page is sent as is by every container.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"no-login", "denied", "unavailable", "token-error",
            "store-refusal", "no-service-code", "unknown-request-object"})
    void everyErrorPageIsACompleteResponseAnsweredWithSendContinue(String kind) throws Exception {
        Map<String, String> config = new java.util.HashMap<>();
        if (kind.equals("store-refusal")) {
            config.put(ItsmeConfigKeys.CALLER_NAME_CLAIM, "no_such_claim");
        }
        if (kind.equals("no-service-code")) {
            config.put(ItsmeConfigKeys.CONFIRM_SERVICE_CODE, "");
        }
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(config);
        Browser browser = new Browser("/app");
        Exchange e = switch (kind) {
            case "no-login" -> browser.get(mechanism, SimulatorFixture.CALLBACK + "?code=abc&state=forged", false);
            case "denied" -> {
                fx.sim.hooks().denyNext();
                yield login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/orders");
            }
            case "unavailable" -> {
                fx.sim.hooks().failNextAuthorization("temporary_unavailable", "later");
                yield login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/orders");
            }
            case "token-error" -> {
                fx.sim.hooks().failNextToken(400, "invalid_grant", "used");
                yield login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/orders");
            }
            case "store-refusal" -> login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/orders");
            case "no-service-code" -> browser.send(mechanism, "GET", SimulatorFixture.ORIGIN + "/app/x", false,
                    ItsmeAuthenticationParameters.confirm(Approval.freeText("x")));
            default -> browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/itsme/request/unknown", false);
        };
        int expected = switch (kind) {
            case "unavailable" -> 503;
            case "no-service-code" -> 500;
            case "unknown-request-object" -> 404;
            default -> 401;
        };
        assertThat(e.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(e.httpStatus).isEqualTo(expected);
        assertThat(e.body()).startsWith("<!DOCTYPE html>").endsWith("</html>\n").contains("ITSME-17");
        verify(e.response).flushBuffer(); // committed: nothing the container does later can add to it
        assertThat(e.notifiedCaller).isNull();
    }

    /** The accepting twin: a successful callback is a redirect answered with SEND_CONTINUE too, and notifies a caller. */
    @Test
    void aSuccessfulCallbackIsARedirectAnsweredWithSendContinue() {
        Exchange e = login(fx.mechanism(Map.of()), new Browser("/app"), SimulatorFixture.ORIGIN + "/app/orders");
        assertThat(e.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(e.httpStatus).isEqualTo(302);
        assertThat(e.notifiedCaller).isNotNull();
    }

    @Test
    void userinfoIsFetchedOnlyWhenAskedAndOnce() throws Exception {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(ItsmeConfigKeys.SCOPES, "profile"));
        login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");
        assertThat(fx.sim.recordedRequests(Endpoint.USERINFO)).isEmpty();

        ItsmeContext context = fx.context(browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/x", false,
                null).request, mechanism);
        assertThat(context.userInfo()).hasValueSatisfying(
                u -> assertThat(u.sub()).isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(SimulatorFixture.CLIENT_ID)));
        assertThat(context.userInfo()).isPresent();
        assertThat(fx.sim.recordedRequests(Endpoint.USERINFO)).hasSize(1);
        assertThat(context.acr()).isPresent();
    }

    /**
     * {@code itsme.userinfo=lazy} (default): the session keeps the access token only until userinfo has been fetched;
     * then it keeps the userinfo and the access token is gone from what replication copies.
     */
    @Test
    void theSessionKeepsTheAccessTokenOnlyUntilUserinfoIsFetched() throws Exception {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(ItsmeConfigKeys.SCOPES, "profile"));
        login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");
        String accessToken = sessionData(browser).userInfoTokens().accessToken();
        assertThat(serialized(sessionData(browser))).contains(accessToken);

        ItsmeContext context = fx.context(browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/x", false,
                null).request, mechanism);
        assertThat(context.userInfo()).isPresent();
        assertThat(sessionData(browser).userInfoTokens()).isNull();
        assertThat(serialized(sessionData(browser))).doesNotContain(accessToken);
        assertThat(serialized(browser.session.attributes.get(ItsmeSessionData.USERINFO_ATTRIBUTE)))
                .doesNotContain(accessToken);
        // still answered, from the session
        ItsmeContext later = fx.context(browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/y", false,
                null).request, mechanism);
        assertThat(later.userInfo()).hasValueSatisfying(
                u -> assertThat(u.sub()).isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(SimulatorFixture.CLIENT_ID)));
        assertThat(fx.sim.recordedRequests(Endpoint.USERINFO)).hasSize(1);
    }

    /**
     * {@code itsme.userinfo=never}: the session never holds the access token, and userinfo is empty without a call to
     * itsme; the login itself is the same (the twin of the test above).
     */
    @Test
    void withUserinfoNeverTheSessionHoldsNoAccessToken() throws Exception {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(ItsmeConfigKeys.SCOPES, "profile",
                ItsmeConfigKeys.USERINFO, "never"));
        Exchange callback = login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");
        assertThat(callback.notifiedCaller).isNotNull();
        ItsmeSessionData data = sessionData(browser);
        assertThat(data.userInfoTokens()).isNull();
        assertThat(data.identity().sub()).isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(SimulatorFixture.CLIENT_ID));

        ItsmeContext context = fx.context(browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/x", false,
                null).request, mechanism);
        assertThat(context.isAuthenticated()).isTrue();
        assertThat(context.claims()).isPresent();
        assertThat(context.userInfo()).isEmpty();
        assertThat(fx.sim.recordedRequests(Endpoint.USERINFO)).isEmpty();
    }

    /**
     * What the session replicates per established login, Java-serialized, with and without the access token (printed
     * for the README); {@code never} saves at least the token's own length.
     */
    @Test
    void droppingTheAccessTokenShrinksTheReplicatedSession() throws Exception {
        Browser lazy = new Browser("/app");
        login(fx.mechanism(Map.of(ItsmeConfigKeys.SCOPES, "profile")), lazy, SimulatorFixture.ORIGIN + "/app/home");
        Browser neverBrowser = new Browser("/app");
        login(fx.mechanism(Map.of(ItsmeConfigKeys.SCOPES, "profile", ItsmeConfigKeys.USERINFO, "never")), neverBrowser,
                SimulatorFixture.ORIGIN + "/app/home");
        int with = serialized(sessionData(lazy)).length();
        int without = serialized(sessionData(neverBrowser)).length();
        int token = sessionData(lazy).userInfoTokens().accessToken().length();
        System.out.printf("SIZE established login: %d bytes with the access token (%d characters), %d without%n",
                with, token, without);
        assertThat(without).isLessThanOrEqualTo(with - token);
    }

    /** A share-data login after userinfo was fetched: the userinfo of the earlier login is not served for it. */
    @Test
    void aNewLoginInTheSessionFetchesItsOwnUserinfo() throws Exception {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(ItsmeConfigKeys.SCOPES, "profile"));
        login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");
        assertThat(fx.context(browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/x", false, null).request,
                mechanism).userInfo()).isPresent();

        Exchange share = browser.send(mechanism, "GET", SimulatorFixture.ORIGIN + "/app/profile", false,
                ItsmeAuthenticationParameters.shareData("birthdate").scopes(Scope.ADDRESS));
        browser.get(mechanism, fx.visitItsme(share.redirect), false);
        assertThat(sessionData(browser).userInfoTokens()).isNotNull();
        assertThat(browser.session.attributes).doesNotContainKey(ItsmeSessionData.USERINFO_ATTRIBUTE);
        assertThat(fx.context(browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/y", false, null).request,
                mechanism).userInfo()).isPresent();
        assertThat(fx.sim.recordedRequests(Endpoint.USERINFO)).hasSize(2);
    }

    private static ItsmeSessionData sessionData(Browser browser) {
        return (ItsmeSessionData) browser.session.attributes.get(ItsmeSessionData.ATTRIBUTE);
    }

    /** Java serialization, as a replicating container copies the attribute; ISO-8859-1 keeps one char per byte. */
    private static String serialized(Object attribute) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(attribute);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void logoutEndsTheLocalSession() throws Exception {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");
        Exchange e = browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/logout", false, null);
        ItsmeContext context = fx.context(e.request, mechanism);
        assertThat(context.isAuthenticated()).isTrue();
        context.logout();
        verify(e.request).logout();
        assertThat(browser.session.invalidated).isTrue();
        assertThat(context.isAuthenticated()).isFalse();
    }

    @Test
    void theRpsPublicJwkSetIsServedWithoutPrivateParts() {
        Exchange e = new Browser("/app").get(fx.mechanism(Map.of()), SimulatorFixture.ORIGIN + "/app/itsme/jwks",
                false);
        assertThat(e.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(e.httpStatus).isEqualTo(200);
        assertThat(e.headers).containsEntry("Content-Type", "application/jwk-set+json")
                .containsEntry("Cache-Control", "public, max-age=3600");
        assertThat(e.body()).isEqualTo(fx.keys.publicJwkSetJson()).contains("\"use\":\"sig\"")
                .contains("\"use\":\"enc\"").doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"dp\"");
    }

    @Test
    void requestObjectsByReferenceAreServedOnceWithTheirMediaType() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(ItsmeConfigKeys.REQUEST_OBJECT, "reference"));
        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        String requestUri = param(first.redirect, "request_uri");
        assertThat(requestUri).startsWith(SimulatorFixture.ORIGIN + "/app/itsme/request/");
        assertThat(param(first.redirect, "nonce")).isNull(); // inside the signed object only

        Exchange fetched = new Browser("/app").get(mechanism, requestUri, false);
        Exchange again = new Browser("/app").get(mechanism, requestUri, false);
        assertThat(fetched.httpStatus).isEqualTo(200);
        assertThat(fetched.headers).containsEntry("Content-Type", "application/oauth-authz-req+jwt");
        assertThat(fetched.body().split("\\.")).hasSize(5); // a JWE
        assertThat(again.httpStatus).isEqualTo(404);
        assertThat(again.body()).contains("ITSME-1727");
    }

    @Test
    void byReferenceItsmeFetchesTheRequestObjectAndTheRpsJwksOverHttp() throws Exception {
        try (MechanismHttpBridge bridge = new MechanismHttpBridge()) {
            fx.sim.registerClient(io.github.itsmejakarta.testkit.SimulatedClient.builder("rp-bridge")
                    .jwksUri(URI.create(bridge.origin() + "/app/itsme/jwks"))
                    .redirectUri(bridge.origin() + "/app/itsme/callback")
                    .service("LOGIN_CODE", io.github.itsmejakarta.testkit.ServiceType.LOGIN).build());
            ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(ItsmeConfigKeys.CLIENT_ID, "rp-bridge",
                    ItsmeConfigKeys.REQUEST_OBJECT, "reference"));
            bridge.mechanism = mechanism;
            Browser browser = new Browser("/app");

            Exchange first = browser.get(mechanism, bridge.origin() + "/app/orders?id=9", true);
            String requestUri = param(first.redirect, "request_uri");
            Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);

            assertThat(callback.notifiedCaller).isNotNull();
            assertThat(callback.redirect).isEqualTo("/app/orders?id=9");
            assertThat(bridge.paths).containsOnlyOnce(URI.create(requestUri).getPath()).contains("/app/itsme/jwks");
            assertThat(new Browser("/app").get(mechanism, requestUri, false).httpStatus).isEqualTo(404);
        }
    }
}

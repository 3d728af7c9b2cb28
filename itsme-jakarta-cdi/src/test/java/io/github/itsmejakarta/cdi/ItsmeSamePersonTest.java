package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.cdi.Browser.Exchange;
import io.github.itsmejakarta.cdi.internal.ItsmeSessionData;
import io.github.itsmejakarta.core.Approval;
import io.github.itsmejakarta.testkit.TestPersons;
import jakarta.security.enterprise.AuthenticationStatus;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7 item 5, checklist item 38: a flow started by a logged-in caller (here with {@code ItsmeContext.start}) must
 * come back for the same person. When itsme authenticates someone else the callback answers 401 ITSME-1731, the
 * session still holds the first caller and no confirmation is recorded; with the same person (the twin) the flow
 * completes. Both login-state stores carry the caller's {@code sub}.
 */
class ItsmeSamePersonTest extends SimulatorTest {
    static final Approval APPROVAL = Approval.payment("1250", "EUR", "BE68539007547034");

    private static Map<String, String> mode(String loginState) {
        return Map.of(ItsmeConfigKeys.LOGIN_STATE, loginState);
    }

    private static String sub(Browser browser) {
        return ((ItsmeSessionData) browser.session.attributes.get(ItsmeSessionData.ATTRIBUTE)).identity().sub();
    }

    /** Logs in as the auto-approved person, then starts a Confirm with ItsmeContext.start: the redirect to itsme. */
    private static Exchange loggedInConfirm(ItsmeAuthenticationMechanism mechanism, Browser browser) throws Exception {
        ItsmeMechanismFlowTest.login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");
        Exchange page = browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/pay", false, null);
        assertThat(fx.context(page.request, mechanism).start(page.request, page.response,
                ItsmeAuthenticationParameters.confirm(APPROVAL).returnTo("/paid")))
                .isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(page.httpStatus).isEqualTo(302);
        return page;
    }

    @ParameterizedTest
    @ValueSource(strings = {"session", "cookie"})
    void aConfirmApprovedByAnotherPersonIsRefusedAndTheSessionStaysTheCallers(String loginState) throws Exception {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(mode(loginState));
        Exchange page = loggedInConfirm(mechanism, browser);
        String caller = sub(browser);

        fx.sim.hooks().nextApprovalAs(TestPersons.SECOND_BELGIAN_EID_HOLDER);
        Exchange callback = browser.get(mechanism, fx.visitItsme(page.redirect), false);

        assertThat(callback.httpStatus).isEqualTo(401);
        assertThat(callback.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(callback.body()).contains("ITSME-1731");
        assertThat(callback.notifiedCaller).isNull();
        assertThat(sub(browser)).isEqualTo(caller)
                .isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(SimulatorFixture.CLIENT_ID));
        Exchange after = browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/paid", false, null);
        assertThat(fx.context(after.request, mechanism).lastConfirmation()).isEmpty();
        assertThat(fx.context(after.request, mechanism).caller().map(ItsmeCallerPrincipal::sub)).contains(caller);
    }

    @ParameterizedTest
    @ValueSource(strings = {"session", "cookie"})
    void aConfirmApprovedByTheSamePersonCompletesAndIsRecorded(String loginState) throws Exception {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(mode(loginState));
        Exchange page = loggedInConfirm(mechanism, browser);
        String caller = sub(browser);

        Exchange callback = browser.get(mechanism, fx.visitItsme(page.redirect), false);

        assertThat(callback.httpStatus).isEqualTo(302);
        assertThat(callback.redirect).isEqualTo("/app/paid");
        assertThat(sub(browser)).isEqualTo(caller);
        Exchange after = browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/paid", false, null);
        assertThat(fx.context(after.request, mechanism).lastConfirmation())
                .hasValueSatisfying(c -> assertThat(c.approval()).isEqualTo(APPROVAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"session", "cookie"})
    void aShareDataFlowOfALoggedInCallerAnsweredForAnotherPersonIsRefused(String loginState) throws Exception {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(mode(loginState));
        ItsmeMechanismFlowTest.login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");
        String caller = sub(browser);
        Exchange page = browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/profile", false, null);
        fx.context(page.request, mechanism).start(page.request, page.response,
                ItsmeAuthenticationParameters.shareData("birthdate"));

        fx.sim.hooks().nextApprovalAs(TestPersons.SECOND_BELGIAN_EID_HOLDER);
        Exchange callback = browser.get(mechanism, fx.visitItsme(page.redirect), false);

        assertThat(callback.httpStatus).isEqualTo(401);
        assertThat(callback.body()).contains("ITSME-1731");
        assertThat(sub(browser)).isEqualTo(caller);
    }

    /** The rule is about flows of a logged-in caller: an anonymous browser may log in as whoever itsme says. */
    @ParameterizedTest
    @ValueSource(strings = {"session", "cookie"})
    void anAnonymousLoginAcceptsWhicheverPersonItsmeAuthenticated(String loginState) {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(mode(loginState));
        fx.sim.hooks().nextApprovalAs(TestPersons.SECOND_BELGIAN_EID_HOLDER);

        Exchange callback = ItsmeMechanismFlowTest.login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");

        assertThat(callback.httpStatus).isEqualTo(302);
        assertThat(sub(browser)).isEqualTo(TestPersons.SECOND_BELGIAN_EID_HOLDER.subFor(SimulatorFixture.CLIENT_ID));
    }
}

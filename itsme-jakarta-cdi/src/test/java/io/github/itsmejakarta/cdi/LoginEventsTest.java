package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.cdi.Browser.Exchange;
import io.github.itsmejakarta.core.Approval;
import io.github.itsmejakarta.core.Service;
import io.github.itsmejakarta.testkit.TestPersons;
import jakarta.security.enterprise.AuthenticationStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the CDI events an application observes (login succeeded, login failed, confirmation completed), fired by
 * the callback over a real simulator, and the account-linking case (a logged-in caller's new login carries the
 * previous {@code sub}).
 */
class LoginEventsTest extends SimulatorTest {
    private static final String A = TestPersons.BELGIAN_EID_HOLDER.subFor(SimulatorFixture.CLIENT_ID);
    private static final String B = TestPersons.SECOND_BELGIAN_EID_HOLDER.subFor(SimulatorFixture.CLIENT_ID);

    private static <T> List<T> events(Class<T> type) {
        return fx.events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aLoginFiresOneSucceededEventWithTheFlowAndNoPreviousCaller() {
        Browser browser = new Browser("/app");
        Exchange callback = ItsmeMechanismFlowTest.login(fx.mechanism(Map.of()), browser,
                SimulatorFixture.ORIGIN + "/app/home");

        assertThat(callback.httpStatus).isEqualTo(302);
        assertThat(events(ItsmeLoginSucceeded.class)).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(A);
            assertThat(e.callerName()).isEqualTo(A);
            assertThat(e.service()).isEqualTo(Service.LOGIN);
            assertThat(e.acr()).hasValueSatisfying(acr -> assertThat(acr).contains("basic"));
            assertThat(e.firstLoginInSession()).isTrue();
            assertThat(e.previousSubject()).isEmpty();
        });
        assertThat(events(ItsmeLoginFailed.class)).isEmpty();
        assertThat(events(ItsmeConfirmationCompleted.class)).isEmpty();
    }

    @Test
    void aLoggedInCallersNewLoginAsAnotherPersonIsAcceptedAndCarriesThePreviousSubject() throws Exception {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        ItsmeMechanismFlowTest.login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");
        Exchange page = browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/relink", false, null);
        assertThat(fx.context(page.request, mechanism).start(page.request, page.response,
                ItsmeAuthenticationParameters.login())).isEqualTo(AuthenticationStatus.SEND_CONTINUE);

        fx.sim.hooks().nextApprovalAs(TestPersons.SECOND_BELGIAN_EID_HOLDER); // itsme moved the user to a new sub
        Exchange callback = browser.get(mechanism, fx.visitItsme(page.redirect), false);

        assertThat(callback.httpStatus).isEqualTo(302);
        assertThat(events(ItsmeLoginSucceeded.class)).hasSize(2).last().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(B);
            assertThat(e.previousSubject()).contains(A);
            assertThat(e.firstLoginInSession()).isFalse();
        });
    }

    @Test
    void aConfirmFiresSucceededThenConfirmationCompletedForTheSamePerson() throws Exception {
        Approval approval = Approval.freeText("Sign the lease of flat 3B");
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        ItsmeMechanismFlowTest.login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");
        Exchange page = browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/sign", false, null);
        fx.context(page.request, mechanism).start(page.request, page.response,
                ItsmeAuthenticationParameters.confirm(approval));

        Exchange callback = browser.get(mechanism, fx.visitItsme(page.redirect), false);

        assertThat(callback.httpStatus).isEqualTo(302);
        assertThat(fx.events).hasSize(3);
        assertThat(fx.events.get(1)).isInstanceOfSatisfying(ItsmeLoginSucceeded.class, e -> {
            assertThat(e.service()).isEqualTo(Service.CONFIRM);
            assertThat(e.previousSubject()).contains(A);
        });
        assertThat(fx.events.get(2)).isInstanceOfSatisfying(ItsmeConfirmationCompleted.class, e -> {
            assertThat(e.subject()).isEqualTo(A);
            assertThat(e.confirmation().approval()).isEqualTo(approval);
        });
    }

    @Test
    void aDeniedLoginFiresFailedWithItsMessageIdAndTheFlow() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/home", true);
        fx.sim.hooks().denyNext();

        Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);

        assertThat(callback.httpStatus).isEqualTo(401);
        assertThat(events(ItsmeLoginSucceeded.class)).isEmpty();
        assertThat(events(ItsmeLoginFailed.class)).singleElement().satisfies(e -> {
            assertThat(e.messageId()).isEqualTo("ITSME-1201");
            assertThat(e.service()).contains(Service.LOGIN);
            assertThat(e.httpStatus()).isEqualTo(401);
        });
    }

    @Test
    void aCallbackWithoutALoginInProgressFiresFailedWithoutAFlow() {
        Browser browser = new Browser("/app");
        Exchange callback = browser.get(fx.mechanism(Map.of()),
                SimulatorFixture.CALLBACK + "?code=forged&state=unknown", false);

        assertThat(callback.httpStatus).isEqualTo(401);
        assertThat(events(ItsmeLoginFailed.class)).singleElement().satisfies(e -> {
            assertThat(e.messageId()).isEqualTo("ITSME-1721");
            assertThat(e.service()).isEmpty();
        });
    }

    @Test
    void anObserverThatThrowsDoesNotUndoTheLogin() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanismWithEvents(Map.of(), Clock.systemUTC(), event -> {
            throw new IllegalStateException("observer bug");
        });

        Exchange callback = ItsmeMechanismFlowTest.login(mechanism, browser, SimulatorFixture.ORIGIN + "/app/home");

        assertThat(callback.httpStatus).isEqualTo(302);
        assertThat(callback.notifiedCaller).isNotNull();
    }
}

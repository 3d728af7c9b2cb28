package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.cdi.Browser.Exchange;
import io.github.itsmejakarta.cdi.internal.ItsmeSessionData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 item 14 through the mechanism: a session that holds attributes under the extension's names from another
 * class loader or version (a redeployment with persisted sessions) is treated as holding no login, never cast into a
 * 500; the twin, the attributes this deployment wrote, keeps the caller logged in.
 */
class ItsmeForeignSessionAttributeTest extends SimulatorTest {
    static final String PENDING_LOGINS = "io.github.itsmejakarta.cdi.pending-logins";

    @Test
    void foreignAttributesGiveAFreshLoginNotA500() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Browser browser = new Browser("/app");
        browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/", false, null).request.getSession(true);
        browser.session.attributes.put(ItsmeSessionData.ATTRIBUTE, "a login of the previous deployment");
        browser.session.attributes.put(PENDING_LOGINS, "logins of the previous deployment");

        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        assertThat(first.httpStatus).isEqualTo(302);
        Exchange page = browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/orders", false, null);
        assertThat(fx.context(page.request, mechanism).isAuthenticated()).isFalse();

        Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);
        assertThat(callback.redirect).isEqualTo("/app/orders");
        assertThat(browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true).notifiedCaller)
                .isEqualTo(callback.notifiedCaller);
    }
}

package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.cdi.Browser.Exchange;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.TestPersons;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 item 10: the login-state cookie of an application at the root over https is a {@code __Host-} cookie
 * ({@code Secure}, {@code Path=/}, no {@code Domain}), so a cookie planted by a sibling subdomain (which cannot carry
 * the prefix) is not taken for a login in progress. Where the prefix cannot be used (a context path, plain-http
 * loopback) the cookie keeps its callback path.
 */
class ItsmeHostCookieTest extends SimulatorTest {
    static final Map<String, String> COOKIE_MODE = Map.of(ItsmeConfigKeys.LOGIN_STATE, "cookie");

    /** A browser on the root application whose requests the server sees as secure (behind TLS). */
    private static Browser secureRootBrowser() {
        Browser browser = new Browser("");
        browser.secure = true;
        return browser;
    }

    @Test
    void atTheRootOverHttpsTheCookieIsAHostCookieAndTheLoginCompletes() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(COOKIE_MODE);
        Browser browser = secureRootBrowser();
        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/orders", true);

        Cookie cookie = first.cookie("__Host-ITSME_LOGIN_");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getSecure()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getDomain()).isNull();
        assertThat(cookie.isHttpOnly()).isTrue();

        Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);
        assertThat(callback.notifiedCaller).isNotNull();
        assertThat(callback.redirect).isEqualTo("/orders");
        assertThat(callback.cookie("__Host-ITSME_LOGIN_").getMaxAge()).as("cleared on use").isZero();
    }

    /**
     * Cookie tossing: the attacker starts a login of their own and plants its cookie in the victim's browser from a
     * sibling subdomain, which can set {@code ITSME_LOGIN_...} for the domain but never a {@code __Host-} name; the
     * victim is then sent to the attacker's callback URL. Refused, no token is redeemed. The twin: the attacker's own
     * browser, with the genuine cookie, completes the same callback.
     */
    @Test
    void aCookiePlantedWithoutThePrefixIsNotALoginInProgress() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(COOKIE_MODE);
        Browser attacker = secureRootBrowser();
        Exchange first = attacker.get(mechanism, SimulatorFixture.ORIGIN + "/", true);
        Cookie genuine = first.cookie("__Host-ITSME_LOGIN_");
        fx.sim.autoApprove(TestPersons.SECOND_BELGIAN_EID_HOLDER);
        String attackersCallback = fx.visitItsme(first.redirect);

        Browser victim = secureRootBrowser();
        String tossedName = genuine.getName().substring("__Host-".length());
        victim.cookies.put(tossedName, new Cookie(tossedName, genuine.getValue()));
        Exchange tossed = victim.get(mechanism, attackersCallback, false);
        assertThat(tossed.httpStatus).isEqualTo(401);
        assertThat(tossed.notifiedCaller).isNull();
        assertThat(fx.sim.recordedRequests(Endpoint.TOKEN)).isEmpty();

        Exchange own = attacker.get(mechanism, attackersCallback, false);
        assertThat(own.notifiedCaller).isNotNull();
    }

    @Test
    void underAContextPathTheCookieKeepsTheCallbackPathWithoutThePrefix() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(COOKIE_MODE);
        Browser browser = new Browser("/app");
        browser.secure = true;
        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        assertThat(first.cookie("__Host-")).isNull();
        Cookie cookie = first.cookie("ITSME_LOGIN_");
        assertThat(cookie.getPath()).isEqualTo("/app/itsme/callback");
        assertThat(cookie.getSecure()).isTrue();
        assertThat(browser.get(mechanism, fx.visitItsme(first.redirect), false).notifiedCaller).isNotNull();
    }

    @Test
    void onPlainHttpLoopbackTheCookieCannotBeSecureSoItHasNoPrefix() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(COOKIE_MODE);
        Browser browser = new Browser("");
        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/orders", true);
        assertThat(first.cookie("__Host-")).isNull();
        Cookie cookie = first.cookie("ITSME_LOGIN_");
        assertThat(cookie.getSecure()).isFalse();
        assertThat(cookie.getPath()).isEqualTo("/itsme/callback");
        assertThat(browser.get(mechanism, fx.visitItsme(first.redirect), false).notifiedCaller).isNotNull();
    }
}

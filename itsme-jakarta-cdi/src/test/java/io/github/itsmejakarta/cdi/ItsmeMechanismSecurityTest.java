package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.cdi.Browser.Exchange;
import io.github.itsmejakarta.cdi.internal.ItsmeSessionData;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.RecordedRequest;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checklist items 24-33 at the mechanism: return URLs, session fixation, cookie flags and the cookie login state,
 * and no secret in logs, pages or URLs. Every refusal has an accepted twin.
 */
class ItsmeMechanismSecurityTest extends SimulatorTest {
    static final Map<String, String> COOKIE_MODE = Map.of(ItsmeConfigKeys.LOGIN_STATE, "cookie");
    final List<LogRecord> logs = Collections.synchronizedList(new ArrayList<>());
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logs.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("io.github.itsmejakarta").addHandler(capture);
    }

    @AfterEach
    void removeCapture() {
        Logger.getLogger("io.github.itsmejakarta").removeHandler(capture);
    }

    static Exchange complete(ItsmeAuthenticationMechanism mechanism, Browser browser, Exchange first) {
        assertThat(first.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        return browser.get(mechanism, fx.visitItsme(first.redirect), false);
    }

    // ---------------------------------------------------------------- 24: expired state

    @ParameterizedTest
    @ValueSource(strings = {"session", "cookie"})
    void aLoginOlderThanTheLoginTimeoutIsRefused(String mode) {
        java.time.Duration elapsed = java.time.Duration.ofMinutes(5).plusSeconds(1);
        SimulatorFixture.MutableClock clock = new SimulatorFixture.MutableClock(java.time.Instant.now().minus(elapsed));
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(ItsmeConfigKeys.LOGIN_STATE, mode,
                ItsmeConfigKeys.LOGIN_TIMEOUT, "PT5M"), clock);
        Browser browser = new Browser("/app");
        Exchange start = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        String callbackUrl = fx.visitItsme(start.redirect);
        clock.advance(elapsed);
        Exchange e = browser.get(mechanism, callbackUrl, false);
        assertThat(e.httpStatus).isEqualTo(401);
        assertThat(e.body()).contains("ITSME-1721");
        assertThat(fx.sim.recordedRequests(Endpoint.TOKEN)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"session", "cookie"})
    void aLoginWithinTheLoginTimeoutSucceeds(String mode) {
        java.time.Duration elapsed = java.time.Duration.ofMinutes(4);
        SimulatorFixture.MutableClock clock = new SimulatorFixture.MutableClock(java.time.Instant.now().minus(elapsed));
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(ItsmeConfigKeys.LOGIN_STATE, mode,
                ItsmeConfigKeys.LOGIN_TIMEOUT, "PT5M"), clock);
        Browser browser = new Browser("/app");
        Exchange start = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        String callbackUrl = fx.visitItsme(start.redirect);
        clock.advance(elapsed);
        assertThat(browser.get(mechanism, callbackUrl, false).notifiedCaller).isNotNull();
    }

    // ---------------------------------------------------------------- 26: injected code

    @Test
    void aCodeFromAnotherBrowsersLoginFailsInThisOne() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Browser victim = new Browser("/app");
        Browser attacker = new Browser("/app");
        Exchange victimStart = victim.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        Exchange attackerStart = attacker.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        String attackerCallback = fx.visitItsme(attackerStart.redirect);
        String injected = SimulatorFixture.CALLBACK + "?code=" + param(attackerCallback, "code") + "&state="
                + param(victimStart.redirect, "state");

        Exchange e = victim.get(mechanism, injected, false);
        assertThat(e.httpStatus).isEqualTo(401);
        assertThat(e.notifiedCaller).isNull();
        assertThat(victim.session.attributes).doesNotContainKey(ItsmeSessionData.ATTRIBUTE);
    }

    @Test
    void theSameCodeInItsOwnBrowserSucceeds() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Browser browser = new Browser("/app");
        Exchange start = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        assertThat(browser.get(mechanism, fx.visitItsme(start.redirect), false).notifiedCaller).isNotNull();
    }

    // ---------------------------------------------------------------- 31: return URLs

    @Test
    void aSchemeRelativeRequestPathIsNotAReturnTarget() {
        Browser browser = new Browser("");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange callback = complete(mechanism, browser,
                browser.get(mechanism, SimulatorFixture.ORIGIN + "//evil.example/x", true));
        assertThat(callback.notifiedCaller).isNotNull();
        assertThat(callback.redirect).isEqualTo("/");
    }

    @Test
    void aPlainRequestPathIsTheReturnTarget() {
        Browser browser = new Browser("");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange callback = complete(mechanism, browser,
                browser.get(mechanism, SimulatorFixture.ORIGIN + "/evil.example/x?y=1", true));
        assertThat(callback.redirect).isEqualTo("/evil.example/x?y=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil.example",
            "/\t/evil.example"})
    void anUnsafeReturnToFallsBackToTheCurrentPath(String returnTo) {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange callback = complete(mechanism, browser, browser.send(mechanism, "GET",
                SimulatorFixture.ORIGIN + "/app/current", false, ItsmeAuthenticationParameters.login()
                        .returnTo(returnTo)));
        assertThat(callback.redirect).isEqualTo("/app/current");
        assertThat(logs).anySatisfy(r -> assertThat(r.getMessage()).contains("ITSME-1725"));
    }

    @Test
    void aSafeReturnToIsHonoured() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange callback = complete(mechanism, browser, browser.send(mechanism, "GET",
                SimulatorFixture.ORIGIN + "/app/current", false, ItsmeAuthenticationParameters.login()
                        .returnTo("/orders?id=7")));
        assertThat(callback.redirect).isEqualTo("/app/orders?id=7");
    }

    // ---------------------------------------------------------------- 32: session, cookies

    @Test
    void anExistingSessionGetsANewIdAtLogin() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(COOKIE_MODE);
        browser.exchange("GET", SimulatorFixture.ORIGIN + "/app/", false, null).request.getSession(true);
        String before = browser.session.id;
        Exchange callback = complete(mechanism, browser,
                browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true));
        assertThat(callback.notifiedCaller).isNotNull();
        assertThat(browser.session.id).isNotEqualTo(before);
    }

    @Test
    void cookieModeKeepsNoServerStateUntilTheLoginSucceeds() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(COOKIE_MODE);
        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        assertThat(browser.session).isNull();
        Cookie cookie = first.cookie("ITSME_LOGIN_");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSecure()).as("plain http to loopback").isFalse();
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/app/itsme/callback");
        assertThat(cookie.getMaxAge()).isEqualTo(600);
        assertThat(cookie.getValue()).doesNotContain(param(first.redirect, "state"));

        Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);
        assertThat(callback.notifiedCaller).isNotNull();
        assertThat(callback.redirect).isEqualTo("/app/orders");
        assertThat(callback.cookie("ITSME_LOGIN_").getMaxAge()).as("cleared on use").isZero();
        assertThat(browser.cookies).isEmpty();
        assertThat(browser.sessionIdHistory).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void theCookieIsSecureOffLoopback() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(ItsmeConfigKeys.LOGIN_STATE, "cookie",
                ItsmeConfigKeys.REDIRECT_URI, "https://app.example/app/itsme/callback"));
        Exchange first = browser.get(mechanism, "https://app.example/app/orders", true);
        assertThat(first.cookie("ITSME_LOGIN_").getSecure()).isTrue();
        Exchange plainHttpElsewhere = new Browser("/app").get(mechanism, "http://app.example/app/orders", true);
        assertThat(plainHttpElsewhere.cookie("ITSME_LOGIN_").getSecure()).isTrue();
    }

    @Test
    void aReplayedCookieAndCallbackAreRefused() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(COOKIE_MODE);
        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        Cookie stolen = first.cookie("ITSME_LOGIN_");
        String callbackUrl = fx.visitItsme(first.redirect);
        assertThat(browser.get(mechanism, callbackUrl, false).notifiedCaller).isNotNull();

        Browser attacker = new Browser("/app");
        attacker.cookies.put(stolen.getName(), stolen);
        Exchange replay = attacker.get(mechanism, callbackUrl, false);
        assertThat(replay.httpStatus).isEqualTo(401);
        assertThat(replay.notifiedCaller).isNull();
        assertThat(replay.body()).contains("ITSME-1205");
        assertThat(fx.sim.recordedRequests(Endpoint.TOKEN)).hasSize(1);
    }

    @Test
    void aTamperedCookieIsRefused() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(COOKIE_MODE);
        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        Cookie cookie = first.cookie("ITSME_LOGIN_");
        char[] value = cookie.getValue().toCharArray();
        value[value.length / 2] = value[value.length / 2] == 'A' ? 'B' : 'A';
        browser.cookies.put(cookie.getName(), new Cookie(cookie.getName(), new String(value)));
        Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);
        assertThat(callback.httpStatus).isEqualTo(401);
        assertThat(callback.body()).contains("ITSME-1721");
        assertThat(logs).anySatisfy(r -> assertThat(r.getMessage()).contains("ITSME-1726"));
        assertThat(fx.sim.recordedRequests(Endpoint.TOKEN)).isEmpty();
    }

    @Test
    void aCookieSealedWithAnotherKeyIsRefused() {
        Browser browser = new Browser("/app");
        Exchange first = browser.get(fx.mechanism(Map.of(ItsmeConfigKeys.LOGIN_STATE, "cookie",
                ItsmeConfigKeys.COOKIE_SECRET, Definitions.SECRET_A)), SimulatorFixture.ORIGIN + "/app/orders", true);
        Exchange callback = browser.get(fx.mechanism(Map.of(ItsmeConfigKeys.LOGIN_STATE, "cookie",
                ItsmeConfigKeys.COOKIE_SECRET, Definitions.SECRET_B)), fx.visitItsme(first.redirect), false);
        assertThat(callback.httpStatus).isEqualTo(401);
    }

    @Test
    void aLoginStartedOnOneNodeFinishesOnAnotherWithTheSameKeys() {
        Browser browser = new Browser("/app");
        Exchange first = browser.get(fx.mechanism(COOKIE_MODE), SimulatorFixture.ORIGIN + "/app/orders", true);
        Exchange callback = browser.get(fx.mechanism(COOKIE_MODE), fx.visitItsme(first.redirect), false);
        assertThat(callback.notifiedCaller).isNotNull();
    }

    @Test
    void aCookieForAnotherLoginDoesNotFit() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(COOKIE_MODE);
        Exchange one = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/one", true);
        Exchange two = new Browser("/app").get(mechanism, SimulatorFixture.ORIGIN + "/app/two", true);
        // the browser of login one presents login two's cookie value under login one's name
        Cookie mine = one.cookie("ITSME_LOGIN_");
        browser.cookies.put(mine.getName(), new Cookie(mine.getName(), two.cookie("ITSME_LOGIN_").getValue()));
        Exchange callback = browser.get(mechanism, fx.visitItsme(one.redirect), false);
        assertThat(callback.httpStatus).isEqualTo(401);
    }

    // ---------------------------------------------------------------- 33: no secret in logs, pages, URLs

    @Test
    void noCodeVerifierOrTokenAppearsInLogsPagesOrUrls() {
        Browser browser = new Browser("/app");
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        String callbackUrl = fx.visitItsme(first.redirect);
        String code = param(callbackUrl, "code");
        Exchange callback = browser.get(mechanism, callbackUrl, false);
        ItsmeSessionData data = (ItsmeSessionData) browser.session.attributes.get(ItsmeSessionData.ATTRIBUTE);
        String accessToken = data.userInfoTokens().accessToken();
        RecordedRequest tokenRequest = fx.sim.recordedRequests(Endpoint.TOKEN).get(0);
        String verifier = tokenRequest.formParameter("code_verifier").orElseThrow();
        String assertion = tokenRequest.formParameter("client_assertion").orElseThrow();

        // failures too: a replay and a denied login
        Exchange replay = browser.get(mechanism, callbackUrl, false);
        fx.sim.hooks().failNextToken(400, "invalid_grant", "detail");
        Exchange failing = complete(mechanism, new Browser("/app"),
                new Browser("/app").get(mechanism, SimulatorFixture.ORIGIN + "/app/x", true));

        List<String> secrets = List.of(code, verifier, accessToken, assertion,
                fx.keys.activeSigningKey().privateKey().getPrivateExponent().toString(16));
        List<String> visible = new ArrayList<>();
        logs.forEach(r -> visible.add(String.valueOf(r.getMessage()) + java.util.Arrays.toString(r.getParameters())));
        visible.add(callback.redirect);
        visible.add(replay.body());
        visible.add(failing.body());
        visible.add(first.redirect);
        visible.add(String.valueOf(data));
        for (String secret : secrets) {
            assertThat(visible).noneSatisfy(text -> assertThat(text).contains(secret));
        }
        assertThat(first.redirect).doesNotContain("code_verifier");
    }
}

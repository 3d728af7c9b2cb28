package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.cdi.Browser.Exchange;
import io.github.itsmejakarta.testkit.Endpoint;
import jakarta.security.enterprise.AuthenticationStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 item 1, checklist item 35: with {@code itsme.redirect-uri} unset, a request's {@code Host} chooses the
 * callback URL of that request's login only. A thousand forged host names neither fill, evict nor poison anything
 * shared: the real host still gets its 302 to itsme and completes its login, and discovery was fetched once.
 */
class ItsmeForgedHostTest extends SimulatorTest {
    static final int FORGED = 1000;

    @Test
    void aThousandForgedHostsLeaveTheRealHostsLoginWorking() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        int redirected = 0;
        int refused = 0;
        for (int i = 0; i < FORGED; i++) {
            // half forged behind https (a 302 to itsme with a redirect URI itsme will refuse), half on plain http to a
            // non-loopback name (no usable callback URL: 400)
            String origin = i % 2 == 0
                    ? "https://forged-" + i + ".example:443"
                    : "http://forged-" + i + ".example:8080";
            Exchange e = new Browser("/app").get(mechanism, origin + "/app/orders", true);
            if (e.httpStatus == 302) {
                assertThat(param(e.redirect, "redirect_uri"))
                        .isEqualTo("https://forged-" + i + ".example/app/itsme/callback");
                redirected++;
            } else {
                assertThat(e.httpStatus).isEqualTo(400);
                assertThat(e.body()).contains("ITSME-1733").contains(ItsmeConfigKeys.REDIRECT_URI);
                assertThat(e.sessionCreated).isFalse();
                refused++;
            }
        }
        assertThat(redirected).isEqualTo(FORGED / 2);
        assertThat(refused).isEqualTo(FORGED / 2);

        Browser real = new Browser("/app");
        Exchange first = real.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        assertThat(first.httpStatus).isEqualTo(302);
        assertThat(first.redirect).startsWith(fx.sim.authorizationEndpoint().toString() + "?");
        assertThat(param(first.redirect, "redirect_uri")).isEqualTo(SimulatorFixture.CALLBACK);
        Exchange callback = real.get(mechanism, fx.visitItsme(first.redirect), false);
        assertThat(callback.redirect).isEqualTo("/app/orders");
        assertThat(callback.notifiedCaller).isNotNull();
        assertThat(fx.sim.recordedRequests(Endpoint.DISCOVERY)).hasSize(1);
    }

    @Test
    void aConfiguredRedirectUriIsSentWhateverTheHost() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(ItsmeConfigKeys.REDIRECT_URI,
                SimulatorFixture.CALLBACK));
        try (LogCapture logs = new LogCapture()) {
            for (String origin : new String[]{"https://forged.example:443", "http://forged.example:8080"}) {
                Exchange e = new Browser("/app").get(mechanism, origin + "/app/orders", true);
                assertThat(e.httpStatus).isEqualTo(302);
                assertThat(param(e.redirect, "redirect_uri")).isEqualTo(SimulatorFixture.CALLBACK);
            }
            assertThat(logs.containing("ITSME-1732")).isEmpty();
        }
        Browser real = new Browser("/app");
        assertThat(ItsmeMechanismFlowTest.login(mechanism, real, SimulatorFixture.ORIGIN + "/app/orders").redirect)
                .isEqualTo("/app/orders");
    }

    @Test
    void theFirstNonLoopbackHostWithoutAConfiguredRedirectUriWarnsOnce() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                new Browser("/app").get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
                new Browser("/app").get(mechanism, "http://localhost:8080/app/orders", true);
            }
            assertThat(logs.containing("ITSME-1732")).as("loopback only").isEmpty();
            for (int i = 0; i < 3; i++) {
                new Browser("/app").get(mechanism, "https://shop" + i + ".example:443/app/orders", true);
            }
            assertThat(logs.containing("ITSME-1732")).hasSize(1).allSatisfy(m -> assertThat(m)
                    .contains(ItsmeConfigKeys.REDIRECT_URI));
        }
    }

    @Test
    void plainHttpIsAUsableCallbackOnlyOnLoopback() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange loopback = new Browser("/app").get(mechanism, "http://localhost:8080/app/orders", true);
        Exchange lan = new Browser("/app").get(mechanism, "http://192.168.1.20:8080/app/orders", true);

        assertThat(loopback.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(loopback.httpStatus).isEqualTo(302);
        assertThat(param(loopback.redirect, "redirect_uri")).isEqualTo("http://localhost:8080/app/itsme/callback");
        assertThat(lan.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(lan.httpStatus).isEqualTo(400);
        assertThat(lan.body()).contains("ITSME-1733");
    }
}

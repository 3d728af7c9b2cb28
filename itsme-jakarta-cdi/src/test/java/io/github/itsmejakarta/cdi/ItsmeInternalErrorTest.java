package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;

import io.github.itsmejakarta.cdi.Browser.Exchange;
import jakarta.security.enterprise.AuthenticationStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 item 11 at the mechanism: an unexpected failure answers 500 ITSME-1730 naming only the class, and the log
 * line keeps the sanitised message and the causes; WildFly's integrated-JASPI failure adds ITSME-1734 with the fix.
 */
class ItsmeInternalErrorTest extends SimulatorTest {

    private Exchange failingRedirect(RuntimeException failure) throws Exception {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        Exchange e = new Browser("/app").exchange("GET", SimulatorFixture.ORIGIN + "/app/orders", true, null);
        doThrow(failure).when(e.response).sendRedirect(anyString());
        e.status = mechanism.validateRequest(e.request, e.response, e.context);
        return e;
    }

    @Test
    void wildFlysCommittedResponseIsLoggedWithItsCauseAndTheFix() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            Exchange e = failingRedirect(new IllegalStateException("UT010019: Response already commited"));

            assertThat(e.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
            assertThat(e.httpStatus).isEqualTo(500);
            assertThat(e.body()).contains("ITSME-1730").contains("IllegalStateException")
                    .doesNotContain("UT010019");
            List<String> lines = logs.containing("ITSME-1730");
            assertThat(lines).hasSize(1).allSatisfy(l -> assertThat(l)
                    .contains("java.lang.IllegalStateException: UT010019: Response already commited"));
            assertThat(logs.containing("ITSME-1734")).hasSize(1)
                    .allSatisfy(l -> assertThat(l).contains("integrated-jaspi=false"));
        }
    }

    @Test
    void anotherFailureKeepsItsCauseChainAndGetsNoWildFlyHint() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            Exchange e = failingRedirect(new IllegalStateException("pool exhausted",
                    new java.util.concurrent.TimeoutException("after 30 s")));

            assertThat(e.httpStatus).isEqualTo(500);
            assertThat(logs.containing("ITSME-1730")).hasSize(1).allSatisfy(l -> assertThat(l)
                    .contains("pool exhausted").contains("[caused by java.util.concurrent.TimeoutException]"));
            assertThat(logs.containing("ITSME-1734")).isEmpty();
        }
    }
}

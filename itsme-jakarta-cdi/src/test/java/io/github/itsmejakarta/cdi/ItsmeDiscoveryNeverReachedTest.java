package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.cdi.Browser.Exchange;
import io.github.itsmejakarta.testkit.Endpoint;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 item 12 (cdi part): itsme unavailable before its discovery document was ever reached in this deployment is
 * most likely the configuration: the log says so with the URL (ITSME-1736, at most once a minute) while the page
 * stays the generic 503 ITSME-1723. Once a login worked, an outage of itsme is just an outage.
 */
class ItsmeDiscoveryNeverReachedTest extends SimulatorTest {

    @Test
    void aDiscoveryDocumentNeverReachedIsLoggedAsAConfigurationProblemWithItsUrl() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/v2/.well-known/openid-configuration";
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of(ItsmeConfigKeys.DISCOVERY_URI, url,
                ItsmeConfigKeys.CONNECT_TIMEOUT, "PT2S"));
        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                Exchange e = new Browser("/app").get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
                assertThat(e.httpStatus).isEqualTo(503);
                assertThat(e.body()).contains("ITSME-1723").doesNotContain(url).doesNotContain("ITSME-1736");
            }
            assertThat(logs.containing("ITSME-1736")).as("once a minute").hasSize(1)
                    .allSatisfy(l -> assertThat(l).contains(url).contains("configuration")
                            .contains(ItsmeConfigKeys.DISCOVERY_URI));
        }
    }

    @Test
    void anOutageAfterALoginWorkedIsNoConfigurationProblem() {
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(Map.of());
        assertThat(ItsmeMechanismFlowTest.login(mechanism, new Browser("/app"),
                SimulatorFixture.ORIGIN + "/app/a").notifiedCaller).isNotNull();
        fx.sim.hooks().serverError(Endpoint.TOKEN, 503);
        try (LogCapture logs = new LogCapture()) {
            Exchange e = ItsmeMechanismFlowTest.login(mechanism, new Browser("/app"), SimulatorFixture.ORIGIN
                    + "/app/b");
            assertThat(e.httpStatus).isEqualTo(503);
            assertThat(e.body()).contains("ITSME-1723");
            assertThat(logs.containing("ITSME-1723")).isNotEmpty();
            assertThat(logs.containing("ITSME-1736")).isEmpty();
        }
    }
}

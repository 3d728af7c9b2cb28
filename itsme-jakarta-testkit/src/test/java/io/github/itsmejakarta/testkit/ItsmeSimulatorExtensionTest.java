package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension: one simulator per class, reset before each test, parameters resolved. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ItsmeSimulatorExtensionTest {

    static final TestRelyingParty RP = new TestRelyingParty("ext-client");

    @RegisterExtension
    static final ItsmeSimulatorExtension ITSME = ItsmeSimulatorExtension.builder().client(RP.client())
            .jweAlgorithm("RSA-OAEP").build();

    static ItsmeSimulator first;

    @Test
    @Order(1)
    void resolvesTheRunningSimulatorAndItsHooks(ItsmeSimulator sim, SimulatorHooks hooks) {
        first = sim;
        assertThat(sim).isSameAs(ITSME.simulator());
        assertThat(hooks).isSameAs(sim.hooks());
        assertThat(ITSME.issuer()).isEqualTo(sim.issuer());
        assertThat(ITSME.discoveryUri()).isEqualTo(sim.discoveryUri());
        assertThat(sim.jweAlgorithm()).isEqualTo("RSA-OAEP");
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        hooks.denyNext();
        RP.get(sim.discoveryUri());
    }

    @Test
    @Order(2)
    void theSameSimulatorIsResetBeforeTheNextTest(ItsmeSimulator sim) {
        assertThat(sim).isSameAs(first);
        assertThat(sim.recordedRequests()).isEmpty();
        // neither the auto-approval nor denyNext survived: the page is shown
        String page = RP.get(uri(sim.authorizationEndpoint(), RP.authorizationParams(LOGIN, pkce(), ""))).body();
        assertThat(page).contains("id=\"approve\"");
    }

    @Nested
    class NestedTests {
        @Test
        void nestedClassesShareTheOuterSimulator(ItsmeSimulator sim) {
            assertThat(sim).isSameAs(ITSME.simulator());
            assertThat(RP.get(sim.discoveryUri()).statusCode()).isEqualTo(200);
        }
    }
}

package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @ExtendWith} without configuration; clients registered at run time (e.g. once the RP's port is known). */
@ExtendWith(ItsmeSimulatorExtension.class)
class DeclarativeExtensionTest {

    static final TestRelyingParty RP = new TestRelyingParty("declared-client");

    @BeforeEach
    void register(ItsmeSimulator sim) {
        sim.registerClient(RP.client());
    }

    @Test
    void aClientRegisteredAtRunTimeLogsIn(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.SECOND_BELGIAN_EID_HOLDER);
        Tokens tokens = RP.login(sim, LOGIN, "");
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(RP.open(sim, tokens.idToken()).map()).containsEntry("sub", TestPersons.SECOND_BELGIAN_EID_HOLDER
                .subFor(RP.clientId));
    }
}

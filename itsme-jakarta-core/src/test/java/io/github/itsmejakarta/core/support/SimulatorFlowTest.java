package io.github.itsmejakarta.core.support;

import io.github.itsmejakarta.core.ItsmeClient;
import io.github.itsmejakarta.core.ItsmeClientBuilder;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.TestPersons;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The lifecycle the flow tests share: one key set and one simulator per class (RSA key generation is the slow part),
 * the simulator reset before each test with the Belgian eID holder auto-approving, and a fresh client per test.
 */
public abstract class SimulatorFlowTest {
    protected static RelyingPartyKeys keys;
    protected static ItsmeSimulator sim;
    protected ItsmeClient client;

    @BeforeAll
    static void startSimulator() {
        keys = RelyingPartyKeys.generate();
        sim = Simulators.start(keys);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() throws Exception {
        sim.reset();
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        client = configure(Simulators.client(sim, keys)).build();
    }

    /** Settings a test class adds to the client it gets before each test. */
    protected ItsmeClientBuilder configure(ItsmeClientBuilder builder) {
        return builder;
    }
}

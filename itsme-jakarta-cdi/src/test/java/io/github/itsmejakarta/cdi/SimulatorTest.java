package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.testkit.TestPersons;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Base of the flow tests: one simulator per class, reset and auto-approving before each test. */
abstract class SimulatorTest {
    static SimulatorFixture fx;

    @BeforeAll
    static void startSimulator() {
        fx = new SimulatorFixture();
    }

    @AfterAll
    static void stopSimulator() {
        fx.close();
    }

    @BeforeEach
    void resetSimulator() {
        fx.sim.reset();
        fx.events.clear();
        fx.sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
    }

    /** A query parameter of a URL, decoded; null if absent. */
    static String param(String url, String name) {
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

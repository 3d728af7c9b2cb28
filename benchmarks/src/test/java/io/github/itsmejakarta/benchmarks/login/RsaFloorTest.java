package io.github.itsmejakarta.benchmarks.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The floor's operations do real work: a verifiable signature, a 32-byte key unwrapped, a signature verified. */
class RsaFloorTest {

    @Test
    void operationsProduceCheckableResultsAndTheLoginFloorAddsThemUp() throws Exception {
        RsaFloor floor = new RsaFloor();
        assertThat(floor.sign()).hasSize(256);
        assertThat(floor.unwrap()).hasSize(32);
        assertThat(floor.verify()).isTrue();

        RsaFloor.Figures figures = new RsaFloor.Figures(1000, 900, 40);
        assertThat(figures.loginNanos(1, 1)).isEqualTo(1940);
        assertThat(figures.loginNanos(2, 2)).isEqualTo(2880);
    }
}

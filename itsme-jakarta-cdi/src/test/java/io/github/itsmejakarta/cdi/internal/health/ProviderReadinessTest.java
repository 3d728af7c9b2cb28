package io.github.itsmejakarta.cdi.internal.health;

import io.github.itsmejakarta.core.ItsmeCommunicationException;
import io.github.itsmejakarta.core.ItsmeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderReadinessTest {
    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicBoolean itsmeUp = new AtomicBoolean(true);
    private final ProviderReadiness readiness = new ProviderReadiness(() -> {
        checks.incrementAndGet();
        if (!itsmeUp.get()) {
            throw new ItsmeCommunicationException(ItsmeMessage.HTTP_UNREACHABLE, "discovery endpoint: refused");
        }
    }, Duration.ofMinutes(5), clock);

    @Test
    @DisplayName("itsme readable: UP with the time of the check, and no new check while it is fresh")
    void upWhileFresh() {
        ProviderReadiness.State first = readiness.state();
        assertThat(first.ready()).isTrue();
        assertThat(first.lastSuccess()).contains(now);
        assertThat(first.failureId()).isEmpty();
        now = now.plus(Duration.ofMinutes(4));
        assertThat(readiness.state().ready()).isTrue();
        assertThat(checks).hasValue(1);
    }

    @Test
    @DisplayName("itsme unreachable from the start: DOWN with the failure's message id")
    void downWithId() {
        itsmeUp.set(false);
        ProviderReadiness.State state = readiness.state();
        assertThat(state.ready()).isFalse();
        assertThat(state.failureId()).contains("ITSME-1121");
        assertThat(state.lastSuccess()).isEmpty();
    }

    @Test
    @DisplayName("a success older than the maximum age is checked again: DOWN when itsme went away, UP when it is back")
    void staleIsRechecked() {
        assertThat(readiness.state().ready()).isTrue();
        Instant success = now;
        itsmeUp.set(false);
        now = now.plus(Duration.ofMinutes(5));
        ProviderReadiness.State down = readiness.state();
        assertThat(down.ready()).isFalse();
        assertThat(down.lastSuccess()).contains(success);
        assertThat(checks).hasValue(2);
        itsmeUp.set(true);
        assertThat(readiness.state().ready()).isTrue();
        assertThat(checks).hasValue(3);
    }

    @Test
    @DisplayName("while a check hangs, other probes answer at once with the current state instead of waiting")
    void probesDoNotPileUp() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProviderReadiness hanging = new ProviderReadiness(() -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMinutes(5), clock);
        Thread first = new Thread(hanging::state);
        first.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        ProviderReadiness.State meanwhile = hanging.state();
        assertThat(meanwhile.ready()).isFalse();
        assertThat(meanwhile.failureId()).contains("ITSME-1772");
        release.countDown();
        first.join(10_000);
        assertThat(hanging.state().ready()).isTrue();
    }

    @Test
    @DisplayName("a check that fails with an unexpected exception: DOWN with the internal-error id, never a crash of the probe")
    void unexpectedFailureIsInternalError() {
        ProviderReadiness broken = new ProviderReadiness(() -> {
            throw new IllegalStateException("a bug of ours");
        }, Duration.ofMinutes(5), clock);
        ProviderReadiness.State state = broken.state();
        assertThat(state.ready()).isFalse();
        assertThat(state.failureId()).contains("ITSME-1730");
    }
}

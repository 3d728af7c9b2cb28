package io.github.itsmejakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.support.MutableClock;
import io.github.itsmejakarta.core.support.Simulators;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * itsme down while logins arrive (issue 7 item 3): a discovery endpoint that accepts the connection and never answers,
 * 50 concurrent callers. Each must fail within the connect and read timeouts plus 1 s of its own arrival (not one
 * after another), with at most one discovery fetch in that window, and the first call after the failure memory, once
 * discovery answers again, must work without a new client.
 */
class DiscoveryOutageTest {
    private static final int CALLERS = 50;
    private static final Duration CONNECT = Duration.ofSeconds(1);
    private static final Duration READ = Duration.ofSeconds(2);
    private static final Duration MEMORY = Duration.ofSeconds(10);
    private static final Logger SOURCE_LOG = Logger
            .getLogger("io.github.itsmejakarta.core.internal.discovery.ProviderSource");

    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            warnings.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private RelyingPartyKeys keys;
    private ItsmeSimulator sim;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        keys = RelyingPartyKeys.generate();
        sim = Simulators.start(keys);
        pool = Executors.newFixedThreadPool(CALLERS);
        SOURCE_LOG.addHandler(capture);
    }

    @AfterEach
    void stop() throws InterruptedException {
        SOURCE_LOG.removeHandler(capture);
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        sim.close();
    }

    private record Outcome(long waitedNanos, Exception failure) {
    }

    @Test
    @DisplayName("50 concurrent callers during a silent outage: each fails within connect + read + 1 s, one fetch")
    void silentDiscovery() throws Exception {
        MutableClock clock = new MutableClock();
        ItsmeClient client = Simulators.client(sim, keys).connectTimeout(CONNECT).readTimeout(READ).clock(clock)
                .discoveryFailureMemory(MEMORY).build();
        sim.hooks().hang(Endpoint.DISCOVERY);

        List<Callable<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(() -> {
                long arrival = System.nanoTime();
                try {
                    client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
                    return new Outcome(System.nanoTime() - arrival, null);
                } catch (ItsmeException e) {
                    return new Outcome(System.nanoTime() - arrival, e);
                }
            });
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : pool.invokeAll(calls)) {
            outcomes.add(f.get());
        }

        long bound = CONNECT.plus(READ).plusSeconds(1).toNanos();
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.failure()).isInstanceOf(ItsmeCommunicationException.class);
            assertThat(o.waitedNanos()).isLessThanOrEqualTo(bound);
        });
        // one caller fetched and timed out; the others shared its fetch or met the remembered failure
        assertThat(outcomes).filteredOn(o -> o.failure().getMessage().startsWith("ITSME-1120")).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.failure().getMessage().startsWith("ITSME-1104"))
                .hasSize(CALLERS - 1);
        assertThat(sim.recordedRequests(Endpoint.DISCOVERY)).hasSize(1);
        assertThat(client.hasReadDiscovery()).isFalse();
        assertThat(warnings).filteredOn(r -> r.getMessage().startsWith("ITSME-1105")).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).contains(sim.discoveryUri().toString()));

        // itsme is back, but the failure is still remembered: no fetch before the memory ends
        sim.reset();
        ItsmeException remembered = failure(client);
        assertThat(remembered).hasMessageStartingWith("ITSME-1104");
        assertThat(sim.recordedRequests(Endpoint.DISCOVERY)).isEmpty();

        clock.advance(MEMORY);
        PendingAuthorization pending = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
        assertThat(pending.uri().toString()).startsWith(sim.authorizationEndpoint().toString());
        assertThat(client.hasReadDiscovery()).isTrue();
        assertThat(warnings).filteredOn(r -> r.getMessage().startsWith("ITSME-1105")).hasSize(1);
    }

    @Test
    @DisplayName("accepting twin: with discovery answering, 50 concurrent first calls share one fetch and all succeed")
    void concurrentFirstUse() throws Exception {
        ItsmeClient client = Simulators.client(sim, keys).connectTimeout(CONNECT).readTimeout(READ).build();
        List<Callable<PendingAuthorization>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(() -> client.authorize(AuthorizationRequest.login(Simulators.LOGIN)));
        }
        for (Future<PendingAuthorization> f : pool.invokeAll(calls)) {
            assertThat(f.get().uri().toString()).startsWith(sim.authorizationEndpoint().toString());
        }
        assertThat(sim.recordedRequests(Endpoint.DISCOVERY)).hasSize(1);
        assertThat(client.hasReadDiscovery()).isTrue();
        assertThat(warnings).isEmpty();
    }

    private static ItsmeException failure(ItsmeClient client) {
        try {
            client.metadata();
        } catch (ItsmeException e) {
            return e;
        }
        throw new AssertionError("discovery was read although its failure should be remembered");
    }
}

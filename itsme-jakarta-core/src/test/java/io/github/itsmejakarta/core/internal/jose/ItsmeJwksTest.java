package io.github.itsmejakarta.core.internal.jose;

import static io.github.itsmejakarta.core.testing.TokenFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.itsmejakarta.core.ItsmeCommunicationException;
import io.github.itsmejakarta.core.ItsmeException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.github.itsmejakarta.core.testing.MutableClock;

@DisplayName("ItsmeJwks: itsme's keys, refetch limiter (checklist 28, 29)")
class ItsmeJwksTest {
    final MutableClock clock = clock();

    @Test
    @DisplayName("checklist 28: a known kid is served without fetching again")
    void known_kid_no_refetch() throws Exception {
        CountingFetcher fetcher = new CountingFetcher(jwks(ITSME_SIG));
        ItsmeJwks jwks = new ItsmeJwks(fetcher, clock, Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            assertThat(jwks.verificationKey("itsme-sig-1")).contains(ITSME_SIG.getRsaPublicKey());
        }
        assertThat(fetcher.calls).hasValue(1);
    }

    @Test
    @DisplayName("checklist 28: unknown kids cause at most one fetch per interval (mutable clock)")
    void flood_limited_per_interval() throws Exception {
        CountingFetcher fetcher = new CountingFetcher(jwks(ITSME_SIG));
        ItsmeJwks jwks = new ItsmeJwks(fetcher, clock, Duration.ofSeconds(30));
        jwks.preload();
        assertThat(fetcher.calls).hasValue(1);
        for (int i = 0; i < 100; i++) {
            assertThat(jwks.verificationKey("unknown-" + i)).isEmpty();
        }
        assertThat(fetcher.calls).as("within 30 s of the first fetch").hasValue(1);
        clock.advance(Duration.ofSeconds(29));
        assertThat(jwks.verificationKey("unknown-x")).isEmpty();
        assertThat(fetcher.calls).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            assertThat(jwks.verificationKey("unknown-y" + i)).isEmpty();
        }
        assertThat(fetcher.calls).as("one fetch once the interval passed").hasValue(2);
        clock.advance(Duration.ofSeconds(30));
        assertThat(jwks.verificationKey("unknown-z")).isEmpty();
        assertThat(fetcher.calls).hasValue(3);
    }

    @Test
    @DisplayName("checklist 28: rotation: the new kid is found by the one refetch")
    void rotation_found_by_refetch() throws Exception {
        CountingFetcher fetcher = new CountingFetcher(jwks(ITSME_SIG));
        ItsmeJwks jwks = new ItsmeJwks(fetcher, clock, Duration.ofSeconds(30));
        jwks.preload();
        fetcher.json = jwks(ITSME_SIG, ITSME_SIG_NEW);
        assertThat(jwks.verificationKey("itsme-sig-2")).as("too soon").isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(jwks.verificationKey("itsme-sig-2")).contains(ITSME_SIG_NEW.getRsaPublicKey());
        assertThat(jwks.verificationKey("itsme-sig-1")).contains(ITSME_SIG.getRsaPublicKey());
        assertThat(fetcher.calls).hasValue(2);
    }

    @Test
    @DisplayName("checklist 28: concurrent callers asking for an unknown kid cause one fetch, not a stampede")
    void no_stampede() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch inFetch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String rotated = jwks(ITSME_SIG, ITSME_SIG_NEW);
        ItsmeJwks jwks = new ItsmeJwks(() -> {
            int n = calls.incrementAndGet();
            if (n == 2) {
                inFetch.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS); // hold the fetch open while the others pile up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return rotated;
            }
            return jwks(ITSME_SIG);
        }, clock, Duration.ofSeconds(30));
        jwks.preload();
        clock.advance(Duration.ofSeconds(31));
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<RSAPublicKey>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return jwks.verificationKey("itsme-sig-2");
                }));
            }
            start.countDown();
            assertThat(inFetch.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Future<Optional<RSAPublicKey>> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS)).contains(ITSME_SIG_NEW.getRsaPublicKey());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    @DisplayName("checklist 29: non-RSA, use=enc, other-alg and sub-2048-bit keys are not verification keys")
    void ignored_keys() throws Exception {
        EllipticCurveJsonWebKey ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        ec.setKeyId("ec");
        var weak = rsa(1024, "weak", "sig");
        var ps = rsa(2048, "ps", "sig");
        ps.setAlgorithm("PS256");
        ItsmeJwks jwks = new ItsmeJwks(new CountingFetcher(jwks(ec, weak, ITSME_ENC, ps, ITSME_SIG)), clock,
                Duration.ofSeconds(30));
        assertThat(jwks.verificationKey("ec")).isEmpty();
        assertThat(jwks.verificationKey("weak")).isEmpty();
        assertThat(jwks.verificationKey("itsme-enc-1")).isEmpty();
        assertThat(jwks.verificationKey("ps")).isEmpty();
        assertThat(jwks.verificationKey("itsme-sig-1")).contains(ITSME_SIG.getRsaPublicKey());
        assertThat(jwks.verificationKeys()).containsExactly(ITSME_SIG.getRsaPublicKey());
        assertThat(jwks.encryptionKey()).hasValueSatisfying(k -> {
            assertThat(k.kid()).isEqualTo("itsme-enc-1");
            assertThat(k.key()).isEqualTo(ITSME_ENC.getRsaPublicKey());
        });
    }

    @Test
    @DisplayName("a failing fetch is reported and also counts for the interval")
    void failing_fetch() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ItsmeJwks jwks = new ItsmeJwks(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new ItsmeCommunicationException(io.github.itsmejakarta.core.ItsmeMessage.JWKS_UNAVAILABLE,
                        "test");
            }
            return jwks(ITSME_SIG);
        }, clock, Duration.ofSeconds(30));
        assertThatThrownBy(() -> jwks.verificationKey("itsme-sig-1")).isInstanceOf(ItsmeException.class)
                .extracting(e -> ((ItsmeException) e).messageId()).isEqualTo("ITSME-1110");
        assertThatThrownBy(() -> jwks.verificationKey("itsme-sig-1")).isInstanceOf(ItsmeException.class);
        assertThat(calls).hasValue(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(jwks.verificationKey("itsme-sig-1")).isPresent();
        assertThat(calls).hasValue(2);
    }

    @Test
    @DisplayName("a JWKS that is not JSON is refused with ITSME-1111")
    void invalid_json() {
        ItsmeJwks jwks = new ItsmeJwks(new CountingFetcher("<html>"), clock, Duration.ofSeconds(30));
        assertThatThrownBy(jwks::preload).isInstanceOf(ItsmeException.class)
                .extracting(e -> ((ItsmeException) e).messageId()).isEqualTo("ITSME-1111");
        ItsmeJwks noKeys = new ItsmeJwks(new CountingFetcher("{\"x\":1}"), clock, Duration.ofSeconds(30));
        assertThatThrownBy(noKeys::preload).isInstanceOf(ItsmeException.class)
                .extracting(e -> ((ItsmeException) e).messageId()).isEqualTo("ITSME-1111");
    }
}

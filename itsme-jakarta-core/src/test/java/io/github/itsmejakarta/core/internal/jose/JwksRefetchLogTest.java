package io.github.itsmejakarta.core.internal.jose;

import static io.github.itsmejakarta.core.testing.TokenFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.github.itsmejakarta.core.testing.MutableClock;

/**
 * Security checklist 41 (issue 7 item 4): an unknown kid inside the refetch interval is refused without a fetch, and the
 * log says so with its own id (ITSME-1130), once per interval, without the kid (token content).
 */
@DisplayName("ITSME-1130: a refused JWKS refetch is logged")
class JwksRefetchLogTest {
    final MutableClock clock = clock();
    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    final Logger logger = Logger.getLogger(ItsmeJwks.class.getName());
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
    }

    List<String> warnings() {
        return records.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }

    @Test
    void unknown_kid_inside_the_interval_logged_once_with_its_id_and_without_the_kid() throws Exception {
        CountingFetcher fetcher = new CountingFetcher(jwks(ITSME_SIG));
        ItsmeJwks jwks = new ItsmeJwks(fetcher, clock, Duration.ofSeconds(30));
        jwks.preload();
        clock.advance(Duration.ofSeconds(12));
        for (int i = 0; i < 5; i++) {
            assertThat(jwks.verificationKey("rotated-kid-" + i)).isEmpty();
        }
        assertThat(fetcher.calls).hasValue(1);
        assertThat(warnings()).hasSize(1);
        assertThat(warnings().get(0)).startsWith("ITSME-1130: ").contains("12 s ago").contains("30 s")
                .doesNotContain("rotated-kid");
    }

    @Test
    void twin_unknown_kid_after_the_interval_is_fetched_and_not_logged_as_refused() throws Exception {
        CountingFetcher fetcher = new CountingFetcher(jwks(ITSME_SIG));
        ItsmeJwks jwks = new ItsmeJwks(fetcher, clock, Duration.ofSeconds(30));
        jwks.preload();
        clock.advance(Duration.ofSeconds(30));
        fetcher.json = jwks(ITSME_SIG, ITSME_SIG_NEW);
        assertThat(jwks.verificationKey(ITSME_SIG_NEW.getKeyId())).isPresent();
        assertThat(fetcher.calls).hasValue(2);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void a_new_interval_logs_again() throws Exception {
        CountingFetcher fetcher = new CountingFetcher(jwks(ITSME_SIG));
        ItsmeJwks jwks = new ItsmeJwks(fetcher, clock, Duration.ofSeconds(30));
        jwks.preload();
        assertThat(jwks.verificationKey("unknown-1")).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(jwks.verificationKey("unknown-2")).isEmpty(); // fetched: not a refusal
        assertThat(jwks.verificationKey("unknown-3")).isEmpty(); // refused in the new interval
        assertThat(fetcher.calls).hasValue(2);
        assertThat(warnings()).hasSize(2);
    }
}

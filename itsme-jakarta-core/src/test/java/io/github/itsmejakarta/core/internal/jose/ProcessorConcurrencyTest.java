package io.github.itsmejakarta.core.internal.jose;

import static io.github.itsmejakarta.core.testing.TokenFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.core.ItsmeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.github.itsmejakarta.core.testing.MutableClock;

/**
 * One processor shared by many threads, mixing good and damaged tokens: one token's failure or key must never leak
 * into another's result.
 */
@DisplayName("ItsmeTokenProcessor is thread-safe under mixed valid and tampered tokens")
class ProcessorConcurrencyTest {
    @Test
    void mixed_tokens_on_many_threads() throws Exception {
        MutableClock clock = clock();
        ItsmeTokenProcessor processor = processor(clock);
        List<String> good = List.of(idToken().build(), idToken().encryptedWith("RSA-OAEP", "A256GCM").build(),
                idToken().encryptedWith("RSA-OAEP-256", "A256CBC-HS512").build(), idToken().jweKid(null).build());
        List<String> bad = List.of(flip(good.get(0), 1), flip(good.get(1), 4), flip(good.get(2), 3),
                idToken().signedBy(ATTACKER).build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                boolean valid = i % 2 == 0;
                String token = (valid ? good : bad).get((i / 2) % 4);
                Callable<String> task = () -> {
                    try {
                        return processor.processIdToken(token, NONCE, null).sub();
                    } catch (ItsmeException e) {
                        return e.messageId();
                    }
                };
                results.add(pool.submit(task));
            }
            for (int i = 0; i < results.size(); i++) {
                String outcome = results.get(i).get(30, TimeUnit.SECONDS);
                if (i % 2 == 0) {
                    assertThat(outcome).as("token %s", i).isEqualTo(SUB);
                } else {
                    assertThat(outcome).as("token %s", i).isIn("ITSME-1404", "ITSME-1407");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

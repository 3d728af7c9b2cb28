package io.github.itsmejakarta.core.internal.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.itsmejakarta.core.ItsmeDefaults;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TokenPolicy: allow-lists cannot be widened, skew is bounded")
class TokenPolicyTest {
    static TokenPolicy policy(Set<String> algs, Set<String> encs, Duration skew) {
        return new TokenPolicy("https://idp", "client", algs, encs, skew, Duration.ofMinutes(10), Clock.systemUTC(),
                65536);
    }

    @Test
    void refuses_other_algorithms_and_unbounded_skew() {
        assertThatThrownBy(() -> policy(Set.of("RSA1_5"), TokenPolicy.SUPPORTED_CONTENT_ENCRYPTIONS,
                Duration.ofSeconds(60))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy(Set.of(), TokenPolicy.SUPPORTED_CONTENT_ENCRYPTIONS, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy(TokenPolicy.SUPPORTED_JWE_ALGORITHMS, Set.of("A192GCM"),
                Duration.ofSeconds(60))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy(TokenPolicy.SUPPORTED_JWE_ALGORITHMS,
                TokenPolicy.SUPPORTED_CONTENT_ENCRYPTIONS, Duration.ofMinutes(6)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accepts_the_supported_sets_and_intersects_discovery() {
        TokenPolicy p = policy(Set.of("RSA-OAEP-256"), Set.of("A128CBC-HS256"), Duration.ofMinutes(5));
        assertThat(p.allowedJweAlgorithms()).containsExactly("RSA-OAEP-256");
        assertThat(TokenPolicy.contentEncryptionsFrom(List.of("A128CBC-HS256", "A192GCM", "A256GCM")))
                .containsExactlyInAnyOrder("A128CBC-HS256", "A256GCM");
        assertThat(TokenPolicy.contentEncryptionsFrom(null)).isEqualTo(TokenPolicy.SUPPORTED_CONTENT_ENCRYPTIONS);
        // issue 7 item 9: one clock-skew default, the client's (ItsmeDefaults), not a processor default of its own
        assertThat(TokenPolicy.defaults("https://idp", "client").clockSkew()).isEqualTo(ItsmeDefaults.CLOCK_SKEW)
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(TokenPolicy.defaults("https://idp", "client").maxTokenAge()).isEqualTo(ItsmeDefaults.MAX_TOKEN_AGE);
    }
}

package io.github.itsmejakarta.core.internal.jose;

import static io.github.itsmejakarta.core.internal.jose.Rejections.assertRejected;
import static io.github.itsmejakarta.core.testing.TokenFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.core.ItsmeIdentity;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import io.github.itsmejakarta.core.testing.MutableClock;
import io.github.itsmejakarta.core.testing.TokenFixture;

/**
 * Security checklist 34, OIDC Core 3.1.3.7 steps 3 to 5: no audience besides the client id (ITSME-1418); several
 * entries in {@code aud} need an {@code azp}; an {@code azp} must be the client id (ITSME-1419). The same rules for
 * itsme's signed userinfo (OIDC Core 5.3.2), which carries {@code aud} as an ID token does.
 */
@DisplayName("aud and azp (OIDC Core 3.1.3.7 steps 3 to 5, checklist 34)")
class AudienceRulesTest {
    MutableClock clock;
    ItsmeTokenProcessor processor;

    @BeforeEach
    void setUp() {
        clock = clock();
        processor = processor(clock);
    }

    @Nested
    @DisplayName("ID token")
    class IdToken {
        void reject(TokenFixture.Token token, String id) {
            assertRejected(() -> processor.processIdToken(token.build(), NONCE, null), id);
        }

        ItsmeIdentity accept(TokenFixture.Token token) throws Exception {
            return processor.processIdToken(token.build(), NONCE, null);
        }

        @Test
        void step3_an_additional_untrusted_audience_rejected() {
            reject(idToken().claim("aud", List.of(CLIENT_ID, "another-rp")), "ITSME-1418");
            reject(idToken().claim("aud", List.of("another-rp", CLIENT_ID)).claim("azp", CLIENT_ID), "ITSME-1418");
        }

        @Test
        void step3_twin_aud_as_a_one_element_array_accepted() throws Exception {
            assertThat(accept(idToken().claim("aud", List.of(CLIENT_ID))).audience()).containsExactly(CLIENT_ID);
        }

        @Test
        void step4_several_audiences_without_azp_rejected() {
            reject(idToken().claim("aud", List.of(CLIENT_ID, CLIENT_ID)), "ITSME-1419");
        }

        @Test
        void step4_twin_several_audiences_with_azp_accepted() throws Exception {
            assertThat(accept(idToken().claim("aud", List.of(CLIENT_ID, CLIENT_ID)).claim("azp", CLIENT_ID)).sub())
                    .isEqualTo(SUB);
        }

        @Test
        void step5_azp_other_than_the_client_id_rejected() {
            reject(idToken().claim("azp", "another-rp"), "ITSME-1419");
            reject(idToken().claim("aud", List.of(CLIENT_ID)).claim("azp", "another-rp"), "ITSME-1419");
            reject(idToken().claim("azp", List.of(CLIENT_ID)), "ITSME-1419");
        }

        @Test
        void step5_twin_azp_equal_to_the_client_id_accepted() throws Exception {
            assertThat(accept(idToken().claim("azp", CLIENT_ID)).sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("userinfo")
    class UserInfo {
        void reject(TokenFixture.Token token, String id) {
            assertRejected(() -> processor.processUserInfo(token.build(), SUB), id);
        }

        @Test
        void additional_audience_or_foreign_azp_rejected() {
            reject(userInfo().claim("aud", List.of(CLIENT_ID, "another-rp")), "ITSME-1418");
            reject(userInfo().claim("azp", "another-rp"), "ITSME-1419");
        }

        @Test
        void twin_one_element_array_and_own_azp_accepted() throws Exception {
            assertThat(processor.processUserInfo(userInfo().claim("aud", List.of(CLIENT_ID)).claim("azp", CLIENT_ID)
                    .build(), SUB).sub()).isEqualTo(SUB);
        }
    }
}

package io.github.itsmejakarta.core.internal.jose;

import static io.github.itsmejakarta.core.internal.jose.Rejections.assertRejected;
import static io.github.itsmejakarta.core.testing.TokenFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.core.ItsmeUserInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import io.github.itsmejakarta.core.testing.MutableClock;
import io.github.itsmejakarta.core.testing.TokenFixture;

/** The userinfo items of security-checklist.md (18, 19), each rejection with its accepting twin. */
@DisplayName("userinfo processing (security checklist)")
class UserInfoChecklistTest {
    MutableClock clock;
    ItsmeTokenProcessor processor;

    @BeforeEach
    void setUp() {
        clock = clock();
        processor = processor(clock);
    }

    void reject(String body, String id) {
        assertRejected(() -> processor.processUserInfo(body, SUB), id);
    }

    @Nested
    @DisplayName("checklist 18: userinfo sub must equal the ID token's")
    class SubjectMatch {
        @Test
        void other_sub_rejected() {
            reject(userInfo().claim("sub", "ffffffffffffffffffffffffffffffffffff").build(), "ITSME-1502");
        }

        @Test
        void missing_sub_rejected() {
            reject(userInfo().without("sub").build(), "ITSME-1412");
        }

        @Test
        void twin_same_sub_accepted() throws Exception {
            ItsmeUserInfo info = processor.processUserInfo(userInfo().build(), SUB);
            assertThat(info.sub()).isEqualTo(SUB);
            assertThat(info.claims().familyName()).contains("Peeters");
        }
    }

    @Nested
    @DisplayName("checklist 19: bad signature, wrong iss/aud, plain JSON")
    class Integrity {
        @Test
        void bad_signature_rejected() {
            reject(new TokenFixture.Token().inner(flip(userInfo().jws(), 2)).build(), "ITSME-1407");
        }

        @Test
        void foreign_signer_rejected() {
            reject(userInfo().signedBy(ATTACKER).build(), "ITSME-1407");
        }

        @Test
        void wrong_iss_rejected() {
            reject(userInfo().claim("iss", "https://evil.example/v2").build(), "ITSME-1410");
            reject(userInfo().without("iss").build(), "ITSME-1410");
        }

        @Test
        void wrong_aud_rejected() {
            reject(userInfo().claim("aud", "someone-else").build(), "ITSME-1411");
            reject(userInfo().without("aud").build(), "ITSME-1411");
        }

        @Test
        void plain_json_rejected() {
            reject(userInfo().claimsJson(), "ITSME-1503");
            reject("  " + userInfo().claimsJson() + "\n", "ITSME-1503");
            reject("", "ITSME-1503");
            reject(null, "ITSME-1503");
        }

        @Test
        void bare_jws_rejected() {
            reject(userInfo().unencrypted().build(), "ITSME-1405");
        }

        @Test
        void encrypted_unsigned_json_rejected() {
            reject(userInfo().unsigned().build(), "ITSME-1405");
        }

        @Test
        void expired_when_exp_present_rejected() {
            reject(userInfo().claim("exp", NOW.getEpochSecond() - 120).build(), "ITSME-1413");
        }

        @Test
        void twin_valid_nested_userinfo_accepted_with_surrounding_whitespace_and_optional_exp() throws Exception {
            assertThat(processor.processUserInfo(userInfo().build() + "\r\n", SUB).sub()).isEqualTo(SUB);
            assertThat(processor.processUserInfo(userInfo().claim("exp", NOW.getEpochSecond() + 60)
                    .claim("iat", NOW.getEpochSecond()).build(), SUB).sub()).isEqualTo(SUB);
        }
    }
}

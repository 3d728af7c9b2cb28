package io.github.itsmejakarta.core.internal.jose;

import static io.github.itsmejakarta.core.internal.jose.Rejections.assertRejected;
import static io.github.itsmejakarta.core.testing.TokenFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.ItsmeDefaults;
import io.github.itsmejakarta.core.ItsmeIdentity;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import io.github.itsmejakarta.core.testing.MutableClock;
import io.github.itsmejakarta.core.testing.TokenFixture;

/**
 * The ID token items of security-checklist.md (1 to 17, 28 to 30), each with a rejecting test and its accepting twin.
 * Tokens are minted here with jose4j ({@link TokenFixture}), not by the simulator.
 */
@DisplayName("ID token processing (security checklist)")
class IdTokenChecklistTest {
    /** The production default (issue 7 item 9: the checklist runs at the skew production uses). */
    static final long SKEW = ItsmeDefaults.CLOCK_SKEW.toSeconds();
    MutableClock clock;
    ItsmeTokenProcessor processor;

    @BeforeEach
    void setUp() {
        clock = clock();
        processor = processor(clock);
    }

    ItsmeIdentity accept(String token) throws Exception {
        return processor.processIdToken(token, NONCE, null);
    }

    void reject(String token, String id) {
        assertRejected(() -> processor.processIdToken(token, NONCE, null), id);
    }

    @Nested
    @DisplayName("checklist 1: a valid nested token is accepted")
    class Valid {
        @ParameterizedTest(name = "{0} / {1}")
        @CsvSource({"RSA-OAEP-256, A128CBC-HS256", "RSA-OAEP-256, A256CBC-HS512", "RSA-OAEP-256, A128GCM",
                "RSA-OAEP-256, A256GCM", "RSA-OAEP, A128CBC-HS256", "RSA-OAEP, A256GCM"})
        void accepted(String alg, String enc) throws Exception {
            ItsmeIdentity id = accept(idToken().encryptedWith(alg, enc).build());
            assertThat(id.sub()).isEqualTo(SUB);
            assertThat(id.issuer()).isEqualTo(ISSUER);
            assertThat(id.audience()).containsExactly(CLIENT_ID);
            assertThat(id.acr()).contains(Acr.BASIC);
            assertThat(id.issuedAt()).isEqualTo(NOW);
            assertThat(id.expiresAt()).isEqualTo(NOW.plusSeconds(300));
            assertThat(id.authTime()).contains(NOW.minusSeconds(5));
            assertThat(id.claims().raw()).containsKeys("iss", "sub", "aud").doesNotContainKey("nonce");
        }

        @Test
        void cty_is_compared_ignoring_case() throws Exception {
            assertThat(accept(idToken().cty("jwt").build()).sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 2: altered signature bytes are rejected")
    class Signature {
        @Test
        void altered_signature_rejected() {
            reject(wrapJws(flip(idToken().jws(), 2)), "ITSME-1407");
        }

        @Test
        void altered_payload_rejected() {
            reject(wrapJws(flip(idToken().jws(), 1)), "ITSME-1407");
        }

        @Test
        void twin_untouched_signature_accepted() throws Exception {
            assertThat(accept(wrapJws(idToken().jws())).sub()).isEqualTo(SUB);
        }
    }

    /** Encrypts an arbitrary inner text exactly as itsme would. */
    static String wrapJws(String inner) {
        return new TokenFixture.Token().inner(inner).build();
    }

    @Nested
    @DisplayName("checklist 3: inner JWS algorithm other than RS256 is rejected")
    class JwsAlgorithm {
        @Test
        void alg_none_rejected() {
            reject(idToken().signedWith("none", null, ITSME_SIG.getKeyId()).build(), "ITSME-1406");
        }

        @Test
        void rs256_header_with_empty_signature_rejected() {
            String[] p = segments(idToken().jws());
            reject(wrapJws(p[0] + "." + p[1] + "."), "ITSME-1407");
        }

        @Test
        void hs256_keyed_with_the_public_key_rejected() {
            byte[] modulus = ITSME_SIG.getRsaPublicKey().getModulus().toByteArray();
            reject(idToken().signedWith("HS256", new HmacKey(modulus), ITSME_SIG.getKeyId()).build(), "ITSME-1406");
        }

        @Test
        void hs256_keyed_with_the_encoded_public_key_rejected() {
            byte[] encoded = ITSME_SIG.getRsaPublicKey().getEncoded();
            reject(idToken().signedWith("HS256", new SecretKeySpec(encoded, "HmacSHA256"), ITSME_SIG.getKeyId())
                    .build(), "ITSME-1406");
        }

        @Test
        void ps256_with_itsme_key_rejected() {
            reject(idToken().signedWith("PS256", ITSME_SIG.getPrivateKey(), ITSME_SIG.getKeyId()).build(),
                    "ITSME-1406");
        }

        @Test
        void es256_rejected() throws Exception {
            EllipticCurveJsonWebKey ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            reject(idToken().signedWith("ES256", ec.getPrivateKey(), ITSME_SIG.getKeyId()).build(), "ITSME-1406");
        }

        @Test
        void twin_rs256_accepted() throws Exception {
            assertThat(accept(idToken().signedWith("RS256", ITSME_SIG.getPrivateKey(), ITSME_SIG.getKeyId())
                    .build()).sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 4: a key that is not in itsme's JWKS is rejected")
    class ForeignKey {
        @Test
        void attacker_key_with_its_own_kid_rejected() {
            reject(idToken().signedBy(ATTACKER).build(), "ITSME-1407");
        }

        @Test
        void attacker_key_reusing_itsme_kid_rejected() {
            reject(idToken().signedWith("RS256", ATTACKER.getPrivateKey(), ITSME_SIG.getKeyId()).build(),
                    "ITSME-1407");
        }

        @Test
        void attacker_key_without_kid_rejected() {
            reject(idToken().signedWith("RS256", ATTACKER.getPrivateKey(), null).build(), "ITSME-1407");
        }

        @Test
        void twin_itsme_key_accepted_with_and_without_kid() throws Exception {
            assertThat(accept(idToken().signedBy(ITSME_SIG).build()).sub()).isEqualTo(SUB);
            assertThat(accept(idToken().signedWith("RS256", ITSME_SIG.getPrivateKey(), null).build()).sub())
                    .isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 5: iss and aud")
    class IssuerAudience {
        @ParameterizedTest
        @ValueSource(strings = {"https://evil.example/v2", "https://idp.e2e.itsme.services/v2/",
                "https://IDP.e2e.itsme.services/v2", ""})
        void wrong_iss_rejected(String iss) {
            reject(idToken().claim("iss", iss).build(), "ITSME-1410");
        }

        @Test
        void missing_or_non_string_iss_rejected() {
            reject(idToken().without("iss").build(), "ITSME-1410");
            reject(idToken().claim("iss", List.of(ISSUER)).build(), "ITSME-1410");
        }

        @Test
        void missing_or_wrong_aud_rejected() {
            reject(idToken().without("aud").build(), "ITSME-1411");
            reject(idToken().claim("aud", "other-client").build(), "ITSME-1411");
            reject(idToken().claim("aud", List.of("other-client", "x")).build(), "ITSME-1411");
            reject(idToken().claim("aud", 42).build(), "ITSME-1411");
            reject(idToken().claim("aud", List.of()).build(), "ITSME-1411");
        }

        @Test
        void aud_array_with_the_client_id_and_another_audience_rejected() {
            // OIDC Core 3.1.3.7 step 3: no audience the client does not trust (more in AudienceRulesTest)
            reject(idToken().claim("aud", List.of("other", CLIENT_ID)).build(), "ITSME-1418");
        }

        @Test
        void twin_aud_array_with_client_id_accepted() throws Exception {
            ItsmeIdentity id = accept(idToken().claim("aud", List.of(CLIENT_ID)).build());
            assertThat(id.audience()).containsExactly(CLIENT_ID);
        }

        @Test
        void twin_exact_iss_and_aud_string_accepted() throws Exception {
            assertThat(accept(idToken().build()).issuer()).isEqualTo(ISSUER);
        }
    }

    @Nested
    @DisplayName("checklist 6: sub missing or not a string")
    class Subject {
        @Test
        void missing_or_non_string_sub_rejected() {
            reject(idToken().without("sub").build(), "ITSME-1412");
            reject(idToken().claim("sub", 12345).build(), "ITSME-1412");
            reject(idToken().claim("sub", List.of(SUB)).build(), "ITSME-1412");
        }

        @Test
        void twin_string_sub_accepted() throws Exception {
            assertThat(accept(idToken().build()).sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 7: exp")
    class Expiry {
        @Test
        void missing_exp_rejected() {
            reject(idToken().without("exp").build(), "ITSME-1413");
        }

        @Test
        void exp_past_beyond_skew_rejected() {
            reject(idToken().claim("exp", NOW.getEpochSecond() - SKEW - 1).build(), "ITSME-1413");
        }

        @Test
        void non_numeric_exp_rejected() {
            reject(idToken().claim("exp", "tomorrow").build(), "ITSME-1413");
        }

        @Test
        void twin_exp_past_within_skew_accepted() throws Exception {
            assertThat(accept(idToken().claim("exp", NOW.getEpochSecond() - SKEW + 1).build()).sub()).isEqualTo(SUB);
        }

        @Test
        void a_token_expires_as_the_clock_moves() throws Exception {
            String token = idToken().build();
            accept(token);
            clock.advance(Duration.ofSeconds(300 + SKEW + 1));
            reject(token, "ITSME-1413");
        }
    }

    @Nested
    @DisplayName("checklist 8: iat")
    class IssuedAt {
        @Test
        void missing_iat_rejected() {
            reject(idToken().without("iat").build(), "ITSME-1414");
        }

        @Test
        void iat_in_the_future_beyond_skew_rejected() {
            reject(idToken().claim("iat", NOW.getEpochSecond() + SKEW + 1).build(), "ITSME-1414");
        }

        @Test
        void iat_far_in_the_past_rejected() {
            // exp still in the future: only the age check can catch it
            reject(idToken().claim("iat", NOW.getEpochSecond() - 3600).build(), "ITSME-1414");
        }

        @Test
        void twin_iat_slightly_ahead_or_a_few_minutes_old_accepted() throws Exception {
            assertThat(accept(idToken().claim("iat", NOW.getEpochSecond() + SKEW).build()).sub()).isEqualTo(SUB);
            assertThat(accept(idToken().claim("iat", NOW.getEpochSecond() - 240).build()).sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 9: nonce")
    class Nonce {
        @Test
        void missing_nonce_rejected() {
            reject(idToken().without("nonce").build(), "ITSME-1415");
        }

        @Test
        void different_nonce_rejected() {
            reject(idToken().claim("nonce", "another-nonce").build(), "ITSME-1415");
        }

        @Test
        void nonce_replayed_from_an_earlier_login_rejected() throws Exception {
            String earlier = idToken().claim("nonce", "login-1-nonce").build();
            assertThat(processor.processIdToken(earlier, "login-1-nonce", null).sub()).isEqualTo(SUB);
            // the next login has its own nonce: the earlier token does not fit it
            assertRejected(() -> processor.processIdToken(earlier, "login-2-nonce", null), "ITSME-1415");
        }

        @Test
        void no_expected_nonce_rejected() {
            String token = idToken().build();
            assertRejected(() -> processor.processIdToken(token, null, null), "ITSME-1415");
        }

        @Test
        void twin_matching_nonce_accepted() throws Exception {
            assertThat(accept(idToken().build()).sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 10: acr not weaker than requested, case-insensitive")
    class AcrLevel {
        @Test
        void basic_when_advanced_requested_rejected() {
            String token = idToken().claim("acr", ACR_BASIC).build();
            assertRejected(() -> processor.processIdToken(token, NONCE, Acr.ADVANCED), "ITSME-1416");
        }

        @Test
        void missing_or_unknown_acr_when_requested_rejected() {
            String missing = idToken().without("acr").build();
            assertRejected(() -> processor.processIdToken(missing, NONCE, Acr.BASIC), "ITSME-1416");
            String unknown = idToken().claim("acr", "urn:other").build();
            assertRejected(() -> processor.processIdToken(unknown, NONCE, Acr.BASIC), "ITSME-1416");
        }

        @Test
        void twin_advanced_in_upper_case_accepted() throws Exception {
            String token = idToken().claim("acr", "http://itsme.services/V2/claim/ACR_ADVANCED").build();
            assertThat(processor.processIdToken(token, NONCE, Acr.ADVANCED).acr()).contains(Acr.ADVANCED);
        }

        @Test
        void twin_advanced_when_basic_requested_accepted() throws Exception {
            String token = idToken().claim("acr", ACR_ADVANCED).build();
            assertThat(processor.processIdToken(token, NONCE, Acr.BASIC).acr()).contains(Acr.ADVANCED);
        }
    }

    @Nested
    @DisplayName("checklist 11: crit refused; jwk, jku, x5u, x5c never used")
    class Headers {
        HttpServer server;
        AtomicInteger hits = new AtomicInteger();
        String url;

        @BeforeEach
        void start() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                hits.incrementAndGet();
                byte[] body = jwks(ATTACKER).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        }

        @AfterEach
        void stop() {
            server.stop(0);
        }

        @Test
        void crit_in_inner_jws_rejected() {
            reject(idToken().jwsHeader("crit", List.of("exp")).jwsHeader("exp", 1).build(), "ITSME-1408");
        }

        @Test
        void crit_in_jwe_rejected() {
            reject(idToken().jweHeader("crit", List.of("x")).jweHeader("x", "y").build(), "ITSME-1408");
        }

        @Test
        void attacker_key_announced_in_jwk_jku_x5u_x5c_rejected_and_nothing_fetched() {
            String token = idToken().signedBy(ATTACKER).jwkHeader(ATTACKER).jwsHeader("jku", url)
                    .jwsHeader("x5u", url).jwsHeader("x5c", List.of("MIIBogus")).build();
            reject(token, "ITSME-1407");
            assertThat(hits).hasValue(0);
        }

        @Test
        void twin_itsme_signed_token_with_the_same_headers_accepted_and_nothing_fetched() throws Exception {
            String token = idToken().jwkHeader(ATTACKER).jwsHeader("jku", url).jwsHeader("x5u", url)
                    .jwsHeader("x5c", List.of("MIIBogus")).build();
            assertThat(accept(token).sub()).isEqualTo(SUB);
            assertThat(hits).hasValue(0);
        }
    }

    @Nested
    @DisplayName("checklist 12: a JWE around plain JSON claims is rejected")
    class NotNested {
        @Test
        void encrypted_but_unsigned_claims_rejected() {
            reject(idToken().unsigned().build(), "ITSME-1405");
        }

        @Test
        void missing_or_other_cty_rejected() {
            reject(idToken().cty(null).build(), "ITSME-1405");
            reject(idToken().cty("json").build(), "ITSME-1405");
        }

        @Test
        void bare_jws_without_encryption_rejected() {
            reject(idToken().unencrypted().build(), "ITSME-1405");
        }

        @Test
        void twin_signed_then_encrypted_accepted() throws Exception {
            assertThat(accept(idToken().build()).sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 13: JWE alg other than RSA-OAEP-256 / RSA-OAEP rejected before any key operation")
    class JweAlgorithm {
        @ParameterizedTest
        @ValueSource(strings = {"RSA1_5", "dir", "A128KW", "A256KW", "A128GCMKW", "PBES2-HS256+A128KW",
                "ECDH-ES", "ECDH-ES+A128KW", "none"})
        void refused_alg_rejected_before_decryption(String alg) {
            // the other segments are garbage: reaching any key operation would give ITSME-1404 instead
            reject(craftedJwe("{\"alg\":\"" + alg + "\",\"enc\":\"A128CBC-HS256\",\"cty\":\"JWT\"}"), "ITSME-1403");
        }

        @Test
        void real_rsa1_5_token_rejected() {
            reject(idToken().encryptedWith("RSA1_5", "A128CBC-HS256").build(), "ITSME-1403");
        }

        @Test
        void rsa_oaep_rejected_when_policy_allows_only_oaep_256() {
            TokenPolicy strict = new TokenPolicy(ISSUER, CLIENT_ID, Set.of("RSA-OAEP-256"),
                    TokenPolicy.SUPPORTED_CONTENT_ENCRYPTIONS, Duration.ofSeconds(60), Duration.ofMinutes(10), clock,
                    65536);
            ItsmeTokenProcessor p = new ItsmeTokenProcessor(RP_KEYS,
                    new ItsmeJwks(new CountingFetcher(itsmeJwks()), clock, Duration.ofSeconds(30)), strict);
            String token = idToken().encryptedWith("RSA-OAEP", "A128CBC-HS256").build();
            assertRejected(() -> p.processIdToken(token, NONCE, null), "ITSME-1403");
        }

        @Test
        void missing_alg_rejected() {
            reject(craftedJwe("{\"enc\":\"A128CBC-HS256\",\"cty\":\"JWT\"}"), "ITSME-1403");
        }

        @Test
        void twin_rsa_oaep_and_rsa_oaep_256_accepted() throws Exception {
            assertThat(accept(idToken().encryptedWith("RSA-OAEP", "A128CBC-HS256").build()).sub()).isEqualTo(SUB);
            assertThat(accept(idToken().encryptedWith("RSA-OAEP-256", "A128CBC-HS256").build()).sub())
                    .isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 14: enc not advertised, or zip present")
    class ContentEncryption {
        ItsmeTokenProcessor onlyCbc() {
            TokenPolicy p = new TokenPolicy(ISSUER, CLIENT_ID, TokenPolicy.SUPPORTED_JWE_ALGORITHMS,
                    TokenPolicy.contentEncryptionsFrom(List.of("A128CBC-HS256", "XC20P")), Duration.ofSeconds(60),
                    Duration.ofMinutes(10), clock, 65536);
            return new ItsmeTokenProcessor(RP_KEYS,
                    new ItsmeJwks(new CountingFetcher(itsmeJwks()), clock, Duration.ofSeconds(30)), p);
        }

        @Test
        void enc_not_advertised_rejected() {
            String token = idToken().encryptedWith("RSA-OAEP-256", "A256GCM").build();
            assertRejected(() -> onlyCbc().processIdToken(token, NONCE, null), "ITSME-1403");
        }

        @Test
        void unknown_enc_rejected() {
            reject(craftedJwe("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A192GCM\",\"cty\":\"JWT\"}"), "ITSME-1403");
        }

        @Test
        void zip_rejected() {
            reject(idToken().zip().build(), "ITSME-1408");
        }

        @Test
        void twin_advertised_enc_without_zip_accepted() throws Exception {
            String token = idToken().encryptedWith("RSA-OAEP-256", "A128CBC-HS256").build();
            assertThat(onlyCbc().processIdToken(token, NONCE, null).sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 15: any tampering of the JWE gives one generic error")
    class Tampering {
        final String token = idToken().build();

        @Test
        void tampered_header_rejected() {
            String[] p = segments(token);
            String header = unb64(p[0]);
            p[0] = b64(header.substring(0, header.length() - 1) + ",\"x\":\"y\"}");
            reject(join(p), "ITSME-1404");
        }

        @ParameterizedTest(name = "segment {0}")
        @ValueSource(ints = {1, 2, 3, 4})
        void tampered_encrypted_key_iv_ciphertext_or_tag_rejected(int segment) {
            reject(flip(token, segment), "ITSME-1404");
        }

        @ParameterizedTest(name = "{0} / {1} segment {2}")
        @CsvSource({"RSA-OAEP, A128CBC-HS256, 1", "RSA-OAEP, A256GCM, 1", "RSA-OAEP-256, A256CBC-HS512, 3",
                "RSA-OAEP-256, A256CBC-HS512, 4", "RSA-OAEP-256, A128GCM, 2", "RSA-OAEP-256, A128GCM, 3",
                "RSA-OAEP-256, A256GCM, 4"})
        void tampering_rejected_for_every_algorithm(String alg, String enc, int segment) throws Exception {
            String other = idToken().encryptedWith(alg, enc).build();
            assertThat(accept(other).sub()).isEqualTo(SUB);
            reject(flip(other, segment), "ITSME-1404");
        }

        @Test
        void iv_of_the_wrong_length_rejected() {
            String[] p = segments(token);
            p[2] = b64("0123456789ab");
            reject(join(p), "ITSME-1404");
        }

        @Test
        void truncated_tag_rejected() {
            String[] p = segments(token);
            p[4] = p[4].substring(0, 8);
            reject(join(p), "ITSME-1404");
        }

        @Test
        void twin_untampered_accepted() throws Exception {
            assertThat(accept(token).sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 16: JWE kid absent or unknown: every RP decryption key is tried")
    class JweKid {
        @Test
        void encrypted_to_a_key_the_rp_does_not_hold_rejected() {
            reject(idToken().encryptedTo(OTHER_RP_ENC.getPublicKey(), OTHER_RP_ENC.getKeyId()).build(),
                    "ITSME-1404");
            reject(idToken().encryptedTo(OTHER_RP_ENC.getPublicKey(), null).build(), "ITSME-1404");
        }

        @Test
        void kid_of_one_rp_key_but_encrypted_to_another_rejected() throws Exception {
            RelyingPartyKeys two = RP_KEYS.withNewEncryptionKey();
            String newKid = two.decryptionKeys().get(1).kid();
            String oldKid = two.decryptionKeys().get(0).kid();
            ItsmeTokenProcessor p = new ItsmeTokenProcessor(two,
                    new ItsmeJwks(new CountingFetcher(itsmeJwks()), clock, Duration.ofSeconds(30)), policy(clock));
            // the kid names a key the RP holds: only that key is tried
            String token = idToken().encryptedTo(rpEncryptionKey(two, newKid), oldKid).build();
            assertRejected(() -> p.processIdToken(token, NONCE, null), "ITSME-1404");
        }

        @Test
        void twin_absent_kid_accepted() throws Exception {
            assertThat(accept(idToken().jweKid(null).build()).sub()).isEqualTo(SUB);
        }

        @Test
        void twin_unknown_kid_accepted_when_a_key_fits() throws Exception {
            assertThat(accept(idToken().jweKid("retired-kid").build()).sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 17: size, segment count and base64url checked before any crypto")
    class Shape {
        @Test
        void too_large_rejected() {
            String big = idToken().claim("padding", "x".repeat(70_000)).build();
            reject(big, "ITSME-1402");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a.b.c.d", "a.b.c.d.e.f", "abc", ""})
        void wrong_segment_count_rejected(String token) {
            reject(token, "ITSME-1401");
        }

        @Test
        void empty_segment_rejected() {
            String[] p = segments(idToken().build());
            p[1] = "";
            reject(join(p), "ITSME-1401");
        }

        @Test
        void bad_base64url_rejected() {
            String[] p = segments(idToken().build());
            reject(join(p[0], p[1], p[2] + "+/", p[3], p[4]), "ITSME-1401");
            reject(join(p[0], p[1], p[2], p[3] + "=", p[4]), "ITSME-1401");
            String badLength = p[1];
            while (badLength.length() % 4 != 1) {
                badLength += "A";
            }
            reject(join(p[0], badLength, p[2], p[3], p[4]), "ITSME-1401");
        }

        @Test
        void header_not_json_or_deeply_nested_rejected() {
            reject(craftedJwe("not json"), "ITSME-1401");
            reject(craftedJwe("{\"alg\":" + "[".repeat(50) + "]".repeat(50) + "}"), "ITSME-1401");
        }

        @Test
        void twin_normal_token_with_a_large_but_allowed_claim_accepted() throws Exception {
            assertThat(accept(idToken().claim("padding", "x".repeat(20_000)).build()).sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 28: itsme rotates its signing key: one JWKS refetch, then accepted")
    class Rotation {
        @Test
        void new_kid_triggers_one_refetch_and_is_accepted() throws Exception {
            CountingFetcher fetcher = new CountingFetcher(jwks(ITSME_SIG, ITSME_ENC));
            ItsmeTokenProcessor p = new ItsmeTokenProcessor(RP_KEYS, new ItsmeJwks(fetcher, clock,
                    Duration.ofSeconds(30)), policy(clock));
            p.processIdToken(idToken().build(), NONCE, null);
            assertThat(fetcher.calls).hasValue(1);
            clock.advance(Duration.ofSeconds(31));
            fetcher.json = jwks(ITSME_SIG, ITSME_SIG_NEW, ITSME_ENC);
            ItsmeIdentity id = p.processIdToken(idToken().claim("iat", clock.instant().getEpochSecond()).claim("exp",
                    clock.instant().getEpochSecond() + 300).signedBy(ITSME_SIG_NEW).build(), NONCE, null);
            assertThat(id.sub()).isEqualTo(SUB);
            assertThat(fetcher.calls).hasValue(2);
        }

        @Test
        void flood_of_unknown_kids_costs_one_fetch_per_interval() throws Exception {
            CountingFetcher fetcher = new CountingFetcher(jwks(ITSME_SIG, ITSME_ENC));
            ItsmeTokenProcessor p = new ItsmeTokenProcessor(RP_KEYS, new ItsmeJwks(fetcher, clock,
                    Duration.ofSeconds(30)), policy(clock));
            p.processIdToken(idToken().build(), NONCE, null);
            clock.advance(Duration.ofSeconds(31));
            for (int i = 0; i < 20; i++) {
                String token = idToken().signedWith("RS256", ATTACKER.getPrivateKey(), "kid-" + i).build();
                assertRejected(() -> p.processIdToken(token, NONCE, null), "ITSME-1407");
            }
            assertThat(fetcher.calls).hasValue(2);
        }
    }

    @Nested
    @DisplayName("checklist 29: non-RSA, use=enc and sub-2048-bit keys in itsme's JWKS are not used")
    class JwksContent {
        final TokenFixture.Token base = idToken();

        ItsmeTokenProcessor with(String jwksJson) {
            return new ItsmeTokenProcessor(RP_KEYS, new ItsmeJwks(new CountingFetcher(jwksJson), clock,
                    Duration.ofSeconds(30)), policy(clock));
        }

        @Test
        void token_signed_by_a_1024_bit_key_in_the_set_rejected() {
            var weak = rsa(1024, "weak", "sig");
            String token = idToken().signedBy(weak).build();
            assertRejected(() -> with(jwks(ITSME_SIG, weak)).processIdToken(token, NONCE, null), "ITSME-1407");
        }

        @Test
        void token_signed_by_a_use_enc_key_rejected() {
            String token = idToken().signedBy(ITSME_ENC).build();
            assertRejected(() -> with(jwks(ITSME_SIG, ITSME_ENC)).processIdToken(token, NONCE, null), "ITSME-1407");
        }

        @Test
        void twin_good_key_among_ignored_ones_accepted() throws Exception {
            EllipticCurveJsonWebKey ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            ec.setKeyId("ec-1");
            var weak = rsa(1024, "weak", "sig");
            String token = idToken().build();
            assertThat(with(jwks(ec, weak, ITSME_ENC, ITSME_SIG)).processIdToken(token, NONCE, null).sub())
                    .isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 30: RP encryption key rotated: tokens for old and new key decrypt")
    class RpRotation {
        @Test
        void old_and_new_key_both_decrypt_and_a_dropped_key_no_longer_does() throws Exception {
            RelyingPartyKeys rotated = RP_KEYS.withNewEncryptionKey();
            String oldKid = rotated.decryptionKeys().get(0).kid();
            String newKid = rotated.decryptionKeys().get(1).kid();
            ItsmeTokenProcessor p = new ItsmeTokenProcessor(rotated,
                    new ItsmeJwks(new CountingFetcher(itsmeJwks()), clock, Duration.ofSeconds(30)), policy(clock));
            String forOld = idToken().encryptedTo(rpEncryptionKey(rotated, oldKid), oldKid).build();
            String forNew = idToken().encryptedTo(rpEncryptionKey(rotated, newKid), newKid).build();
            assertThat(p.processIdToken(forOld, NONCE, null).sub()).isEqualTo(SUB);
            assertThat(p.processIdToken(forNew, NONCE, null).sub()).isEqualTo(SUB);

            // without a kid (or with one the RP does not know) every key is tried, the newer one included
            String forNewNoKid = idToken().encryptedTo(rpEncryptionKey(rotated, newKid), null).build();
            assertThat(p.processIdToken(forNewNoKid, NONCE, null).sub()).isEqualTo(SUB);
            String forNewOtherKid = idToken().encryptedTo(rpEncryptionKey(rotated, newKid), "gone").build();
            assertThat(p.processIdToken(forNewOtherKid, NONCE, null).sub()).isEqualTo(SUB);

            ItsmeTokenProcessor afterDrop = new ItsmeTokenProcessor(rotated.withoutKey(oldKid),
                    new ItsmeJwks(new CountingFetcher(itsmeJwks()), clock, Duration.ofSeconds(30)), policy(clock));
            assertThat(afterDrop.processIdToken(forNew, NONCE, null).sub()).isEqualTo(SUB);
            assertRejected(() -> afterDrop.processIdToken(forOld, NONCE, null), "ITSME-1404");
        }
    }
}

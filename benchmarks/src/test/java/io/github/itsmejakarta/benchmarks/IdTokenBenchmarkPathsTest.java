package io.github.itsmejakarta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;

import io.github.itsmejakarta.core.ItsmeDefaults;
import io.github.itsmejakarta.core.ItsmeIdentity;
import io.github.itsmejakarta.core.ItsmeRejectedException;
import io.github.itsmejakarta.core.testing.TokenFixture;
import io.github.itsmejakarta.core.testing.TokenFixture.Token;

/**
 * Runs every {@link IdTokenBenchmark} method once outside JMH: each path must accept the benchmark's token with the
 * same claims, and reject the same tampered tokens, so that no path is timed while failing or while checking less than
 * the others. Speed is not asserted here.
 */
@TestInstance(Lifecycle.PER_CLASS)
class IdTokenBenchmarkPathsTest {

    private final IdTokenBenchmark bench = new IdTokenBenchmark();

    /** A processing path under test: the token in, the library's own result out (or an exception). */
    @FunctionalInterface
    interface TokenPath {
        Object process(String token) throws Exception;
    }

    @BeforeAll
    void setUp() throws Exception {
        bench.setUp();
    }

    Map<String, TokenPath> claimCheckingPaths(String expectedNonce) {
        Map<String, TokenPath> paths = new LinkedHashMap<>();
        paths.put("core", token -> bench.core.process(token, expectedNonce));
        paths.put("jose4j", token -> bench.jose4j.process(token, expectedNonce));
        paths.put("nimbus", token -> bench.nimbus.process(token, expectedNonce));
        return paths;
    }

    static final Map<String, Class<? extends Exception>> REJECTIONS = Map.of("core", ItsmeRejectedException.class,
            "jose4j", InvalidJwtException.class, "nimbus", BadJOSEException.class);

    @Test
    void everyBenchmarkMethodAcceptsTheBenchmarkTokenWithTheSameClaims() throws Exception {
        assertThat(bench.a_jdkFloor()).hasSize(32);
        Map<String, Object> expected = Map.of("sub", TokenFixture.SUB, "iss", TokenFixture.ISSUER, "aud",
                List.of(TokenFixture.CLIENT_ID), "iat", TokenFixture.NOW.getEpochSecond(), "exp",
                TokenFixture.NOW.getEpochSecond() + 300, "acr", TokenFixture.ACR_BASIC);
        assertThat(claimsOf(bench.b_itsmeCore())).isEqualTo(expected);
        assertThat(claimsOf(bench.c_jose4jByHand())).isEqualTo(expected);
        assertThat(claimsOf(bench.d_nimbusByHand())).isEqualTo(expected);
    }

    /**
     * The nonce is checked by behaviour, not read back: core does not hand the nonce out once it has matched it, so
     * every path must accept the benchmark token for the benchmark's nonce and refuse the very same token for another
     * login's nonce.
     */
    @Test
    void everyPathComparesTheNonceItIsGiven() {
        claimCheckingPaths(TokenFixture.NONCE).forEach((name, path) -> assertThatCode(() -> path.process(bench.token))
                .as("%s must accept the token for its own nonce", name).doesNotThrowAnyException());
        claimCheckingPaths("nonce-of-another-login").forEach((name, path) -> assertThat(
                catchThrowable(() -> path.process(bench.token))).as("%s must refuse the token for another nonce", name)
                .isInstanceOf(REJECTIONS.get(name)));
    }

    @Test
    void everyPathIsFedTheSameTokenBytes() {
        assertThat(bench.floorInput.token()).isSameAs(bench.token);
    }

    static Arguments tampering(String what, Supplier<String> token) {
        return Arguments.of(what, token);
    }

    static Token valid() {
        return TokenFixture.shareDataIdToken();
    }

    /** Signed by a key that is not in itsme's JWKS, under itsme's kid. */
    static String signedByAStranger() {
        return valid().signedWith("RS256", TokenFixture.ATTACKER.getPrivateKey(), TokenFixture.ITSME_SIG.getKeyId())
                .build();
    }

    /** The inner RS256 signature altered, the JWE around it intact. */
    static String innerSignatureCorrupted() {
        return new Token().inner(TokenFixture.flip(valid().jws(), 2)).build();
    }

    static Stream<Arguments> tamperings() {
        long now = TokenFixture.NOW.getEpochSecond();
        return Stream.of(tampering("inner signature corrupted", IdTokenBenchmarkPathsTest::innerSignatureCorrupted),
                tampering("signed by a key not in itsme's JWKS", IdTokenBenchmarkPathsTest::signedByAStranger),
                tampering("JWE encrypted key corrupted", () -> TokenFixture.flip(valid().build(), 1)),
                tampering("JWE ciphertext corrupted", () -> TokenFixture.flip(valid().build(), 3)),
                tampering("other nonce", () -> valid().claim("nonce", "replayed-nonce").build()),
                tampering("no nonce", () -> valid().without("nonce").build()),
                tampering("other issuer", () -> valid().claim("iss", "https://idp.prd.itsme.services/v2").build()),
                tampering("issuer with trailing slash", () -> valid().claim("iss", TokenFixture.ISSUER + "/").build()),
                tampering("other audience", () -> valid().claim("aud", "another-client").build()),
                tampering("expired beyond the skew",
                        () -> valid().claim("iat", now - 400).claim("exp", now - 100).build()),
                tampering("issued in the future beyond the skew",
                        () -> valid().claim("iat", now + 120).claim("exp", now + 420).build()),
                tampering("issued too long ago",
                        () -> valid().claim("iat", now - 900).claim("exp", now + 2700).build()),
                tampering("no iat", () -> valid().without("iat").build()),
                tampering("no exp", () -> valid().without("exp").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void everyClaimCheckingPathRejects(String what, Supplier<String> tamperedToken) {
        String tampered = tamperedToken.get();
        claimCheckingPaths(TokenFixture.NONCE).forEach((name, path) -> assertThat(
                catchThrowable(() -> path.process(tampered))).as("%s must reject a token with %s", name, what)
                .isInstanceOf(REJECTIONS.get(name)));
    }

    static Stream<Arguments> acceptedVariants() {
        long now = TokenFixture.NOW.getEpochSecond();
        long skew = ItsmeDefaults.CLOCK_SKEW.toSeconds();
        return Stream.of(
                tampering("expired within the skew",
                        () -> valid().claim("iat", now - 300 - skew / 2).claim("exp", now - skew / 2).build()),
                tampering("issued slightly in the future",
                        () -> valid().claim("iat", now + skew / 2).claim("exp", now + 300).build()),
                tampering("issued nine minutes ago, still valid",
                        () -> valid().claim("iat", now - 540).claim("exp", now + 3060).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedVariants")
    void everyClaimCheckingPathAccepts(String what, Supplier<String> variant) {
        String token = variant.get();
        claimCheckingPaths(TokenFixture.NONCE).forEach((name, path) -> assertThatCode(() -> claimsOf(path.process(
                token))).as("%s must accept a token %s", name, what).doesNotThrowAnyException());
    }

    static Stream<Arguments> floorTamperings() {
        return Stream.of(tampering("inner signature corrupted", IdTokenBenchmarkPathsTest::innerSignatureCorrupted),
                tampering("signed by a key not in itsme's JWKS", IdTokenBenchmarkPathsTest::signedByAStranger));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floorTamperings")
    void theFloorRejectsABadSignature(String what, Supplier<String> tamperedToken) throws Exception {
        JdkFloor.Input input = JdkFloor.inputOf(tamperedToken.get(),
                TokenFixture.RP_KEYS.decryptionKeys().get(0).privateKey());
        assertThatThrownBy(() -> bench.floor.process(input)).isInstanceOf(java.security.SignatureException.class);
        assertThat(bench.floor.process(bench.floorInput)).as("the floor's instances still work afterwards").hasSize(32);
    }

    @Test
    void theFloorRejectsACorruptedEncryptedKey() throws Exception {
        JdkFloor.Input good = bench.floorInput;
        String tampered = TokenFixture.flip(good.token(), 1);
        JdkFloor.Input input = new JdkFloor.Input(tampered, good.innerSigningInput(), good.innerSignature());
        assertThatThrownBy(() -> bench.floor.process(input)).isInstanceOf(javax.crypto.BadPaddingException.class);
        assertThat(bench.floor.process(good)).hasSize(32);
    }

    @Test
    void coreNormalisesTheClaimsTheOthersLeaveRaw() throws Exception {
        ItsmeIdentity identity = bench.b_itsmeCore();
        assertThat(identity.claims().birthdate()).contains(java.time.LocalDate.of(1985, 4, 12));
        assertThat(identity.claims().address()).hasValueSatisfying(a -> assertThat(a.toString()).contains("1000"));
        assertThat(identity.claims().belgianNationalNumber()).contains("85041212345");
        assertThat(identity.authTime()).contains(TokenFixture.NOW.minusSeconds(5));
    }

    static Map<String, Object> claimsOf(Object result) throws Exception {
        if (result instanceof ItsmeIdentity identity) {
            return fromCore(identity);
        }
        if (result instanceof JwtClaims claims) {
            return fromJose4j(claims);
        }
        return fromNimbus((JWTClaimsSet) result);
    }

    /** Core drops {@code nonce} from the identity once it has matched it: see everyPathComparesTheNonceItIsGiven. */
    static Map<String, Object> fromCore(ItsmeIdentity identity) {
        assertThat(identity.claims().contains("nonce")).isFalse();
        return Map.of("sub", identity.sub(), "iss", identity.issuer(), "aud", identity.audience(), "iat",
                identity.issuedAt().getEpochSecond(), "exp", identity.expiresAt().getEpochSecond(), "acr",
                identity.acrValue().orElseThrow());
    }

    static Map<String, Object> fromJose4j(JwtClaims claims) throws Exception {
        return Map.of("sub", claims.getSubject(), "iss", claims.getIssuer(), "aud", claims.getAudience(), "iat",
                claims.getIssuedAt().getValue(), "exp", claims.getExpirationTime().getValue(), "acr",
                claims.getStringClaimValue("acr"));
    }

    static Map<String, Object> fromNimbus(JWTClaimsSet claims) throws Exception {
        return Map.of("sub", claims.getSubject(), "iss", claims.getIssuer(), "aud", claims.getAudience(), "iat",
                claims.getIssueTime().toInstant().getEpochSecond(), "exp",
                claims.getExpirationTime().toInstant().getEpochSecond(), "acr", claims.getStringClaim("acr"));
    }
}

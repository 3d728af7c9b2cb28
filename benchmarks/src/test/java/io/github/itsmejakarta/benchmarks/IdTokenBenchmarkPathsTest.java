package io.github.itsmejakarta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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

import io.github.itsmejakarta.benchmarks.TokenFixture.IdTokenSpec;
import io.github.itsmejakarta.core.ItsmeIdentity;
import io.github.itsmejakarta.core.ItsmeRejectedException;

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

    Map<String, TokenPath> claimCheckingPaths() {
        Map<String, TokenPath> paths = new LinkedHashMap<>();
        paths.put("core", token -> bench.core.process(token, TokenFixture.NONCE));
        paths.put("jose4j", token -> bench.jose4j.process(token, TokenFixture.NONCE));
        paths.put("nimbus", token -> bench.nimbus.process(token, TokenFixture.NONCE));
        return paths;
    }

    @Test
    void everyBenchmarkMethodAcceptsTheBenchmarkTokenWithTheSameClaims() throws Exception {
        assertThat(bench.a_jdkFloor()).hasSize(32);
        Map<String, Object> expected = Map.of("sub", TokenFixture.SUB, "iss", TokenFixture.ISSUER, "aud",
                List.of(TokenFixture.CLIENT_ID), "iat", TokenFixture.NOW.getEpochSecond() - 5, "exp",
                TokenFixture.NOW.getEpochSecond() + 295, "nonce", TokenFixture.NONCE, "acr", TokenFixture.ACR_BASIC);
        assertThat(claimsOf(bench.b_itsmeCore())).isEqualTo(expected);
        assertThat(claimsOf(bench.c_jose4jByHand())).isEqualTo(expected);
        assertThat(claimsOf(bench.d_nimbusByHand())).isEqualTo(expected);
    }

    @Test
    void everyPathIsFedTheSameTokenBytes() {
        assertThat(bench.floorInput.token()).isSameAs(bench.token);
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("inner signature corrupted", (UnaryOperator<IdTokenSpec>) IdTokenSpec::corruptSignature),
                Arguments.of("signed by a key not in itsme's JWKS",
                        (UnaryOperator<IdTokenSpec>) IdTokenSpec::signedByStranger),
                Arguments.of("JWE encrypted key corrupted",
                        (UnaryOperator<IdTokenSpec>) IdTokenSpec::corruptEncryptedKey),
                Arguments.of("JWE ciphertext corrupted", (UnaryOperator<IdTokenSpec>) IdTokenSpec::corruptCiphertext),
                Arguments.of("other nonce", (UnaryOperator<IdTokenSpec>) s -> s.claim("nonce", "replayed-nonce")),
                Arguments.of("no nonce", (UnaryOperator<IdTokenSpec>) s -> s.removeClaim("nonce")),
                Arguments.of("other issuer",
                        (UnaryOperator<IdTokenSpec>) s -> s.claim("iss", "https://idp.e2e.itsme.services/v2")),
                Arguments.of("issuer with trailing slash",
                        (UnaryOperator<IdTokenSpec>) s -> s.claim("iss", TokenFixture.ISSUER + "/")),
                Arguments.of("other audience", (UnaryOperator<IdTokenSpec>) s -> s.claim("aud", "another-client")),
                Arguments.of("expired beyond the skew", (UnaryOperator<IdTokenSpec>) s -> s.issuedAt(-400, 300)),
                Arguments.of("issued in the future beyond the skew",
                        (UnaryOperator<IdTokenSpec>) s -> s.issuedAt(120, 300)),
                Arguments.of("issued too long ago", (UnaryOperator<IdTokenSpec>) s -> s.issuedAt(-900, 3600)),
                Arguments.of("no iat", (UnaryOperator<IdTokenSpec>) s -> s.removeClaim("iat")),
                Arguments.of("no exp", (UnaryOperator<IdTokenSpec>) s -> s.removeClaim("exp")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void everyClaimCheckingPathRejects(String what, UnaryOperator<IdTokenSpec> tamper) {
        String tampered = tamper.apply(bench.fixture.idTokenSpec()).mint();
        Map<String, Class<? extends Exception>> rejections = Map.of("core", ItsmeRejectedException.class, "jose4j",
                InvalidJwtException.class, "nimbus", BadJOSEException.class);
        claimCheckingPaths().forEach((name, path) -> assertThat(catchThrowable(() -> path.process(tampered)))
                .as("%s must reject a token with %s", name, what)
                .isInstanceOf(rejections.get(name)));
    }

    static Stream<Arguments> acceptedVariants() {
        return Stream.of(
                Arguments.of("expired within the skew", (UnaryOperator<IdTokenSpec>) s -> s.issuedAt(-330, 300)),
                Arguments.of("issued slightly in the future", (UnaryOperator<IdTokenSpec>) s -> s.issuedAt(30, 300)),
                Arguments.of("issued nine minutes ago, still valid",
                        (UnaryOperator<IdTokenSpec>) s -> s.issuedAt(-540, 3600)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedVariants")
    void everyClaimCheckingPathAccepts(String what, UnaryOperator<IdTokenSpec> variant) {
        String token = variant.apply(bench.fixture.idTokenSpec()).mint();
        claimCheckingPaths().forEach((name, path) -> assertThatCode(() -> claimsOf(path.process(token)))
                .as("%s must accept a token %s", name, what)
                .doesNotThrowAnyException());
    }

    static Stream<Arguments> floorTamperings() {
        return Stream.of(
                Arguments.of("inner signature corrupted", (UnaryOperator<IdTokenSpec>) IdTokenSpec::corruptSignature),
                Arguments.of("signed by a key not in itsme's JWKS",
                        (UnaryOperator<IdTokenSpec>) IdTokenSpec::signedByStranger));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floorTamperings")
    void theFloorRejectsABadSignature(String what, UnaryOperator<IdTokenSpec> tamper) throws Exception {
        String tampered = tamper.apply(bench.fixture.idTokenSpec()).mint();
        JdkFloor.Input input = JdkFloor.inputOf(tampered, bench.fixture.rpEncryptionKey().getPrivate());
        assertThatThrownBy(() -> bench.floor.process(input)).isInstanceOf(java.security.SignatureException.class);
        assertThat(bench.floor.process(bench.floorInput)).as("the floor's instances still work afterwards").hasSize(32);
    }

    @Test
    void theFloorRejectsACorruptedEncryptedKey() throws Exception {
        JdkFloor.Input good = bench.floorInput;
        String tampered = TokenFixture.flipSegment(good.token(), 1);
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
        assertThat(identity.authTime()).contains(TokenFixture.NOW.minusSeconds(25));
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

    /**
     * Core drops {@code nonce} from the identity once it has matched it (rejection cases above show it is compared),
     * so the nonce reported for core is the one it was asked to match.
     */
    static Map<String, Object> fromCore(ItsmeIdentity identity) {
        assertThat(identity.claims().contains("nonce")).isFalse();
        return Map.of("sub", identity.sub(), "iss", identity.issuer(), "aud", identity.audience(), "iat",
                identity.issuedAt().getEpochSecond(), "exp", identity.expiresAt().getEpochSecond(), "nonce",
                TokenFixture.NONCE, "acr", identity.acrValue().orElseThrow());
    }

    static Map<String, Object> fromJose4j(JwtClaims claims) throws Exception {
        return Map.of("sub", claims.getSubject(), "iss", claims.getIssuer(), "aud", claims.getAudience(), "iat",
                claims.getIssuedAt().getValue(), "exp", claims.getExpirationTime().getValue(), "nonce",
                claims.getStringClaimValue("nonce"), "acr", claims.getStringClaimValue("acr"));
    }

    static Map<String, Object> fromNimbus(JWTClaimsSet claims) throws Exception {
        return Map.of("sub", claims.getSubject(), "iss", claims.getIssuer(), "aud", claims.getAudience(), "iat",
                claims.getIssueTime().toInstant().getEpochSecond(), "exp",
                claims.getExpirationTime().toInstant().getEpochSecond(), "nonce", claims.getStringClaim("nonce"),
                "acr", claims.getStringClaim("acr"));
    }
}

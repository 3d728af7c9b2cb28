package io.github.itsmejakarta.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.github.itsmejakarta.core.ClaimsRequest;
import io.github.itsmejakarta.core.testing.TokenFixture;
import io.github.itsmejakarta.core.internal.request.JwtMinter;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.keys.SigningKey;

/**
 * Single-thread throughput of what the RP mints per login: the {@code private_key_jwt} client assertion (RS256) and the
 * request object (RS256 signed, then RSA-OAEP-256 / A128CBC-HS256 encrypted to itsme), each by core's
 * {@link JwtMinter} and by its JDK floor (the RSA operations alone: one private-key signature; one signature plus one
 * public-key OAEP encryption of a 32-byte content key), with {@link Signature}/{@link Cipher} built once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OutboundJwtBenchmark {

    static final String TOKEN_ENDPOINT = "https://idp.prd.itsme.services/v2/token";

    RelyingPartyKeys keys;
    SigningKey signingKey;
    JwtMinter minter;
    Map<String, Object> requestParameters;
    Signature floorSigner;
    Cipher floorOaep;
    byte[] floorSigningInput;
    byte[] floorCek;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        keys = RelyingPartyKeys.fromJwks(TokenFixture.RP_KEYS.privateJwkSetJson());
        signingKey = keys.activeSigningKey();
        minter = new JwtMinter(TokenFixture.CLIENT_ID, TokenFixture.FIXED_CLOCK);
        requestParameters = shareDataRequest();

        floorSigner = Signature.getInstance("SHA256withRSA");
        floorSigner.initSign(signingKey.privateKey());
        floorOaep = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        floorOaep.init(Cipher.ENCRYPT_MODE, TokenFixture.ITSME_ENC.getPublicKey(), JdkFloor.RSA_OAEP_256,
                new SecureRandom());
        // the signing input of a real client assertion, so the floor hashes as many bytes as core does
        String assertion = minter.clientAssertion(signingKey, TOKEN_ENDPOINT);
        floorSigningInput = assertion.substring(0, assertion.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        floorCek = new byte[32];
        new SecureRandom().nextBytes(floorCek);
    }

    /**
     * The authorization parameters of a Share-data login, as {@code ItsmeClient} puts them into the request object
     * (its {@link ClaimsRequest#toMap()} for {@code claims}), the claims asked voluntarily in the ID token as itsme
     * recommends: {@code {"id_token": {"given_name": null, ...}}}.
     */
    static Map<String, Object> shareDataRequest() {
        ClaimsRequest claims = ClaimsRequest.idToken("given_name", "family_name", "birthdate", "email", "address",
                "http://itsme.services/v2/claim/BENationalNumber");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", TokenFixture.CLIENT_ID);
        parameters.put("redirect_uri", "https://rp.example.be/app/itsme/callback");
        parameters.put("scope", "openid service:SHARE_CODE profile email address eid");
        parameters.put("state", "Xs2kqA8pM1vNz7hYc0TrLw4bE9uJf6gDi3oQa5nRt2E");
        parameters.put("nonce", TokenFixture.NONCE);
        parameters.put("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        parameters.put("code_challenge_method", "S256");
        parameters.put("acr_values", TokenFixture.ACR_BASIC);
        parameters.put("ui_locales", "nl");
        parameters.put("claims", claims.toMap());
        return parameters;
    }

    /** JDK floor of the client assertion: one RS256 signature. */
    @Benchmark
    public byte[] clientAssertion_jdkFloor() throws Exception {
        floorSigner.update(floorSigningInput);
        return floorSigner.sign();
    }

    /** Core's client assertion ({@code JwtMinter.clientAssertion}, smallrye-jwt-build inside). */
    @Benchmark
    public String clientAssertion_core() {
        return minter.clientAssertion(signingKey, TOKEN_ENDPOINT);
    }

    /** JDK floor of the request object: one RS256 signature plus one RSA-OAEP-256 public-key encryption. */
    @Benchmark
    public byte[][] requestObject_jdkFloor() throws Exception {
        floorSigner.update(floorSigningInput);
        byte[] signature = floorSigner.sign();
        return new byte[][]{signature, floorOaep.doFinal(floorCek)};
    }

    /** Core's request object ({@code JwtMinter.requestObject}: sign, then encrypt to itsme's enc key). */
    @Benchmark
    public String requestObject_core() {
        return minter.requestObject(requestParameters, TokenFixture.ISSUER,
                TokenFixture.NOW.plus(Duration.ofMinutes(10)), signingKey, TokenFixture.ITSME_ENC.getPublicKey(),
                TokenFixture.ITSME_ENC.getKeyId(), "RSA-OAEP-256", "A128CBC-HS256");
    }
}

package io.github.itsmejakarta.benchmarks;

import java.security.PrivateKey;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwt.JwtClaims;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.nimbusds.jwt.JWTClaimsSet;

import io.github.itsmejakarta.core.ItsmeIdentity;
import io.github.itsmejakarta.core.testing.TokenFixture;

/**
 * Single-thread throughput of processing one itsme ID token (nested JWT, RSA 2048): (a) the JDK floor of one RSA-OAEP
 * unwrap + one RS256 verify, (b) itsme-jakarta-core's ItsmeTokenProcessor, (c) jose4j by hand, (d) Nimbus by hand.
 * All paths see the same token string, minted once per trial by core's {@link TokenFixture} (the one the core tests
 * use; its keys are generated once per JVM, so once per JMH fork). {@code IdTokenBenchmarkPathsTest} runs
 * each method once and checks that it accepts this token and rejects tampered ones, so that no path is measured while
 * failing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IdTokenBenchmark {

    String token;
    JdkFloor.Input floorInput;
    JdkFloor floor;
    CoreProcessorPath core;
    Jose4jByHand jose4j;
    NimbusByHand nimbus;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        token = TokenFixture.shareDataIdToken().build();
        PrivateKey rpDecryptionKey = TokenFixture.RP_KEYS.decryptionKeys().get(0).privateKey();
        floorInput = JdkFloor.inputOf(token, rpDecryptionKey);
        floor = new JdkFloor(rpDecryptionKey, TokenFixture.ITSME_SIG.getPublicKey());
        core = new CoreProcessorPath();
        jose4j = new Jose4jByHand(rpDecryptionKey, TokenFixture.ITSME_SIG.getPublicKey());
        nimbus = new NimbusByHand(TokenFixture.rpDecryptionJwkJson(), TokenFixture.itsmeJwks());
    }

    /** (a) RSA-OAEP-256 unwrap + RS256 verify, JDK only, instances built once. */
    @Benchmark
    public byte[] a_jdkFloor() throws Exception {
        return floor.process(floorInput);
    }

    /** (b) itsme-jakarta-core: decrypt, verify, validate, normalise into an ItsmeIdentity. */
    @Benchmark
    public ItsmeIdentity b_itsmeCore() throws Exception {
        return core.process(token, TokenFixture.NONCE);
    }

    /** (c) jose4j JwtConsumer configured by hand. */
    @Benchmark
    public JwtClaims c_jose4jByHand() throws Exception {
        return jose4j.process(token, TokenFixture.NONCE);
    }

    /** (d) Nimbus DefaultJWTProcessor configured by hand. */
    @Benchmark
    public JWTClaimsSet d_nimbusByHand() throws Exception {
        return nimbus.process(token, TokenFixture.NONCE);
    }
}

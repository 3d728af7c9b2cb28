package io.github.itsmejakarta.benchmarks.login;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The floor of a login's cryptography, JDK only: the RSA operations a login cannot avoid, each with its {@code Cipher}
 * or {@code Signature} built and initialised once, timed in this thread's CPU time (so that other processes on the
 * machine fall out). RSA 2048 everywhere, as the relying party's keys ({@code RelyingPartyKeys.generate()}) and the
 * simulator's:
 * <ul>
 * <li>{@code sign}: one {@code SHA256withRSA} signature (the {@code private_key_jwt} client assertion, OIDC Core 9);</li>
 * <li>{@code unwrap}: one RSA-OAEP-256 decryption of a 32-byte content key (the JWE encrypted key of the ID token,
 * and of the userinfo answer when the application reads it);</li>
 * <li>{@code verify}: one {@code SHA256withRSA} verification (itsme's signature inside the ID token, and inside the
 * userinfo answer).</li>
 * </ul>
 * Each operation runs in interleaved batches after a warm-up; the figure is the median batch's CPU time per
 * operation.
 *
 * <p>Not thread-safe: one instance, one thread.
 */
final class RsaFloor {

    /** Median CPU nanoseconds per operation. */
    record Figures(double signNanos, double unwrapNanos, double verifyNanos) {

        /** The floor of a login: one signature, {@code unwraps} unwraps and {@code verifies} verifications. */
        double loginNanos(int unwraps, int verifies) {
            return signNanos + unwraps * unwrapNanos + verifies * verifyNanos;
        }
    }

    private static final int WARM_UP = 300;
    private static final int BATCH = 10;

    private final Signature signer;
    private final Signature verifier;
    private final Cipher unwrapper;
    private final byte[] signingInput;
    private final byte[] signature;
    private final byte[] encryptedKey;

    RsaFloor() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair signing = generator.generateKeyPair();
        KeyPair encryption = generator.generateKeyPair();
        // about the size of a client assertion's and of an ID token's signing input
        signingInput = new byte[600];
        new Random(1).nextBytes(signingInput);
        signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(signing.getPrivate());
        signer.update(signingInput);
        signature = signer.sign();
        verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(signing.getPublic());
        OAEPParameterSpec oaep = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT);
        Cipher wrapper = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        wrapper.init(Cipher.ENCRYPT_MODE, encryption.getPublic(), oaep);
        encryptedKey = wrapper.doFinal(new byte[32]);
        unwrapper = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        unwrapper.init(Cipher.DECRYPT_MODE, encryption.getPrivate(), oaep);
    }

    byte[] sign() throws GeneralSecurityException {
        signer.update(signingInput);
        return signer.sign();
    }

    byte[] unwrap() throws GeneralSecurityException {
        return unwrapper.doFinal(encryptedKey);
    }

    boolean verify() throws GeneralSecurityException {
        verifier.update(signingInput);
        return verifier.verify(signature);
    }

    /** Times the three operations over {@code rounds} interleaved batches. */
    Figures measure(int rounds) throws GeneralSecurityException {
        for (int i = 0; i < WARM_UP; i++) {
            check(sign().length == 256 && unwrap().length == 32 && verify());
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] sign = new double[rounds];
        double[] unwrap = new double[rounds];
        double[] verify = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < BATCH; i++) {
                sign();
            }
            long signed = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < BATCH; i++) {
                unwrap();
            }
            long unwrapped = mx.getCurrentThreadCpuTime();
            boolean ok = true;
            for (int i = 0; i < BATCH; i++) {
                ok &= verify();
            }
            long verified = mx.getCurrentThreadCpuTime();
            check(ok);
            sign[r] = (signed - start) / (double) BATCH;
            unwrap[r] = (unwrapped - signed) / (double) BATCH;
            verify[r] = (verified - unwrapped) / (double) BATCH;
        }
        return new Figures(median(sign), median(unwrap), median(verify));
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("an RSA floor operation gave a wrong result");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

package io.github.itsmejakarta.core.internal.jose;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * JWE content decryption for the four {@code enc} values itsme may use (RFC 7518 5.2.2.2 AES_CBC_HMAC_SHA2 and 5.3
 * AES GCM): {@code A128CBC-HS256}, {@code A256CBC-HS512}, {@code A128GCM}, {@code A256GCM}.
 *
 * <p>For the CBC-HMAC variants the tag is checked first, in constant time, and only then is the ciphertext decrypted,
 * so a padding error can never be observed (no padding oracle). {@code Cipher} and {@code Mac} instances are looked up
 * once and reused from a pool (the JCA lookup costs more than decrypting a token's content); each instance is used by
 * one thread at a time and initialised with the token's own key before every use.
 *
 * <p>Thread-safe.
 */
enum ContentDecryption {
    A128CBC_HS256("A128CBC-HS256", 32, "HmacSHA256", 16), A256CBC_HS512("A256CBC-HS512", 64, "HmacSHA512",
            32), A128GCM("A128GCM", 16, null, 16), A256GCM("A256GCM", 32, null, 16);

    private static final String CBC = "AES/CBC/PKCS5Padding";
    private static final String GCM = "AES/GCM/NoPadding";
    private static final int CBC_IV_BYTES = 16;
    private static final int GCM_IV_BYTES = 12;

    private final String enc;
    private final int keyBytes;
    private final String macAlgorithm;
    private final int tagBytes;
    private final ConcurrentLinkedQueue<Cipher> ciphers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Mac> macs = new ConcurrentLinkedQueue<>();

    ContentDecryption(String enc, int keyBytes, String macAlgorithm, int tagBytes) {
        this.enc = enc;
        this.keyBytes = keyBytes;
        this.macAlgorithm = macAlgorithm;
        this.tagBytes = tagBytes;
    }

    /** The algorithm for an {@code enc} header value, or {@code null}. */
    static ContentDecryption forEnc(String enc) {
        for (ContentDecryption c : values()) {
            if (c.enc.equals(enc)) {
                return c;
            }
        }
        return null;
    }

    /** Length of the content encryption key this algorithm needs. */
    int keyBytes() {
        return keyBytes;
    }

    /** The plaintext, or {@code null} when anything does not check out. */
    byte[] decrypt(byte[] cek, byte[] aad, byte[] iv, byte[] ciphertext, byte[] tag) {
        if (cek.length != keyBytes || tag.length != tagBytes) {
            return null;
        }
        try {
            return macAlgorithm == null ? gcm(cek, aad, iv, ciphertext, tag) : cbcHmac(cek, aad, iv, ciphertext, tag);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private byte[] cbcHmac(byte[] cek, byte[] aad, byte[] iv, byte[] ciphertext, byte[] tag)
            throws GeneralSecurityException {
        if (iv.length != CBC_IV_BYTES) {
            return null;
        }
        int half = keyBytes / 2;
        Mac mac = macs.poll();
        if (mac == null) {
            mac = Mac.getInstance(macAlgorithm);
        }
        mac.init(new SecretKeySpec(cek, 0, half, macAlgorithm));
        mac.update(aad);
        mac.update(iv);
        mac.update(ciphertext);
        long aadBits = (long) aad.length * 8;
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (aadBits >>> shift));
        }
        byte[] full = mac.doFinal();
        macs.offer(mac);
        if (!MessageDigest.isEqual(Arrays.copyOf(full, tagBytes), tag)) {
            return null;
        }
        Cipher cipher = cipher(CBC);
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, half, half, "AES"), new IvParameterSpec(iv));
        byte[] plaintext = cipher.doFinal(ciphertext);
        ciphers.offer(cipher);
        return plaintext;
    }

    private byte[] gcm(byte[] cek, byte[] aad, byte[] iv, byte[] ciphertext, byte[] tag)
            throws GeneralSecurityException {
        if (iv.length != GCM_IV_BYTES) {
            return null;
        }
        Cipher cipher = cipher(GCM);
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(tagBytes * 8, iv));
        cipher.updateAAD(aad);
        byte[] input = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
        System.arraycopy(tag, 0, input, ciphertext.length, tag.length);
        byte[] plaintext = cipher.doFinal(input);
        ciphers.offer(cipher);
        return plaintext;
    }

    private Cipher cipher(String transformation) throws GeneralSecurityException {
        Cipher c = ciphers.poll();
        return c != null ? c : Cipher.getInstance(transformation);
    }
}

package io.github.itsmejakarta.core.internal.jose;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jca.ProviderContext;

/**
 * The JCA providers jose4j is told to use, resolved once: without them, jose4j asks {@code Cipher.getInstance},
 * {@code Mac.getInstance} and {@code Signature.getInstance} for every token with no provider, and the JDK walks its
 * provider list for each (measured: about a twentieth of a token's CPU time). The provider named is the one the JDK
 * itself selects for the same transformation (and, for the RP's key, the same key), so the choice is the JDK's and
 * only the search is saved. A transformation whose provider cannot be resolved, or a group whose transformations the
 * JDK would give to different providers, stays unnamed and is looked up per token as before.
 *
 * <p>No JCA object is kept: jose4j still makes and initialises its own per token. Stateless; the
 * {@link ProviderContext}s returned are never changed after they are built, so they may be shared between threads.
 */
final class JcaProviders {
    private static final byte[] PROBE_KEY = new byte[16];

    private JcaProviders() {
    }

    /**
     * For {@link JweOpener}: the RSA-OAEP cipher for the RP's decryption keys (the supplied keys: named only when the
     * JDK selects the same provider for every one of them), AES and HMAC for the content (general).
     */
    static ProviderContext forDecryption(List<PrivateKey> rpKeys) {
        ProviderContext context = new ProviderContext();
        if (!rpKeys.isEmpty()) {
            context.getSuppliedKeyProviderContext().setCipherProvider(name(() -> {
                Provider[] providers = new Provider[rpKeys.size() * 2];
                for (int i = 0; i < rpKeys.size(); i++) {
                    Cipher oaep256 = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
                    oaep256.init(Cipher.DECRYPT_MODE, rpKeys.get(i), new OAEPParameterSpec("SHA-256", "MGF1",
                            MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
                    Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
                    oaep.init(Cipher.DECRYPT_MODE, rpKeys.get(i));
                    providers[2 * i] = oaep256.getProvider();
                    providers[2 * i + 1] = oaep.getProvider();
                }
                return same(providers);
            }));
        }
        Key probe = new SecretKeySpec(PROBE_KEY, "AES");
        context.getGeneralProviderContext().setCipherProvider(name(() -> {
            Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            return same(cbc.getProvider(), gcm.getProvider());
        }));
        context.getGeneralProviderContext().setMacProvider(name(() -> {
            Mac sha256 = Mac.getInstance("HmacSHA256");
            sha256.init(probe);
            Mac sha512 = Mac.getInstance("HmacSHA512");
            sha512.init(probe);
            return same(sha256.getProvider(), sha512.getProvider());
        }));
        return context;
    }

    /**
     * For {@link JwsVerifier}: the RS256 verifier (the supplied key is one of itsme's, not known yet when this is
     * built: the provider is the one the JDK lists first for SHA256withRSA, as for any plain RSA public key).
     */
    static ProviderContext forVerification() {
        ProviderContext context = new ProviderContext();
        context.getSuppliedKeyProviderContext().setSignatureProvider(name(() -> Signature.getInstance("SHA256withRSA")
                .getProvider()));
        return context;
    }

    private interface Resolution {
        Provider provider() throws GeneralSecurityException;
    }

    private static String name(Resolution resolution) {
        try {
            Provider provider = resolution.provider();
            return provider == null ? null : provider.getName();
        } catch (GeneralSecurityException | RuntimeException e) {
            return null; // left to jose4j's per-token lookup
        }
    }

    static Provider same(Provider... providers) {
        List<Provider> list = List.of(providers);
        return list.stream().allMatch(p -> p.equals(list.get(0))) ? list.get(0) : null;
    }
}

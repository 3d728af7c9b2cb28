package io.github.itsmejakarta.core.keys;

import io.github.itsmejakarta.core.ItsmeConfigurationException;
import io.github.itsmejakarta.core.ItsmeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A PKCS#12 keystore (RFC 7292) holding the relying party's keys, as WildFly, Open Liberty, Payara and {@code keytool}
 * keep them: each private key entry, with its certificate chain, becomes an {@link ImportedKey}.
 *
 * <p>The keystore's password opens every key entry (the PKCS#12 convention {@code keytool} follows). This class keeps
 * a copy of it only while {@link #relyingPartyKeys(List, List)} or {@link #key(String)} may need it; callers should
 * fill their own array with zeros once done.
 *
 * <p>Thread-safe: once loaded, the JDK {@code KeyStore} is only read; {@link #forgetPassword()} is the one change.
 */
public final class Pkcs12KeyStore {
    private final String source;
    private final KeyStore store;
    private final char[] password;

    private Pkcs12KeyStore(String source, KeyStore store, char[] password) {
        this.source = source;
        this.store = store;
        this.password = password.clone();
    }

    /**
     * Opens a PKCS#12 file.
     *
     * @param file the keystore ({@code .p12} or {@code .pfx})
     * @param password its password (never logged, never part of a message)
     * @throws ItsmeConfigurationException ITSME-1030 when the file is missing, not PKCS#12 or the password is wrong
     */
    public static Pkcs12KeyStore load(Path file, char[] password) throws ItsmeConfigurationException {
        String source = "file " + file;
        try (InputStream in = Files.newInputStream(file)) {
            return load(source, in, password);
        } catch (IOException e) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_UNREADABLE, e, source,
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Opens a PKCS#12 keystore from a location as written in configuration: {@code file:/abs/path},
     * {@code file:relative/path}, {@code file:///abs/path} or {@code classpath:name} (the thread's context class loader,
     * then this library's).
     *
     * @throws ItsmeConfigurationException ITSME-1030 as {@link #load(Path, char[])}, or a location of another kind
     */
    public static Pkcs12KeyStore fromLocation(String location, char[] password) throws ItsmeConfigurationException {
        if (location != null && location.startsWith("classpath:")) {
            String name = location.substring("classpath:".length()).replaceFirst("^/", "");
            ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            InputStream in = tccl == null ? null : tccl.getResourceAsStream(name);
            if (in == null) {
                in = Pkcs12KeyStore.class.getClassLoader().getResourceAsStream(name);
            }
            if (in == null) {
                throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_UNREADABLE, "class path resource " + name,
                        "not found");
            }
            try (InputStream stream = in) {
                return load("class path resource " + name, stream, password);
            } catch (IOException e) {
                throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_UNREADABLE, e, location,
                        e.getClass().getSimpleName());
            }
        }
        if (location != null && location.startsWith("file:")) {
            Path path;
            try {
                path = location.startsWith("file://")
                        ? Path.of(URI.create(location))
                        : Path.of(location.substring("file:".length()));
            } catch (RuntimeException e) {
                throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_UNREADABLE, location,
                        "not a valid file path");
            }
            return load(path, password);
        }
        throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_UNREADABLE, location,
                "the location must start with file: or classpath:");
    }

    private static Pkcs12KeyStore load(String source, InputStream in, char[] password)
            throws ItsmeConfigurationException, IOException {
        if (password == null) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_UNREADABLE, source, "no password given");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return new Pkcs12KeyStore(source, store, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_UNREADABLE, e, source,
                        "the password is wrong");
            }
            throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_UNREADABLE, e, source,
                    "not a PKCS#12 keystore, or the password is wrong (" + e.getClass().getSimpleName() + ")");
        } catch (GeneralSecurityException e) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_UNREADABLE, e, source,
                    e.getClass().getSimpleName());
        }
    }

    /** The aliases of the private key entries, in the keystore's order. */
    public List<String> privateKeyAliases() {
        try {
            List<String> aliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    aliases.add(alias);
                }
            }
            return List.copyOf(aliases);
        } catch (GeneralSecurityException e) {
            return List.of(); // a loaded keystore always answers; nothing to list otherwise
        }
    }

    /**
     * The private key entry {@code alias} with its certificate chain.
     *
     * @throws ItsmeConfigurationException ITSME-1031 no private key under that alias, ITSME-1030 the entry cannot be
     *         opened with the keystore's password, ITSME-1032 not RSA or under 2048 bits
     */
    public ImportedKey key(String alias) throws ItsmeConfigurationException {
        String where = "'" + alias + "' of " + source;
        Key key;
        Certificate[] chain;
        try {
            if (alias == null || !store.isKeyEntry(alias)) {
                throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_ALIAS_UNKNOWN, alias,
                        String.join(", ", privateKeyAliases()));
            }
            key = store.getKey(alias, password);
            chain = store.getCertificateChain(alias);
        } catch (UnrecoverableKeyException e) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_UNREADABLE, e, source,
                    "entry '" + alias + "' needs another password than the keystore's");
        } catch (GeneralSecurityException e) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_UNREADABLE, e, source,
                    e.getClass().getSimpleName());
        }
        if (!(key instanceof PrivateKey privateKey)) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYSTORE_ALIAS_UNKNOWN, alias,
                    String.join(", ", privateKeyAliases()));
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : chain == null ? new Certificate[0] : chain) {
            if (c instanceof X509Certificate x509) {
                certificates.add(x509);
            }
        }
        return ImportedKey.of(where, privateKey, certificates);
    }

    /**
     * The relying party's key set made of these entries: the first signing alias is the active signing key, the
     * others are published for rollover; every encryption alias decrypts.
     *
     * @throws ItsmeConfigurationException as {@link #key(String)}; ITSME-1011 when either list is empty; ITSME-1035
     *         when one key serves both uses
     */
    public RelyingPartyKeys relyingPartyKeys(List<String> signingAliases, List<String> encryptionAliases)
            throws ItsmeConfigurationException {
        List<ImportedKey> signing = new ArrayList<>();
        for (String alias : signingAliases) {
            signing.add(key(alias));
        }
        List<ImportedKey> encryption = new ArrayList<>();
        for (String alias : encryptionAliases) {
            encryption.add(key(alias));
        }
        return RelyingPartyKeys.of(signing, encryption);
    }

    /** Fills this object's copy of the password with zeros; later calls to {@link #key(String)} fail. */
    public void forgetPassword() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "Pkcs12KeyStore[" + source + "]";
    }
}

package io.github.itsmejakarta.core.keys;

import io.github.itsmejakarta.core.ItsmeConfigurationException;
import io.github.itsmejakarta.core.ItsmeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The relying party's private JWK set: the keys it signs client assertions and request objects with ({@code use: sig})
 * and the keys itsme encrypts ID tokens and userinfo to ({@code use: enc}).
 *
 * <p>Rules enforced when a set is loaded (itsme's JOSE page; RFC 7517 4.2 and 4.5; NIST SP 800-57 for the size):
 * every key is RSA with its private part, at least 2048 bits, with a unique {@code kid} and a {@code use} of
 * {@code sig} or {@code enc}; the set holds at least one key of each use. Anything else is refused with an
 * {@link ItsmeConfigurationException} (ITSME-1010 to ITSME-1014) naming every problem and no key material.
 *
 * <p><b>The active signing key is the first {@code use: sig} key of the set.</b> Every key is published by
 * {@link #publicJwkSetJson()}; every {@code use: enc} key can decrypt. Rotation follows itsme's rule (publish first,
 * use later):
 * <ol>
 * <li>signing key: {@link #withNewSigningKey()} appends a new key at the end: published, not yet used. Once itsme has
 * fetched the new public set (its cache lives 30 minutes to 24 hours), {@link #withSigningKeyActive(String)} moves it
 * first; later {@link #withoutKey(String)} drops the old one.</li>
 * <li>encryption key: {@link #withNewEncryptionKey()} appends a new key; old and new both decrypt (the JWE
 * {@code kid} picks the key, or every key is tried); after the cache lifetime drop the old one with
 * {@link #withoutKey(String)}.</li>
 * </ol>
 * The same operations, and importing existing keys ({@link ImportedKey}, {@link Pkcs12KeyStore}), are available from
 * the command line through the {@code itsme-jakarta-keys} tool ({@code java -jar itsme-jakarta-keys-<version>.jar}).
 *
 * <p>Key objects (JDK {@code RSAPrivateCrtKey}s) are built once, when the set is loaded. Immutable and thread-safe: the
 * {@code with...} methods return new instances. {@link #toString()} shows key ids only.
 */
public final class RelyingPartyKeys {
    /** Smallest accepted RSA modulus, in bits. */
    public static final int MIN_RSA_BITS = 2048;
    /** Size of generated keys unless told otherwise. */
    public static final int DEFAULT_RSA_BITS = 2048;
    /** The members a published public JWK may have (RFC 7517 4, RFC 7518 6.3.1). */
    private static final List<String> PUBLIC_MEMBERS = List.of("kty", "kid", "use", "alg", "n", "e", "x5c",
            "x5t#S256");

    private static final String SIG = "sig";
    private static final String ENC = "enc";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter KID_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** One key of the set, in the set's order. */
    private record Entry(String kid, String use, RsaJsonWebKey jwk) {
        int bits() {
            return jwk.getRsaPublicKey().getModulus().bitLength();
        }
    }

    private final List<Entry> entries;
    private final SigningKey activeSigningKey;
    private final List<DecryptionKey> decryptionKeys;
    private final Map<String, DecryptionKey> decryptionKeysByKid;

    private RelyingPartyKeys(List<Entry> entries) throws ItsmeConfigurationException {
        this.entries = List.copyOf(entries);
        Entry firstSig = null;
        List<DecryptionKey> dec = new ArrayList<>();
        Map<String, DecryptionKey> byKid = new LinkedHashMap<>();
        for (Entry e : this.entries) {
            if (SIG.equals(e.use()) && firstSig == null) {
                firstSig = e;
            } else if (ENC.equals(e.use())) {
                DecryptionKey k = new DecryptionKey(e.kid(), e.jwk().getRsaPrivateKey());
                dec.add(k);
                byKid.put(e.kid(), k);
            }
        }
        List<String> missing = new ArrayList<>();
        if (firstSig == null) {
            missing.add("no key with \"use\":\"sig\"");
        }
        if (dec.isEmpty()) {
            missing.add("no key with \"use\":\"enc\"");
        }
        if (!missing.isEmpty()) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYS_INCOMPLETE, String.join("; ", missing));
        }
        this.activeSigningKey = new SigningKey(firstSig.kid(), firstSig.jwk().getRsaPrivateKey());
        this.decryptionKeys = List.copyOf(dec);
        this.decryptionKeysByKid = Map.copyOf(byKid);
    }

    // ---------------------------------------------------------------- loading

    /**
     * Loads a private JWK set from its JSON text ({@code {"keys":[...]}}, RFC 7517 5).
     *
     * @throws ItsmeConfigurationException ITSME-1010 unreadable, 1011 no sig or no enc key, 1012 a key under 2048 bits,
     *         1013 other unusable keys (not RSA, no private part, missing or duplicate kid, bad use)
     */
    public static RelyingPartyKeys fromJwks(String json) throws ItsmeConfigurationException {
        if (json == null || json.isBlank()) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYS_UNREADABLE, "it is empty");
        }
        Map<String, Object> root;
        try {
            root = JsonUtil.parseJson(json);
        } catch (JoseException | RuntimeException e) {
            // the parser's message may quote the text, i.e. key material: never pass it on
            throw new ItsmeConfigurationException(ItsmeMessage.KEYS_UNREADABLE, "it is not a JSON object");
        }
        if (root == null || !(root.get("keys") instanceof List<?> keys)) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYS_UNREADABLE, "it has no \"keys\" array");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        Set<String> kids = new LinkedHashSet<>();
        int index = 0;
        for (Object item : keys) {
            String where = "key #" + index++;
            if (!(item instanceof Map<?, ?> rawMap)) {
                problems.add(where + " is not a JSON object");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) rawMap;
            Object kid = map.get("kid");
            if (kid instanceof String s && !s.isBlank()) {
                where = "key '" + s + "'";
                if (!kids.add(s)) {
                    problems.add(where + " appears twice (kids must be unique)");
                    continue;
                }
            } else {
                problems.add(where + " has no \"kid\"");
                continue;
            }
            Object use = map.get("use");
            if (!SIG.equals(use) && !ENC.equals(use)) {
                problems.add(where + " needs \"use\" \"sig\" or \"enc\"");
                continue;
            }
            if (!"RSA".equals(map.get("kty"))) {
                problems.add(where + " is not an RSA key");
                continue;
            }
            if (!map.containsKey("d")) {
                problems.add(where + " has no private part");
                continue;
            }
            RsaJsonWebKey jwk;
            try {
                jwk = new RsaJsonWebKey(map);
            } catch (JoseException | RuntimeException e) {
                problems.add(where + " has invalid RSA parameters");
                continue;
            }
            Entry entry = new Entry((String) kid, (String) use, jwk);
            if (entry.bits() < MIN_RSA_BITS) {
                weak.add((String) kid);
                continue;
            }
            if (!consistent(jwk)) {
                problems.add(where + " has a private part that does not match its public part");
                continue;
            }
            entries.add(entry);
        }
        if (problems.isEmpty() && !weak.isEmpty()) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYS_WEAK, String.join("', '", weak));
        }
        for (String w : weak) {
            problems.add("key '" + w + "' has fewer than " + MIN_RSA_BITS + " bits");
        }
        if (!problems.isEmpty()) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYS_INVALID, String.join("; ", problems));
        }
        return new RelyingPartyKeys(entries);
    }

    private static boolean consistent(RsaJsonWebKey jwk) {
        RSAPrivateKey priv = jwk.getRsaPrivateKey();
        RSAPublicKey pub = jwk.getRsaPublicKey();
        if (priv == null || !priv.getModulus().equals(pub.getModulus())) {
            return false;
        }
        if (priv instanceof RSAPrivateCrtKey crt && crt.getPrimeP() != null && crt.getPrimeQ() != null) {
            return crt.getPrimeP().multiply(crt.getPrimeQ()).equals(pub.getModulus());
        }
        // without the primes: check e*d against a test message
        BigInteger m = BigInteger.valueOf(0x1234567);
        return m.modPow(pub.getPublicExponent(), pub.getModulus()).modPow(priv.getPrivateExponent(), pub.getModulus())
                .equals(m);
    }

    /** Loads a private JWK set from a UTF-8 file. */
    public static RelyingPartyKeys fromPath(Path path) throws ItsmeConfigurationException {
        String json;
        try {
            json = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYS_UNREADABLE, e,
                    "file " + path + " (" + e.getClass().getSimpleName() + ")");
        }
        return fromJwks(json);
    }

    /**
     * Loads a private JWK set from a class path resource (leading {@code /} optional), looked up through the thread's
     * context class loader, then this library's.
     */
    public static RelyingPartyKeys fromClasspath(String resource) throws ItsmeConfigurationException {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        InputStream in = tccl == null ? null : tccl.getResourceAsStream(name);
        if (in == null) {
            in = RelyingPartyKeys.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYS_UNREADABLE,
                    "class path resource " + name + " not found");
        }
        try (InputStream stream = in) {
            return fromJwks(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYS_UNREADABLE, e,
                    "class path resource " + name + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Loads a private JWK set from a location as written in configuration: {@code file:/abs/path},
     * {@code file:relative/path}, {@code file:///abs/path} or {@code classpath:name}.
     */
    public static RelyingPartyKeys fromLocation(String location) throws ItsmeConfigurationException {
        if (location == null) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEYS_UNREADABLE, "no location given");
        }
        if (location.startsWith("classpath:")) {
            return fromClasspath(location.substring("classpath:".length()));
        }
        if (location.startsWith("file:")) {
            Path path;
            try {
                path = location.startsWith("file://")
                        ? Path.of(URI.create(location))
                        : Path.of(location.substring("file:".length()));
            } catch (RuntimeException e) {
                throw new ItsmeConfigurationException(ItsmeMessage.KEYS_UNREADABLE, "location " + location
                        + " is not a valid file path");
            }
            return fromPath(path);
        }
        throw new ItsmeConfigurationException(ItsmeMessage.KEYS_UNREADABLE,
                "location " + location + " must start with file: or classpath:");
    }

    // ---------------------------------------------------------------- generation and rotation

    /** A fresh set: one 2048-bit signing key and one 2048-bit encryption key, kids {@code sig-<date>-<random>}. */
    public static RelyingPartyKeys generate() {
        return generate(DEFAULT_RSA_BITS);
    }

    /**
     * A fresh set: one signing key and one encryption key of {@code bits} bits (2048 or more, e.g. 3072).
     *
     * @throws IllegalArgumentException if {@code bits} is under 2048
     */
    public static RelyingPartyKeys generate(int bits) {
        List<Entry> entries = List.of(newEntry(SIG, bits), newEntry(ENC, bits));
        return unchecked(entries);
    }

    /** A copy with a new signing key appended: published by {@link #publicJwkSetJson()}, not yet active. */
    public RelyingPartyKeys withNewSigningKey() {
        return withAppended(newEntry(SIG, Math.max(DEFAULT_RSA_BITS, activeEntry().bits())));
    }

    /** A copy with a new encryption key appended: published and able to decrypt at once. */
    public RelyingPartyKeys withNewEncryptionKey() {
        return withAppended(newEntry(ENC, Math.max(DEFAULT_RSA_BITS, lastEncEntry().bits())));
    }

    /**
     * A copy in which the signing key {@code kid} is active (moved to the front of the set, other keys keep their
     * order). Activate a key only once itsme has had time to fetch the public set that publishes it.
     *
     * @throws ItsmeConfigurationException ITSME-1014 when the set holds no signing key {@code kid}
     */
    public RelyingPartyKeys withSigningKeyActive(String kid) throws ItsmeConfigurationException {
        Entry target = entries.stream().filter(e -> e.kid().equals(kid) && SIG.equals(e.use())).findFirst()
                .orElseThrow(() -> new ItsmeConfigurationException(ItsmeMessage.KEY_UNKNOWN, kid));
        List<Entry> copy = new ArrayList<>(entries.size());
        copy.add(target);
        entries.stream().filter(e -> e != target).forEach(copy::add);
        return new RelyingPartyKeys(copy);
    }

    /**
     * A copy without the key {@code kid}.
     *
     * @throws ItsmeConfigurationException ITSME-1014 when there is no such key, ITSME-1011 when it is the last key of
     *         its use
     */
    public RelyingPartyKeys withoutKey(String kid) throws ItsmeConfigurationException {
        List<Entry> copy = new ArrayList<>(entries);
        if (!copy.removeIf(e -> e.kid().equals(kid))) {
            throw new ItsmeConfigurationException(ItsmeMessage.KEY_UNKNOWN, kid);
        }
        return new RelyingPartyKeys(copy);
    }

    // ---------------------------------------------------------------- importing existing keys

    /**
     * A set made of existing keys (from PEM files or a PKCS#12 keystore): the first signing key is active, the others
     * are published for rollover; every encryption key decrypts. Each key's {@code kid} is its RFC 7638 thumbprint.
     *
     * @throws ItsmeConfigurationException ITSME-1011 when either list is empty, ITSME-1035 when a key appears twice
     *         (one key for both uses included: RFC 7517 4.2 keeps a key to one use)
     */
    public static RelyingPartyKeys of(List<ImportedKey> signingKeys, List<ImportedKey> encryptionKeys)
            throws ItsmeConfigurationException {
        List<Entry> entries = new ArrayList<>();
        for (ImportedKey key : signingKeys) {
            entries.add(imported(key, SIG));
        }
        for (ImportedKey key : encryptionKeys) {
            entries.add(imported(key, ENC));
        }
        return new RelyingPartyKeys(unique(entries));
    }

    /**
     * A copy with an existing key appended as a signing key: published, not yet active (activate it with
     * {@link #withSigningKeyActive(String)} once itsme has fetched the new public set).
     *
     * @throws ItsmeConfigurationException ITSME-1035 when the set already holds this key
     */
    public RelyingPartyKeys withImportedSigningKey(ImportedKey key) throws ItsmeConfigurationException {
        List<Entry> copy = new ArrayList<>(entries);
        copy.add(imported(key, SIG));
        return new RelyingPartyKeys(unique(copy));
    }

    /**
     * A copy with an existing key appended as an encryption key: published and able to decrypt at once.
     *
     * @throws ItsmeConfigurationException ITSME-1035 when the set already holds this key
     */
    public RelyingPartyKeys withImportedEncryptionKey(ImportedKey key) throws ItsmeConfigurationException {
        List<Entry> copy = new ArrayList<>(entries);
        copy.add(imported(key, ENC));
        return new RelyingPartyKeys(unique(copy));
    }

    private static Entry imported(ImportedKey key, String use) {
        return new Entry(key.kid(), use, key.toJwk(use));
    }

    private static List<Entry> unique(List<Entry> entries) throws ItsmeConfigurationException {
        Set<String> kids = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (!kids.add(e.kid())) {
                throw new ItsmeConfigurationException(ItsmeMessage.KEY_IMPORTED_TWICE, e.kid());
            }
        }
        return entries;
    }

    private RelyingPartyKeys withAppended(Entry entry) {
        List<Entry> copy = new ArrayList<>(entries);
        copy.add(entry);
        return unchecked(copy);
    }

    private static RelyingPartyKeys unchecked(List<Entry> entries) {
        try {
            return new RelyingPartyKeys(entries);
        } catch (ItsmeConfigurationException e) {
            throw new IllegalStateException(e); // cannot happen: generated sets always hold both uses
        }
    }

    private static Entry newEntry(String use, int bits) {
        if (bits < MIN_RSA_BITS) {
            throw new IllegalArgumentException("RSA keys need at least " + MIN_RSA_BITS + " bits");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), RANDOM);
            var pair = generator.generateKeyPair();
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
            jwk.setPrivateKey(pair.getPrivate());
            String kid = newKid(use);
            jwk.setKeyId(kid);
            jwk.setUse(use);
            if (SIG.equals(use)) {
                jwk.setAlgorithm("RS256");
            }
            return new Entry(kid, use, jwk);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ItsmeMessage.KEYS_GENERATION_FAILED.format(e.getClass().getSimpleName()),
                    e);
        }
    }

    private static String newKid(String use) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return use + "-" + LocalDate.now(ZoneOffset.UTC).format(KID_DATE) + "-" + HexFormat.of().formatHex(random);
    }

    private Entry activeEntry() {
        return entries.stream().filter(e -> SIG.equals(e.use())).findFirst().orElseThrow();
    }

    private Entry lastEncEntry() {
        Entry last = null;
        for (Entry e : entries) {
            if (ENC.equals(e.use())) {
                last = e;
            }
        }
        return last;
    }

    // ---------------------------------------------------------------- use

    /** The key to sign with: the first {@code use: sig} key of the set. */
    public SigningKey activeSigningKey() {
        return activeSigningKey;
    }

    /** Every {@code use: enc} key, in the set's order. */
    public List<DecryptionKey> decryptionKeys() {
        return decryptionKeys;
    }

    /** The {@code use: enc} key with this {@code kid}, if any. */
    public Optional<DecryptionKey> decryptionKey(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(decryptionKeysByKid.get(kid));
    }

    /** Every key id in the set's order. */
    public List<String> keyIds() {
        return entries.stream().map(Entry::kid).toList();
    }

    /** The ids of the {@code use: sig} keys, the active one first. */
    public List<String> signingKeyIds() {
        return entries.stream().filter(e -> SIG.equals(e.use())).map(Entry::kid).toList();
    }

    /**
     * The public JWK set to publish (RFC 7517 5): of every key only the members on an allow-list, {@code kty},
     * {@code kid}, {@code use}, {@code alg}, {@code n}, {@code e}, and {@code x5c}/{@code x5t#S256} when present
     * (certificates are public). Anything else a private set may carry ({@code oth}, custom members) is never
     * published: jose4j keeps members it does not know, so a deny-list of private members would not be enough.
     */
    public String publicJwkSetJson() {
        StringBuilder out = new StringBuilder("{\"keys\":[\n");
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> all = entries.get(i).jwk().toParams(OutputControlLevel.PUBLIC_ONLY);
            Map<String, Object> published = new LinkedHashMap<>();
            for (String member : PUBLIC_MEMBERS) {
                if (all.get(member) != null) {
                    published.put(member, all.get(member));
                }
            }
            out.append("  ").append(JsonUtil.toJson(published)).append(i + 1 < entries.size() ? ",\n" : "\n");
        }
        return out.append("]}\n").toString();
    }

    /** The whole private JWK set, to store (a secret: keep it out of logs and source control). */
    public String privateJwkSetJson() {
        return toJson(OutputControlLevel.INCLUDE_PRIVATE);
    }

    private String toJson(OutputControlLevel level) {
        // the private set keeps every member, so that storing it and reading it back loses nothing
        StringBuilder out = new StringBuilder("{\"keys\":[\n");
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> params = entries.get(i).jwk().toParams(level);
            out.append("  ").append(JsonUtil.toJson(params)).append(i + 1 < entries.size() ? ",\n" : "\n");
        }
        return out.append("]}\n").toString();
    }

    @Override
    public String toString() {
        return "RelyingPartyKeys[active=" + activeSigningKey.kid() + ", keys=" + keyIds() + "]";
    }
}

package io.github.itsmejakarta.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.itsmejakarta.core.ItsmeConfigurationException;
import io.github.itsmejakarta.core.ItsmeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("RelyingPartyKeys: load, refuse, rotate, export")
class RelyingPartyKeysTest {
    static final RelyingPartyKeys GENERATED = RelyingPartyKeys.generate();
    static final String PRIVATE = GENERATED.privateJwkSetJson();

    static void refused(ThrowingCallable call, String id) {
        assertThatThrownBy(call).isInstanceOf(ItsmeConfigurationException.class)
                .satisfies(e -> assertThat(((ItsmeException) e).messageId()).as(e.getMessage()).isEqualTo(id));
    }

    static String rsaJwk(int bits, String kid, String use) throws Exception {
        RsaJsonWebKey k = RsaJwkGenerator.generateJwk(bits);
        k.setKeyId(kid);
        if (use != null) {
            k.setUse(use);
        }
        return k.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }

    static String set(String... keys) {
        return "{\"keys\":[" + String.join(",", keys) + "]}";
    }

    @Test
    @DisplayName("generate: one sig and one enc key, 2048 bits, kids sig-<date>-<random> / enc-<date>-<random>")
    void generate() {
        assertThat(GENERATED.keyIds()).hasSize(2);
        assertThat(GENERATED.activeSigningKey().kid()).matches("sig-\\d{8}-[0-9a-f]{8}");
        assertThat(GENERATED.decryptionKeys()).singleElement()
                .satisfies(k -> assertThat(k.kid()).matches("enc-\\d{8}-[0-9a-f]{8}"));
        assertThat(GENERATED.activeSigningKey().privateKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(RelyingPartyKeys.generate(3072).activeSigningKey().privateKey().getModulus().bitLength())
                .isEqualTo(3072);
        assertThatThrownBy(() -> RelyingPartyKeys.generate(1024)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the private set round-trips and its keys work (sign/verify, encrypt/decrypt)")
    void round_trip() throws Exception {
        RelyingPartyKeys loaded = RelyingPartyKeys.fromJwks(PRIVATE);
        assertThat(loaded.keyIds()).isEqualTo(GENERATED.keyIds());
        assertThat(loaded.activeSigningKey().privateKey()).isEqualTo(GENERATED.activeSigningKey().privateKey());
        JsonWebKeySet pub = new JsonWebKeySet(loaded.publicJwkSetJson());
        var sigPub = ((PublicJsonWebKey) pub.findJsonWebKey(loaded.activeSigningKey().kid(), null, null, null))
                .getPublicKey();
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(loaded.activeSigningKey().privateKey());
        s.update(new byte[]{1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(sigPub);
        s.update(new byte[]{1, 2, 3});
        assertThat(s.verify(sig)).isTrue();
        DecryptionKey dec = loaded.decryptionKeys().get(0);
        var encPub = ((PublicJsonWebKey) pub.findJsonWebKey(dec.kid(), null, null, null)).getPublicKey();
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        c.init(Cipher.ENCRYPT_MODE, encPub);
        byte[] ct = c.doFinal("secret".getBytes(StandardCharsets.UTF_8));
        c.init(Cipher.DECRYPT_MODE, dec.privateKey());
        assertThat(new String(c.doFinal(ct), StandardCharsets.UTF_8)).isEqualTo("secret");
        assertThat(loaded.decryptionKey(dec.kid())).contains(dec);
        assertThat(loaded.decryptionKey("nope")).isEmpty();
        assertThat(loaded.decryptionKey(null)).isEmpty();
    }

    @Test
    @DisplayName("the public export is an allow-list: oth and a custom passphrase member of a private key stay private")
    @SuppressWarnings("unchecked")
    void public_export_is_an_allow_list() throws Exception {
        String extra = ",\"oth\":[{\"r\":\"AQAB\",\"d\":\"AQAB\",\"t\":\"AQAB\"}],\"passphrase\":\"hunter2\"}";
        String sig = rsaJwk(2048, "sig-1", "sig");
        String enc = rsaJwk(2048, "enc-1", "enc");
        String carrying = set(sig.substring(0, sig.length() - 1) + extra, enc.substring(0, enc.length() - 1) + extra);
        RelyingPartyKeys keys = RelyingPartyKeys.fromJwks(carrying);
        String published = keys.publicJwkSetJson();
        assertThat(published).doesNotContain("hunter2").doesNotContain("passphrase").doesNotContain("oth");
        List<Map<String, Object>> list = (List<Map<String, Object>>) JsonUtil.parseJson(published).get("keys");
        assertThat(list).hasSize(2).allSatisfy(k -> assertThat(k.keySet()).containsOnly("kty", "kid", "use", "n", "e"));
        // accepting twin: the private set keeps what it was given, so that storing it loses nothing
        assertThat(keys.privateJwkSetJson()).contains("passphrase");
    }

    @Test
    @DisplayName("the public export holds no private member (d, p, q, dp, dq, qi, oth)")
    @SuppressWarnings("unchecked")
    void public_export_has_no_private_part() throws Exception {
        RelyingPartyKeys keys = GENERATED.withNewSigningKey().withNewEncryptionKey();
        Map<String, Object> root = JsonUtil.parseJson(keys.publicJwkSetJson());
        List<Map<String, Object>> list = (List<Map<String, Object>>) root.get("keys");
        assertThat(list).hasSize(4);
        for (Map<String, Object> k : list) {
            assertThat(k).containsKeys("kty", "kid", "use", "n", "e")
                    .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "oth");
        }
        // the private export does hold them: the check above is not vacuous
        Map<String, Object> priv = JsonUtil.parseJson(keys.privateJwkSetJson());
        assertThat((List<Map<String, Object>>) priv.get("keys"))
                .allSatisfy(k -> assertThat(k).containsKeys("d", "p", "q", "dp", "dq", "qi"));
        assertThat(keys.toString()).doesNotContain("\"d\"");
    }

    @Test
    @DisplayName("load from file, class path and file:/classpath: locations")
    void locations(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rp.json");
        Files.writeString(file, PRIVATE);
        assertThat(RelyingPartyKeys.fromPath(file).keyIds()).isEqualTo(GENERATED.keyIds());
        assertThat(RelyingPartyKeys.fromLocation("file:" + file).keyIds()).isEqualTo(GENERATED.keyIds());
        assertThat(RelyingPartyKeys.fromLocation(file.toUri().toString()).keyIds()).isEqualTo(GENERATED.keyIds());
        String resource = "io/github/itsmejakarta/core/keys/test-private-jwks.json";
        RelyingPartyKeys cp = RelyingPartyKeys.fromClasspath(resource);
        assertThat(cp.signingKeyIds()).hasSize(2);
        assertThat(RelyingPartyKeys.fromLocation("classpath:/" + resource).keyIds()).isEqualTo(cp.keyIds());
        refused(() -> RelyingPartyKeys.fromPath(dir.resolve("missing.json")), "ITSME-1010");
        refused(() -> RelyingPartyKeys.fromClasspath("nope.json"), "ITSME-1010");
        refused(() -> RelyingPartyKeys.fromLocation("http://example.com/keys.json"), "ITSME-1010");
    }

    @Test
    @DisplayName("refused: not JSON, no keys array, empty")
    void refuse_unreadable() {
        refused(() -> RelyingPartyKeys.fromJwks("not json"), "ITSME-1010");
        refused(() -> RelyingPartyKeys.fromJwks("{\"x\":[]}"), "ITSME-1010");
        refused(() -> RelyingPartyKeys.fromJwks(""), "ITSME-1010");
        refused(() -> RelyingPartyKeys.fromJwks(null), "ITSME-1010");
    }

    @Test
    @DisplayName("refused: a key under 2048 bits (ITSME-1012)")
    void refuse_weak() throws Exception {
        String sig = rsaJwk(1024, "s-weak", "sig");
        String enc = rsaJwk(2048, "e1", "enc");
        refused(() -> RelyingPartyKeys.fromJwks(set(sig, enc)), "ITSME-1012");
    }

    @Test
    @DisplayName("refused: incomplete sets (ITSME-1011): no enc key, no sig key, empty")
    void refuse_incomplete() throws Exception {
        String sig = rsaJwk(2048, "s1", "sig");
        String enc = rsaJwk(2048, "e1", "enc");
        refused(() -> RelyingPartyKeys.fromJwks(set(sig)), "ITSME-1011");
        refused(() -> RelyingPartyKeys.fromJwks(set(enc)), "ITSME-1011");
        refused(() -> RelyingPartyKeys.fromJwks(set()), "ITSME-1011");
        assertThat(RelyingPartyKeys.fromJwks(set(sig, enc)).keyIds()).containsExactly("s1", "e1");
    }

    @Test
    @DisplayName("refused: not RSA, no private part, no kid, no use, duplicate kid, mismatched halves (ITSME-1013)")
    void refuse_unusable() throws Exception {
        String sig = rsaJwk(2048, "s1", "sig");
        String enc = rsaJwk(2048, "e1", "enc");
        var ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        ec.setKeyId("ec1");
        ec.setUse("sig");
        String ecJson = ec.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        RsaJsonWebKey pubOnly = RsaJwkGenerator.generateJwk(2048);
        pubOnly.setKeyId("p1");
        pubOnly.setUse("sig");
        String pubJson = pubOnly.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        refused(() -> RelyingPartyKeys.fromJwks(set(sig, enc, ecJson)), "ITSME-1013");
        refused(() -> RelyingPartyKeys.fromJwks(set(sig, enc, pubJson)), "ITSME-1013");
        refused(() -> RelyingPartyKeys.fromJwks(set(sig, enc, rsaJwk(2048, null, "sig"))), "ITSME-1013");
        refused(() -> RelyingPartyKeys.fromJwks(set(sig, enc, rsaJwk(2048, "nouse", null))), "ITSME-1013");
        refused(() -> RelyingPartyKeys.fromJwks(set(sig, enc, sig)), "ITSME-1013");
        // the public half of one key with the private half of another
        Map<String, Object> a = new java.util.LinkedHashMap<>(JsonUtil.parseJson(rsaJwk(2048, "mix", "sig")));
        Map<String, Object> b = JsonUtil.parseJson(rsaJwk(2048, "other", "sig"));
        a.put("n", b.get("n"));
        refused(() -> RelyingPartyKeys.fromJwks(set(sig, enc, JsonUtil.toJson(a))), "ITSME-1013");
        // every problem is listed, and no key material is quoted
        assertThatThrownBy(() -> RelyingPartyKeys.fromJwks(set(sig, enc, ecJson, pubJson)))
                .hasMessageContaining("ec1").hasMessageContaining("p1").hasMessageNotContaining("\"d\"");
    }

    @Test
    @DisplayName("rotation: the active signing key is the first sig key; new keys are appended, then activated")
    void rotation() throws Exception {
        String oldSig = GENERATED.activeSigningKey().kid();
        RelyingPartyKeys added = GENERATED.withNewSigningKey();
        String newSig = added.signingKeyIds().get(1);
        assertThat(added.activeSigningKey().kid()).as("published, not yet used").isEqualTo(oldSig);
        assertThat(added.publicJwkSetJson()).contains(newSig);
        RelyingPartyKeys activated = added.withSigningKeyActive(newSig);
        assertThat(activated.activeSigningKey().kid()).isEqualTo(newSig);
        assertThat(activated.signingKeyIds()).containsExactly(newSig, oldSig);
        RelyingPartyKeys retired = activated.withoutKey(oldSig);
        assertThat(retired.signingKeyIds()).containsExactly(newSig);
        assertThat(retired.publicJwkSetJson()).doesNotContain(oldSig);
        // the originals are untouched (immutable)
        assertThat(GENERATED.signingKeyIds()).containsExactly(oldSig);
        // round trip keeps the order, hence the active key
        assertThat(RelyingPartyKeys.fromJwks(activated.privateJwkSetJson()).activeSigningKey().kid())
                .isEqualTo(newSig);

        RelyingPartyKeys twoEnc = GENERATED.withNewEncryptionKey();
        assertThat(twoEnc.decryptionKeys()).hasSize(2);
        String oldEnc = twoEnc.decryptionKeys().get(0).kid();
        assertThat(twoEnc.withoutKey(oldEnc).decryptionKeys()).hasSize(1);

        refused(() -> GENERATED.withSigningKeyActive("nope"), "ITSME-1014");
        refused(() -> GENERATED.withSigningKeyActive(GENERATED.decryptionKeys().get(0).kid()), "ITSME-1014");
        refused(() -> GENERATED.withoutKey("nope"), "ITSME-1014");
        refused(() -> GENERATED.withoutKey(oldSig), "ITSME-1011");
        refused(() -> GENERATED.withoutKey(GENERATED.decryptionKeys().get(0).kid()), "ITSME-1011");
    }

    @Test
    @DisplayName("toString shows kids only")
    void to_string() {
        assertThat(GENERATED.toString()).contains(GENERATED.activeSigningKey().kid()).doesNotContain("privateKey");
        assertThat(GENERATED.activeSigningKey().toString()).doesNotContain("modulus");
    }
}

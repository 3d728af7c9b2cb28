package io.github.itsmejakarta.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.itsmejakarta.core.ItsmeConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Importing existing keys: PKCS#12 keystores and PEM files")
class KeyImportTest {
    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static KeyPair sig;
    private static KeyPair enc;

    @BeforeAll
    static void keys() throws Exception {
        sig = TestKeyStores.rsa();
        enc = TestKeyStores.rsa();
    }

    private static Path keystore(Path dir) throws Exception {
        return TestKeyStores.pkcs12(dir.resolve("rp.p12"), PASSWORD, Map.of("itsme-sig", sig, "itsme-enc", enc));
    }

    @Nested
    @DisplayName("PKCS#12")
    class Pkcs12 {
        @Test
        void a_keystore_with_a_signing_and_an_encryption_entry_becomes_a_key_set(@TempDir Path dir) throws Exception {
            Pkcs12KeyStore store = Pkcs12KeyStore.load(keystore(dir), PASSWORD);
            assertThat(store.privateKeyAliases()).containsExactlyInAnyOrder("itsme-sig", "itsme-enc");

            RelyingPartyKeys keys = store.relyingPartyKeys(List.of("itsme-sig"), List.of("itsme-enc"));

            assertThat(keys.activeSigningKey().privateKey().getModulus())
                    .isEqualTo(((RSAPublicKey) sig.getPublic()).getModulus());
            assertThat(keys.decryptionKeys()).singleElement()
                    .satisfies(k -> assertThat(k.privateKey().getModulus())
                            .isEqualTo(((RSAPublicKey) enc.getPublic()).getModulus()));
            // the kid is the RFC 7638 thumbprint: the same key imported again gets the same kid
            String thumbprint = new RsaJsonWebKey((RSAPublicKey) sig.getPublic())
                    .calculateBase64urlEncodedThumbprint("SHA-256");
            assertThat(keys.activeSigningKey().kid()).isEqualTo(thumbprint);
            // the set survives its own round trip and publishes the certificates as x5c, never a private part
            RelyingPartyKeys reloaded = RelyingPartyKeys.fromJwks(keys.privateJwkSetJson());
            assertThat(reloaded.keyIds()).isEqualTo(keys.keyIds());
            JsonWebKeySet published = new JsonWebKeySet(keys.publicJwkSetJson());
            assertThat(published.getJsonWebKeys()).hasSize(2).allSatisfy(jwk -> {
                assertThat(((RsaJsonWebKey) jwk).getCertificateChain()).hasSize(1);
                assertThat(((RsaJsonWebKey) jwk).getPrivateKey()).isNull();
            });
            assertThat(keys.publicJwkSetJson()).contains("\"x5c\"").doesNotContain("\"d\"");
        }

        @Test
        void the_imported_encryption_key_decrypts_what_was_encrypted_to_the_keystore_s_certificate(@TempDir Path dir)
                throws Exception {
            RelyingPartyKeys keys = Pkcs12KeyStore.load(keystore(dir), PASSWORD)
                    .relyingPartyKeys(List.of("itsme-sig"), List.of("itsme-enc"));
            Cipher encrypt = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
            encrypt.init(Cipher.ENCRYPT_MODE, enc.getPublic());
            byte[] sealed = encrypt.doFinal("cek".getBytes(StandardCharsets.US_ASCII));
            Cipher decrypt = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
            decrypt.init(Cipher.DECRYPT_MODE, keys.decryptionKeys().get(0).privateKey());
            assertThat(new String(decrypt.doFinal(sealed), StandardCharsets.US_ASCII)).isEqualTo("cek");
        }

        @Test
        void a_wrong_password_is_refused_with_its_id_and_without_the_password(@TempDir Path dir) throws Exception {
            Path file = keystore(dir);
            assertThatThrownBy(() -> Pkcs12KeyStore.load(file, "wrong horse".toCharArray()))
                    .isInstanceOf(ItsmeConfigurationException.class).hasMessageContaining("ITSME-1030")
                    .hasMessageContaining("password").hasMessageNotContaining("wrong horse")
                    .hasMessageNotContaining("correct horse");
        }

        @Test
        void a_missing_file_and_a_file_that_is_no_keystore_are_refused(@TempDir Path dir) throws Exception {
            assertThatThrownBy(() -> Pkcs12KeyStore.load(dir.resolve("none.p12"), PASSWORD))
                    .hasMessageContaining("ITSME-1030").hasMessageContaining("NoSuchFileException");
            Path text = Files.writeString(dir.resolve("keys.json"), "{\"keys\":[]}");
            assertThatThrownBy(() -> Pkcs12KeyStore.load(text, PASSWORD)).hasMessageContaining("ITSME-1030");
        }

        @Test
        void an_unknown_alias_names_the_aliases_there_are(@TempDir Path dir) throws Exception {
            Pkcs12KeyStore store = Pkcs12KeyStore.load(keystore(dir), PASSWORD);
            assertThatThrownBy(() -> store.key("itsme-signing")).hasMessageContaining("ITSME-1031")
                    .hasMessageContaining("itsme-sig").hasMessageContaining("itsme-enc");
        }

        @Test
        void one_key_for_both_uses_is_refused_and_two_keys_are_accepted(@TempDir Path dir) throws Exception {
            Pkcs12KeyStore store = Pkcs12KeyStore.load(keystore(dir), PASSWORD);
            assertThatThrownBy(() -> store.relyingPartyKeys(List.of("itsme-sig"), List.of("itsme-sig")))
                    .hasMessageContaining("ITSME-1035");
            assertThat(store.relyingPartyKeys(List.of("itsme-sig"), List.of("itsme-enc")).keyIds()).hasSize(2);
        }

        @Test
        void a_set_needs_a_key_of_each_use(@TempDir Path dir) throws Exception {
            Pkcs12KeyStore store = Pkcs12KeyStore.load(keystore(dir), PASSWORD);
            assertThatThrownBy(() -> store.relyingPartyKeys(List.of("itsme-sig"), List.of()))
                    .hasMessageContaining("ITSME-1011");
        }

        @Test
        void an_ec_key_and_a_1024_bit_key_are_refused_and_rsa_2048_accepted(@TempDir Path dir) throws Exception {
            KeyPair ec = TestKeyStores.keyPair("EC", 256);
            KeyPair weak = TestKeyStores.keyPair("RSA", 1024);
            // an EC key entry needs a certificate of the EC key; sign it with an RSA key (the helper signs RSA only)
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(null, PASSWORD);
            ks.setKeyEntry("ec", ec.getPrivate(), PASSWORD,
                    new java.security.cert.Certificate[]{TestKeyStores.certificate(ec, sig, "ec")});
            ks.setKeyEntry("weak", weak.getPrivate(), PASSWORD,
                    new java.security.cert.Certificate[]{TestKeyStores.selfSigned(weak, "weak")});
            ks.setKeyEntry("good", sig.getPrivate(), PASSWORD,
                    new java.security.cert.Certificate[]{TestKeyStores.selfSigned(sig, "good")});
            Path file = dir.resolve("mixed.p12");
            try (var out = Files.newOutputStream(file)) {
                ks.store(out, PASSWORD);
            }
            Pkcs12KeyStore store = Pkcs12KeyStore.load(file, PASSWORD);
            assertThatThrownBy(() -> store.key("ec")).hasMessageContaining("ITSME-1032").hasMessageContaining("EC");
            assertThatThrownBy(() -> store.key("weak")).hasMessageContaining("ITSME-1032")
                    .hasMessageContaining("1024");
            assertThat(store.key("good").bits()).isEqualTo(2048);
        }

        @Test
        void a_keystore_from_a_file_location(@TempDir Path dir) throws Exception {
            Path file = keystore(dir);
            assertThat(Pkcs12KeyStore.fromLocation("file:" + file, PASSWORD).privateKeyAliases()).hasSize(2);
            assertThat(Pkcs12KeyStore.fromLocation(file.toUri().toString(), PASSWORD).privateKeyAliases()).hasSize(2);
            assertThatThrownBy(() -> Pkcs12KeyStore.fromLocation("http://example.com/rp.p12", PASSWORD))
                    .hasMessageContaining("ITSME-1030").hasMessageContaining("file: or classpath:");
        }
    }

    @Nested
    @DisplayName("PEM")
    class Pem {
        @Test
        void a_pkcs8_key_with_its_certificate_chain(@TempDir Path dir) throws Exception {
            KeyPair ca = TestKeyStores.rsa();
            String chain = TestKeyStores.pem("CERTIFICATE", TestKeyStores.certificate(sig, ca, "rp").getEncoded())
                    + TestKeyStores.pem("CERTIFICATE", TestKeyStores.selfSigned(ca, "ca").getEncoded());
            Path key = Files.writeString(dir.resolve("sig.pem"),
                    TestKeyStores.pem("PRIVATE KEY", sig.getPrivate().getEncoded()));
            Path certs = Files.writeString(dir.resolve("sig-chain.pem"), chain);

            ImportedKey imported = ImportedKey.fromPemFiles(key, certs);

            assertThat(imported.certificateChain()).hasSize(2);
            RelyingPartyKeys keys = RelyingPartyKeys.of(List.of(imported),
                    List.of(ImportedKey.fromPem(TestKeyStores.pem("PRIVATE KEY", enc.getPrivate().getEncoded()),
                            null)));
            RsaJsonWebKey published = (RsaJsonWebKey) new JsonWebKeySet(keys.publicJwkSetJson())
                    .findJsonWebKey(imported.kid(), null, "sig", null);
            assertThat(published.getCertificateChain()).hasSize(2);
            assertThat(keys.publicJwkSetJson()).doesNotContain("\"d\"");
        }

        @Test
        void a_chain_of_another_key_is_refused(@TempDir Path dir) throws Exception {
            String otherCert = TestKeyStores.pem("CERTIFICATE", TestKeyStores.selfSigned(enc, "other").getEncoded());
            String key = TestKeyStores.pem("PRIVATE KEY", sig.getPrivate().getEncoded());
            assertThatThrownBy(() -> ImportedKey.fromPem(key, otherCert)).hasMessageContaining("ITSME-1034");
            String ownCert = TestKeyStores.pem("CERTIFICATE", TestKeyStores.selfSigned(sig, "own").getEncoded());
            assertThat(ImportedKey.fromPem(key, ownCert).certificateChain()).hasSize(1);
        }

        @Test
        void pkcs1_and_encrypted_keys_get_the_openssl_command_that_converts_them() {
            String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK==\n-----END RSA PRIVATE KEY-----\n";
            assertThatThrownBy(() -> ImportedKey.fromPem(pkcs1, null)).hasMessageContaining("ITSME-1033")
                    .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
            String encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBOgIBAAJBAK==\n-----END ENCRYPTED PRIVATE KEY-----\n";
            assertThatThrownBy(() -> ImportedKey.fromPem(encrypted, null)).hasMessageContaining("ITSME-1033")
                    .hasMessageContaining("PKCS#12");
            assertThatThrownBy(() -> ImportedKey.fromPem("not pem at all", null)).hasMessageContaining("ITSME-1033")
                    .hasMessageContaining("no PEM block");
        }

        @Test
        void an_ec_key_is_refused_by_name() throws Exception {
            KeyPair ec = TestKeyStores.keyPair("EC", 256);
            assertThatThrownBy(
                    () -> ImportedKey.fromPem(TestKeyStores.pem("PRIVATE KEY", ec.getPrivate().getEncoded()), null))
                    .hasMessageContaining("ITSME-1032").hasMessageContaining("EC key");
        }

        @Test
        void importing_into_an_existing_set_appends_and_refuses_a_key_it_already_holds() throws Exception {
            RelyingPartyKeys generated = RelyingPartyKeys.generate();
            ImportedKey key = ImportedKey.fromPem(TestKeyStores.pem("PRIVATE KEY", sig.getPrivate().getEncoded()),
                    null);
            RelyingPartyKeys more = generated.withImportedSigningKey(key);
            assertThat(more.signingKeyIds()).containsExactly(generated.activeSigningKey().kid(), key.kid());
            assertThatThrownBy(() -> more.withImportedEncryptionKey(key)).hasMessageContaining("ITSME-1035");
            assertThat(generated.withImportedEncryptionKey(key).decryptionKeys()).hasSize(2);
        }
    }
}

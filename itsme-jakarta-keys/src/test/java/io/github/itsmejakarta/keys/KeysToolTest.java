package io.github.itsmejakarta.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.keys.TestKeyStores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("KeysTool: generate, rotate, import, public")
class KeysToolTest {
    record Result(int status, String out, String err) {
    }

    private final Map<String, String> environment = new HashMap<>();
    private char[] typedPassword;
    private final AtomicInteger prompts = new AtomicInteger();

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new KeysTool(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get, prompt -> {
                    prompts.incrementAndGet();
                    return typedPassword == null ? null : typedPassword.clone();
                }).run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Nested
    @DisplayName("generate and rotate")
    class GenerateAndRotate {
        @Test
        void full_rotation_through_the_command_line(@TempDir Path dir) throws Exception {
            Result gen = run("generate");
            assertThat(gen.status()).isZero();
            RelyingPartyKeys keys = RelyingPartyKeys.fromJwks(gen.out());
            Path file = dir.resolve("rp.json");
            Files.writeString(file, gen.out());

            Result added = run("add-signing-key", file.toString());
            assertThat(added.status()).isZero();
            RelyingPartyKeys two = RelyingPartyKeys.fromJwks(added.out());
            assertThat(two.signingKeyIds()).hasSize(2).startsWith(keys.activeSigningKey().kid());
            assertThat(Files.readString(file)).as("no file changed without --out").isEqualTo(gen.out());

            Result written = run("add-signing-key", file.toString(), "--out", file.toString());
            assertThat(written.status()).isZero();
            RelyingPartyKeys fromFile = RelyingPartyKeys.fromPath(file);
            String newKid = fromFile.signingKeyIds().get(1);
            assertThat(written.out()).startsWith("Wrote the private JWK set to " + file.toAbsolutePath())
                    .contains(keys.activeSigningKey().kid() + " (active)").contains(newKid)
                    .doesNotContain("\"d\"");

            Result activated = run("activate-signing-key", file.toString(), newKid);
            assertThat(RelyingPartyKeys.fromJwks(activated.out()).activeSigningKey().kid()).isEqualTo(newKid);

            Result enc = run("add-encryption-key", file.toString());
            assertThat(RelyingPartyKeys.fromJwks(enc.out()).decryptionKeys()).hasSize(2);

            Result removed = run("remove-key", file.toString(), keys.activeSigningKey().kid());
            assertThat(RelyingPartyKeys.fromJwks(removed.out()).signingKeyIds()).containsExactly(newKid);

            Result pub = run("public", file.toString());
            assertThat(pub.status()).isZero();
            assertThat(pub.out()).contains("\"n\"").doesNotContain("\"d\"").doesNotContain("\"p\"")
                    .doesNotContain("\"qi\"");
        }

        @Test
        void generate_3072_bits() throws Exception {
            Result r = run("generate", "--bits", "3072");
            assertThat(RelyingPartyKeys.fromJwks(r.out()).activeSigningKey().privateKey().getModulus().bitLength())
                    .isEqualTo(3072);
        }

        @Test
        void out_creates_missing_folders_and_a_file_only_its_owner_can_read(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("etc/itsme/rp-private-jwks.json");
            Result r = run("generate", "--out", file.toString());
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(RelyingPartyKeys.fromPath(file).keyIds()).hasSize(2);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("etc"))))
                    .isEqualTo("rwx------");
            assertThat(r.out()).contains("Created folder " + dir.resolve("etc"))
                    .contains("Created folder " + dir.resolve("etc/itsme"))
                    .contains("Wrote the private JWK set to " + file).contains("readable by its owner only");

            Path pub = dir.resolve("public/rp-jwks.json");
            Result published = run("public", file.toString(), "--out", pub.toString());
            assertThat(published.out()).contains("Wrote the public JWK set to " + pub);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pub))).isEqualTo("rw-r--r--");
        }

        @Test
        void generate_never_replaces_an_existing_set_without_force(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("rp.json");
            assertThat(run("generate", "--out", file.toString()).status()).isZero();
            String before = Files.readString(file);

            Result again = run("generate", "--out", file.toString());
            assertThat(again.status()).isEqualTo(1);
            assertThat(again.err()).contains("exists").contains("--force");
            assertThat(Files.readString(file)).isEqualTo(before);

            assertThat(run("generate", "--out", file.toString(), "--force").status()).isZero();
            assertThat(Files.readString(file)).isNotEqualTo(before);
        }

        @Test
        void usage_and_refusals(@TempDir Path dir) throws Exception {
            assertThat(run().status()).isEqualTo(2);
            assertThat(run("frobnicate").status()).isEqualTo(2);
            assertThat(run("public").status()).isEqualTo(2);
            assertThat(run("generate", "--into", "x").status()).isEqualTo(2);
            assertThat(run("generate", "--out").status()).isEqualTo(2);
            Result weak = run("generate", "1024");
            assertThat(weak.status()).isEqualTo(1);
            assertThat(weak.out()).isEmpty();
            Path bad = dir.resolve("bad.json");
            Files.writeString(bad, "{\"keys\":[]}");
            Result incomplete = run("public", bad.toString());
            assertThat(incomplete.status()).isEqualTo(1);
            assertThat(incomplete.err()).contains("ITSME-1011");
            Result unknown = run("remove-key", bad.toString(), "x");
            assertThat(unknown.status()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("import")
    class Import {
        private static KeyPair sig;
        private static KeyPair enc;

        @BeforeAll
        static void keys() throws Exception {
            sig = TestKeyStores.rsa();
            enc = TestKeyStores.rsa();
        }

        private Path keystore(Path dir) throws Exception {
            return TestKeyStores.pkcs12(dir.resolve("server.p12"), "s3cret!".toCharArray(),
                    Map.of("rp-sig", sig, "rp-enc", enc));
        }

        @Test
        void pkcs12_with_the_password_from_the_environment(@TempDir Path dir) throws Exception {
            Path store = keystore(dir);
            environment.put(KeysTool.DEFAULT_PASSWORD_ENV, "s3cret!");
            Path out = dir.resolve("keys/rp.json");

            Result r = run("import-pkcs12", store.toString(), "--signing-alias", "rp-sig", "--encryption-alias",
                    "rp-enc", "--out", out.toString());

            assertThat(r.status()).as(r.err()).isZero();
            assertThat(prompts).hasValue(0);
            RelyingPartyKeys keys = RelyingPartyKeys.fromPath(out);
            assertThat(keys.keyIds()).hasSize(2);
            assertThat(Files.readString(out)).contains("\"x5c\"");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
            assertThat(r.out() + r.err()).doesNotContain("s3cret!");
        }

        @Test
        void pkcs12_with_the_password_from_a_named_variable_or_the_prompt(@TempDir Path dir) throws Exception {
            Path store = keystore(dir);
            environment.put("MY_P12_PASSWORD", "s3cret!");
            assertThat(run("import-pkcs12", store.toString(), "--signing-alias", "rp-sig", "--encryption-alias",
                    "rp-enc", "--password-env", "MY_P12_PASSWORD").status()).isZero();

            environment.clear();
            typedPassword = "s3cret!".toCharArray();
            Result prompted = run("import-pkcs12", store.toString(), "--signing-alias", "rp-sig",
                    "--encryption-alias", "rp-enc");
            assertThat(prompted.status()).as(prompted.err()).isZero();
            assertThat(prompts).hasValue(1);
            assertThat(RelyingPartyKeys.fromJwks(prompted.out()).keyIds()).hasSize(2);
        }

        @Test
        void pkcs12_refusals_never_show_the_password(@TempDir Path dir) throws Exception {
            Path store = keystore(dir);
            Result onCommandLine = run("import-pkcs12", store.toString(), "--signing-alias", "rp-sig",
                    "--encryption-alias", "rp-enc", "--password", "s3cret!");
            assertThat(onCommandLine.status()).isEqualTo(1);
            assertThat(onCommandLine.err()).contains("never taken from the command line")
                    .doesNotContain("s3cret!");

            Result noTerminal = run("import-pkcs12", store.toString(), "--signing-alias", "rp-sig",
                    "--encryption-alias", "rp-enc");
            assertThat(noTerminal.status()).isEqualTo(1);
            assertThat(noTerminal.err()).contains(KeysTool.DEFAULT_PASSWORD_ENV);

            environment.put(KeysTool.DEFAULT_PASSWORD_ENV, "wrong-one");
            Result wrong = run("import-pkcs12", store.toString(), "--signing-alias", "rp-sig",
                    "--encryption-alias", "rp-enc");
            assertThat(wrong.status()).isEqualTo(1);
            assertThat(wrong.err()).contains("ITSME-1030").doesNotContain("wrong-one");

            environment.put(KeysTool.DEFAULT_PASSWORD_ENV, "s3cret!");
            Result alias = run("import-pkcs12", store.toString(), "--signing-alias", "nope", "--encryption-alias",
                    "rp-enc");
            assertThat(alias.err()).contains("ITSME-1031").contains("rp-sig");
            Result half = run("import-pkcs12", store.toString(), "--signing-alias", "rp-sig");
            assertThat(half.status()).isEqualTo(2);
            assertThat(half.err()).contains("--into");
        }

        @Test
        void pem_files_with_a_chain(@TempDir Path dir) throws Exception {
            Path sigKey = Files.writeString(dir.resolve("sig.key.pem"),
                    TestKeyStores.pem("PRIVATE KEY", sig.getPrivate().getEncoded()));
            Path sigCert = Files.writeString(dir.resolve("sig.crt.pem"),
                    TestKeyStores.pem("CERTIFICATE", TestKeyStores.selfSigned(sig, "rp").getEncoded()));
            Path encKey = Files.writeString(dir.resolve("enc.key.pem"),
                    TestKeyStores.pem("PRIVATE KEY", enc.getPrivate().getEncoded()));

            Result r = run("import-pem", "--signing-key", sigKey.toString(), "--signing-chain", sigCert.toString(),
                    "--encryption-key", encKey.toString());

            assertThat(r.status()).as(r.err()).isZero();
            RelyingPartyKeys keys = RelyingPartyKeys.fromJwks(r.out());
            assertThat(keys.keyIds()).hasSize(2);
            assertThat(r.out()).containsOnlyOnce("\"x5c\"");
        }

        @Test
        void into_appends_an_imported_key_to_an_existing_set_without_activating_it(@TempDir Path dir)
                throws Exception {
            Path set = dir.resolve("rp.json");
            assertThat(run("generate", "--out", set.toString()).status()).isZero();
            RelyingPartyKeys before = RelyingPartyKeys.fromPath(set);
            Path sigKey = Files.writeString(dir.resolve("sig.key.pem"),
                    TestKeyStores.pem("PRIVATE KEY", sig.getPrivate().getEncoded()));

            Result r = run("import-pem", "--signing-key", sigKey.toString(), "--into", set.toString(), "--out",
                    set.toString());

            assertThat(r.status()).as(r.err()).isZero();
            RelyingPartyKeys after = RelyingPartyKeys.fromPath(set);
            assertThat(after.signingKeyIds()).hasSize(2).startsWith(before.activeSigningKey().kid());
            Result again = run("import-pem", "--signing-key", sigKey.toString(), "--into", set.toString());
            assertThat(again.status()).isEqualTo(1);
            assertThat(again.err()).contains("ITSME-1035");
        }
    }
}

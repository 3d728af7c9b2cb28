package io.github.itsmejakarta.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("KeysTool: generate, add keys, activate, remove, public")
class KeysToolTest {
    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = KeysTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

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
        assertThat(written.out()).isEmpty();
        RelyingPartyKeys fromFile = RelyingPartyKeys.fromPath(file);
        String newKid = fromFile.signingKeyIds().get(1);

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
        Result r = run("generate", "3072");
        assertThat(RelyingPartyKeys.fromJwks(r.out()).activeSigningKey().privateKey().getModulus().bitLength())
                .isEqualTo(3072);
    }

    @Test
    void usage_and_refusals(@TempDir Path dir) throws Exception {
        assertThat(run().status()).isEqualTo(2);
        assertThat(run("frobnicate").status()).isEqualTo(2);
        assertThat(run("public").status()).isEqualTo(2);
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

package io.github.itsmejakarta.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user runs it: {@code java -jar itsme-jakarta-keys-<version>.jar}, its own process. */
@DisplayName("java -jar itsme-jakarta-keys.jar")
class KeysToolJarIT {
    record Run(int status, String out, String err) {
    }

    static Run java(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", System.getProperty("keys.jar")));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the keys tool did not finish within 2 minutes");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void generate_into_a_new_folder_then_print_the_public_set(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("itsme/rp-private-jwks.json");

        Run generated = java(dir, "generate", "--out", file.toString());

        assertThat(generated.status()).as(generated.err()).isZero();
        assertThat(generated.err()).as("nothing on stderr (no SLF4J warning either)").isEmpty();
        assertThat(generated.out()).contains("Wrote the private JWK set to " + file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        RelyingPartyKeys keys = RelyingPartyKeys.fromPath(file);

        Run published = java(dir, "public", file.toString());
        assertThat(published.status()).isZero();
        assertThat(published.out()).startsWith("{\"keys\":[").contains(keys.activeSigningKey().kid())
                .doesNotContain("\"d\"");
    }

    @Test
    void a_usage_error_exits_2_with_the_usage(@TempDir Path dir) throws Exception {
        Run r = java(dir, "frobnicate");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("usage: java -jar itsme-jakarta-keys.jar").contains("import-pkcs12");
        assertThat(r.out()).isEmpty();
    }
}

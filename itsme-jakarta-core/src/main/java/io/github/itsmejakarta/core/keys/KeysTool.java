package io.github.itsmejakarta.core.keys;

import io.github.itsmejakarta.core.ItsmeConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Command line tool for the relying party's JWK set. Every command prints JSON on standard output, or, with a trailing
 * {@code --out <file>}, writes it to that file (replaced atomically, owner-only permissions where supported); no other
 * file is changed.
 *
 * <pre>
 * generate [bits]                 a new private set: one signing and one encryption key (2048 bits unless told)
 * add-signing-key &lt;file&gt;         the set with a new signing key appended (published, not yet active)
 * add-encryption-key &lt;file&gt;      the set with a new encryption key appended (decrypts at once)
 * activate-signing-key &lt;file&gt; &lt;kid&gt;  the set with that signing key moved first (active)
 * remove-key &lt;file&gt; &lt;kid&gt;        the set without that key
 * public &lt;file&gt;                  the public set to publish (no private member)
 * </pre>
 *
 * From the project ({@code compile} so that the classes exist; {@code --out} because Maven writes terminal escape codes
 * on standard output): {@code mvn -B -q -pl itsme-jakarta-core compile exec:java
 * -Dexec.mainClass=io.github.itsmejakarta.core.keys.KeysTool "-Dexec.args=generate --out rp-private-jwks.json"}. With
 * plain {@code java -cp <core jar>:<jose4j jar> io.github.itsmejakarta.core.keys.KeysTool generate} standard output is
 * clean JSON. See {@link RelyingPartyKeys} for the rotation procedure.
 */
public final class KeysTool {
    private KeysTool() {
    }

    public static void main(String[] args) {
        int status = run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns the exit status (0 success, 1 refused input, 2 usage). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path outFile = null;
        if (args.length >= 2 && "--out".equals(args[args.length - 2])) {
            outFile = Path.of(args[args.length - 1]);
            args = Arrays.copyOf(args, args.length - 2);
        }
        if (args.length == 0) {
            return usage(err);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream target = outFile == null ? out : new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int status = command(args, target, err);
        if (status == 0 && outFile != null) {
            try {
                write(outFile, buffer.toByteArray());
            } catch (IOException e) {
                err.println("Cannot write " + outFile + ": " + e.getClass().getSimpleName());
                return 1;
            }
        }
        return status;
    }

    /** Writes via a temporary file and a move, owner-only where the file system has POSIX permissions. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path tmp = Files.createTempFile(absolute.getParent(), ".jwks", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep its defaults
            }
            Files.write(tmp, bytes);
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int command(String[] args, PrintStream out, PrintStream err) {
        try {
            switch (args[0]) {
                case "generate" -> {
                    if (args.length > 2) {
                        return usage(err);
                    }
                    int bits = args.length == 2 ? Integer.parseInt(args[1]) : RelyingPartyKeys.DEFAULT_RSA_BITS;
                    out.print(RelyingPartyKeys.generate(bits).privateJwkSetJson());
                }
                case "add-signing-key" -> {
                    if (args.length != 2) {
                        return usage(err);
                    }
                    out.print(load(args[1]).withNewSigningKey().privateJwkSetJson());
                }
                case "add-encryption-key" -> {
                    if (args.length != 2) {
                        return usage(err);
                    }
                    out.print(load(args[1]).withNewEncryptionKey().privateJwkSetJson());
                }
                case "activate-signing-key" -> {
                    if (args.length != 3) {
                        return usage(err);
                    }
                    out.print(load(args[1]).withSigningKeyActive(args[2]).privateJwkSetJson());
                }
                case "remove-key" -> {
                    if (args.length != 3) {
                        return usage(err);
                    }
                    out.print(load(args[1]).withoutKey(args[2]).privateJwkSetJson());
                }
                case "public" -> {
                    if (args.length != 2) {
                        return usage(err);
                    }
                    out.print(load(args[1]).publicJwkSetJson());
                }
                default -> {
                    return usage(err);
                }
            }
            out.flush();
            return 0;
        } catch (ItsmeConfigurationException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("Invalid argument: " + e.getMessage());
            return 1;
        }
    }

    private static RelyingPartyKeys load(String file) throws ItsmeConfigurationException {
        return RelyingPartyKeys.fromPath(Path.of(file));
    }

    private static int usage(PrintStream err) {
        err.println("""
                usage: KeysTool <command>
                  generate [bits]                       new private JWK set (one sig, one enc key; 2048 bits default)
                  add-signing-key <file>                append a new signing key (published, not active)
                  add-encryption-key <file>             append a new encryption key
                  activate-signing-key <file> <kid>     make that signing key the active one (first)
                  remove-key <file> <kid>               drop a key
                  public <file>                         the public JWK set to publish
                every command prints JSON on standard output; add --out <file> to write it to that file instead""");
        return 2;
    }
}

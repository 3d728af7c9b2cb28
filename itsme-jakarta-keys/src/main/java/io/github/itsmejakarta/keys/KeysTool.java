package io.github.itsmejakarta.keys;

import io.github.itsmejakarta.core.ItsmeConfigurationException;
import io.github.itsmejakarta.core.keys.DecryptionKey;
import io.github.itsmejakarta.core.keys.ImportedKey;
import io.github.itsmejakarta.core.keys.Pkcs12KeyStore;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The relying party's private JWK set from the command line: {@code java -jar itsme-jakarta-keys-<version>.jar
 * <command>}. Every command prints JSON on standard output, or, with {@code --out <file>}, writes it to that file and
 * says on standard output what it wrote. No other file is ever changed.
 *
 * <pre>
 * generate [--bits N]                          a new private set: one signing and one encryption key (2048 bits)
 * add-signing-key &lt;set&gt;                        the set with a new signing key appended (published, not yet active)
 * add-encryption-key &lt;set&gt;                     the set with a new encryption key appended (decrypts at once)
 * activate-signing-key &lt;set&gt; &lt;kid&gt;             the set with that signing key first (active)
 * remove-key &lt;set&gt; &lt;kid&gt;                       the set without that key
 * public &lt;set&gt;                                 the public set to publish (no private member)
 * import-pkcs12 &lt;keystore.p12&gt; --signing-alias A --encryption-alias B [--into &lt;set&gt;]
 * import-pem --signing-key K.pem [--signing-chain C.pem] --encryption-key K.pem [--encryption-chain C.pem] [--into &lt;set&gt;]
 * </pre>
 *
 * <p>Files: {@code --out} creates missing parent folders (owner-only where the file system has POSIX permissions),
 * replaces the file atomically, and makes a private set readable and writable by its owner only (POSIX {@code 600}).
 * {@code generate} and an import without {@code --into} refuse to replace an existing file unless {@code --force}:
 * that file may hold the only copy of keys itsme still uses.
 *
 * <p>Keystore passwords come from an environment variable ({@value #DEFAULT_PASSWORD_ENV} unless
 * {@code --password-env NAME} names another) or, without one, from a prompt on the terminal; never from the command
 * line, where shell histories and process lists would keep them.
 *
 * <p>Exit status: 0 done, 1 refused input (the message has an {@code ITSME-} id where the library raised it), 2 usage.
 * An instance is used once, by one thread.
 */
public final class KeysTool {
    /** The environment variable that holds the keystore password unless {@code --password-env} names another. */
    public static final String DEFAULT_PASSWORD_ENV = "ITSME_KEYSTORE_PASSWORD";

    private static final Set<String> VALUE_OPTIONS = Set.of("--out", "--bits", "--into", "--signing-alias",
            "--encryption-alias", "--signing-key", "--signing-chain", "--encryption-key", "--encryption-chain",
            "--password-env");
    private static final Set<String> FLAG_OPTIONS = Set.of("--force");

    /** Reads a password from the terminal; {@code null} when there is none. */
    @FunctionalInterface
    interface PasswordPrompt {
        char[] read(String prompt);
    }

    /** Input the user got wrong: printed without a stack trace, exit status 1. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** Arguments that do not form a command: usage, exit status 2. */
    private static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    /** What a command produced: a private set to store, or public JSON to publish. */
    private record Output(RelyingPartyKeys keys, boolean publicOnly, boolean replacesExisting) {
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;
    private final PasswordPrompt prompt;

    KeysTool(PrintStream out, PrintStream err, Function<String, String> environment, PasswordPrompt prompt) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.prompt = prompt;
    }

    /**
     * Runs one command and exits with a non-zero status when it failed.
     *
     * @param args the command and its arguments, as listed in the class comment
     */
    public static void main(String[] args) {
        Console console = System.console();
        PasswordPrompt prompt = console == null ? p -> null : p -> console.readPassword("%s", p);
        int status = new KeysTool(new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err, System::getenv,
                prompt).run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns the exit status (0 success, 1 refused input, 2 usage). */
    int run(String... args) {
        try {
            Map<String, String> options = new HashMap<>();
            List<String> positional = parse(args, options);
            if (positional.isEmpty()) {
                throw new Usage("no command given");
            }
            Output output = command(positional.get(0), positional.subList(1, positional.size()), options);
            String json = output.publicOnly() ? output.keys().publicJwkSetJson() : output.keys().privateJwkSetJson();
            String outFile = options.get("--out");
            if (outFile == null) {
                out.print(json);
                out.flush();
            } else {
                write(Path.of(outFile), json, output, options.containsKey("--force"));
            }
            return 0;
        } catch (Usage e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Refused e) {
            err.println(e.getMessage());
            return 1;
        } catch (ItsmeConfigurationException e) {
            err.println(e.getMessage()); // library messages carry an id and never key material
            return 1;
        }
    }

    private static List<String> parse(String[] args, Map<String, String> options) throws Usage, Refused {
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--password") && !arg.equals("--password-env")) {
                throw new Refused("Passwords are never taken from the command line (shell histories and process lists"
                        + " keep them): put it in " + DEFAULT_PASSWORD_ENV + " (or the variable --password-env names),"
                        + " or leave it unset to be asked");
            }
            if (VALUE_OPTIONS.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new Usage(arg + " needs a value");
                }
                if (options.put(arg, args[++i]) != null) {
                    throw new Usage(arg + " given twice");
                }
            } else if (FLAG_OPTIONS.contains(arg)) {
                options.put(arg, "true");
            } else if (arg.startsWith("--")) {
                throw new Usage("unknown option " + arg);
            } else {
                positional.add(arg);
            }
        }
        return positional;
    }

    private Output command(String name, List<String> args, Map<String, String> options)
            throws Usage, Refused, ItsmeConfigurationException {
        switch (name) {
            case "generate" -> {
                allow(name, options, "--bits");
                if (args.size() > 1 || (args.size() == 1 && options.containsKey("--bits"))) {
                    throw new Usage("generate takes at most the key size");
                }
                String bits = args.size() == 1 ? args.get(0) : options.get("--bits");
                return new Output(generate(bits), false, false);
            }
            case "add-signing-key" -> {
                allow(name, options);
                return new Output(load(args, 1).withNewSigningKey(), false, true);
            }
            case "add-encryption-key" -> {
                allow(name, options);
                return new Output(load(args, 1).withNewEncryptionKey(), false, true);
            }
            case "activate-signing-key" -> {
                allow(name, options);
                return new Output(load(args, 2).withSigningKeyActive(args.get(1)), false, true);
            }
            case "remove-key" -> {
                allow(name, options);
                return new Output(load(args, 2).withoutKey(args.get(1)), false, true);
            }
            case "public" -> {
                allow(name, options);
                return new Output(load(args, 1), true, true);
            }
            case "import-pkcs12" -> {
                allow(name, options, "--signing-alias", "--encryption-alias", "--into", "--password-env");
                if (args.size() != 1) {
                    throw new Usage("import-pkcs12 takes one keystore file");
                }
                return importPkcs12(Path.of(args.get(0)), options);
            }
            case "import-pem" -> {
                allow(name, options, "--signing-key", "--signing-chain", "--encryption-key", "--encryption-chain",
                        "--into");
                if (!args.isEmpty()) {
                    throw new Usage("import-pem takes its files as options");
                }
                return importPem(options);
            }
            default -> throw new Usage("unknown command " + name);
        }
    }

    /** Every command takes --out and --force; these others only where they mean something. */
    private static void allow(String command, Map<String, String> options, String... specific) throws Usage {
        List<String> allowed = new ArrayList<>(List.of("--out", "--force"));
        allowed.addAll(Arrays.asList(specific));
        for (String option : options.keySet()) {
            if (!allowed.contains(option)) {
                throw new Usage(command + " does not take " + option);
            }
        }
    }

    private static RelyingPartyKeys generate(String bits) throws Refused {
        int size = RelyingPartyKeys.DEFAULT_RSA_BITS;
        if (bits != null) {
            try {
                size = Integer.parseInt(bits);
            } catch (NumberFormatException e) {
                throw new Refused("The key size must be a number of bits, e.g. 3072: " + bits);
            }
        }
        if (size < RelyingPartyKeys.MIN_RSA_BITS) {
            throw new Refused("RSA keys need at least " + RelyingPartyKeys.MIN_RSA_BITS + " bits: " + size);
        }
        return RelyingPartyKeys.generate(size);
    }

    private static RelyingPartyKeys load(List<String> args, int count) throws Usage, ItsmeConfigurationException {
        if (args.size() != count) {
            throw new Usage(count == 1 ? "give the set's file" : "give the set's file and a key id");
        }
        return RelyingPartyKeys.fromPath(Path.of(args.get(0)));
    }

    private Output importPkcs12(Path keystore, Map<String, String> options)
            throws Usage, Refused, ItsmeConfigurationException {
        String signing = options.get("--signing-alias");
        String encryption = options.get("--encryption-alias");
        String into = options.get("--into");
        requireKeys(signing, encryption, into, "--signing-alias", "--encryption-alias");
        char[] password = password(options.getOrDefault("--password-env", DEFAULT_PASSWORD_ENV), keystore);
        try {
            Pkcs12KeyStore store = Pkcs12KeyStore.load(keystore, password);
            try {
                ImportedKey sig = signing == null ? null : store.key(signing);
                ImportedKey enc = encryption == null ? null : store.key(encryption);
                return combine(sig, enc, into);
            } finally {
                store.forgetPassword();
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static Output importPem(Map<String, String> options) throws Usage, ItsmeConfigurationException {
        String signing = options.get("--signing-key");
        String encryption = options.get("--encryption-key");
        String into = options.get("--into");
        requireKeys(signing, encryption, into, "--signing-key", "--encryption-key");
        if (signing == null && options.containsKey("--signing-chain")) {
            throw new Usage("--signing-chain needs --signing-key");
        }
        if (encryption == null && options.containsKey("--encryption-chain")) {
            throw new Usage("--encryption-chain needs --encryption-key");
        }
        ImportedKey sig = signing == null
                ? null
                : ImportedKey.fromPemFiles(Path.of(signing), path(options, "--signing-chain"));
        ImportedKey enc = encryption == null
                ? null
                : ImportedKey.fromPemFiles(Path.of(encryption), path(options, "--encryption-chain"));
        return combine(sig, enc, into);
    }

    private static Path path(Map<String, String> options, String option) {
        String value = options.get(option);
        return value == null ? null : Path.of(value);
    }

    /** A new set needs both keys; a set to add to needs at least one. */
    private static void requireKeys(String signing, String encryption, String into, String signingOption,
            String encryptionOption) throws Usage {
        if (into == null && (signing == null || encryption == null)) {
            throw new Usage("a new set needs " + signingOption + " and " + encryptionOption
                    + " (or --into <set> to add keys to an existing set)");
        }
        if (signing == null && encryption == null) {
            throw new Usage("give " + signingOption + " or " + encryptionOption);
        }
    }

    private static Output combine(ImportedKey signing, ImportedKey encryption, String into)
            throws ItsmeConfigurationException {
        if (into == null) {
            return new Output(RelyingPartyKeys.of(List.of(signing), List.of(encryption)), false, false);
        }
        RelyingPartyKeys keys = RelyingPartyKeys.fromPath(Path.of(into));
        if (signing != null) {
            keys = keys.withImportedSigningKey(signing);
        }
        if (encryption != null) {
            keys = keys.withImportedEncryptionKey(encryption);
        }
        return new Output(keys, false, true);
    }

    private char[] password(String variable, Path keystore) throws Refused {
        String fromEnvironment = environment.apply(variable);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        char[] typed = prompt.read("Password of " + keystore + ": ");
        if (typed == null) {
            throw new Refused("No password for " + keystore + ": set " + variable
                    + " or run the tool in a terminal to be asked");
        }
        return typed;
    }

    // ---------------------------------------------------------------- writing

    private void write(Path file, String json, Output output, boolean force) throws Refused {
        Path target = file.toAbsolutePath().normalize();
        if (!output.replacesExisting() && !force && Files.exists(target)) {
            throw new Refused(target + " exists and may hold keys itsme still uses: give another --out, or --force"
                    + " to replace it");
        }
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            List<Path> created = createParents(target.getParent(), posix);
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                if (posix) {
                    Files.setPosixFilePermissions(tmp,
                            PosixFilePermissions.fromString(output.publicOnly() ? "rw-r--r--" : "rw-------"));
                }
                Files.writeString(tmp, json, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            for (Path dir : created) {
                out.println("Created folder " + dir + (posix ? " (owner only)" : ""));
            }
        } catch (IOException e) {
            throw new Refused("Cannot write " + target + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        out.println(summary(target, output, posix));
        out.flush();
    }

    /** Creates the missing folders, outermost first; owner-only on POSIX since they hold a secret. */
    private static List<Path> createParents(Path dir, boolean posix) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            if (posix) {
                Files.createDirectory(p,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(p);
            }
        }
        return missing;
    }

    private static String summary(Path target, Output output, boolean posix) {
        RelyingPartyKeys keys = output.keys();
        List<String> signing = keys.signingKeyIds();
        List<String> encryption = keys.decryptionKeys().stream().map(DecryptionKey::kid).toList();
        String content = "signing keys " + signing.get(0) + " (active)"
                + (signing.size() > 1 ? ", " + String.join(", ", signing.subList(1, signing.size())) : "")
                + "; encryption keys " + String.join(", ", encryption);
        if (output.publicOnly()) {
            return "Wrote the public JWK set to " + target + ": " + content
                    + ". Publish it; it holds no private part.";
        }
        return "Wrote the private JWK set to " + target
                + (posix ? " (readable by its owner only)" : " (set its permissions yourself: no POSIX file system)")
                + ": " + content + ". Keep it secret and out of source control; its public part is what"
                + " 'public " + target + "' prints.";
    }

    private static final String USAGE = """
            usage: java -jar itsme-jakarta-keys.jar <command> [--out <file>]
              generate [--bits N]                      new private JWK set: one signing, one encryption key (2048 bits)
              add-signing-key <set>                    append a new signing key (published, not active yet)
              add-encryption-key <set>                 append a new encryption key (decrypts at once)
              activate-signing-key <set> <kid>         make that signing key the active one
              remove-key <set> <kid>                   drop a key
              public <set>                             the public JWK set to publish
              import-pkcs12 <keystore.p12> --signing-alias A --encryption-alias B [--into <set>] [--password-env VAR]
                                                       keys from a PKCS#12 keystore; password from $ITSME_KEYSTORE_PASSWORD
                                                       (or VAR), else asked on the terminal
              import-pem --signing-key K.pem [--signing-chain C.pem] --encryption-key K.pem [--encryption-chain C.pem]
                         [--into <set>]                keys from PKCS#8 PEM files, certificate chains published as x5c
            every command prints JSON; --out <file> writes it there instead (missing folders created, a private set
            readable by its owner only) and says what it wrote. generate and imports without --into never replace an
            existing file unless --force. With --into, imported keys are appended to that set (a signing key is not
            active until activate-signing-key).""";
}

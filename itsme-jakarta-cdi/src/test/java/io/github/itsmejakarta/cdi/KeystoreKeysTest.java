package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.cdi.Browser.Exchange;
import io.github.itsmejakarta.cdi.internal.SettingsResolver;
import io.github.itsmejakarta.core.keys.Pkcs12KeyStore;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.keys.TestKeyStores;
import io.github.itsmejakarta.testkit.TestPersons;
import jakarta.security.enterprise.AuthenticationStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mechanism reading the RP's keys straight from a PKCS#12 keystore ({@code itsme.keystore-*}): a whole login
 * against the simulator with those keys, and each incomplete or wrong keystore setting refused at deployment with an
 * accepted twin, the password never shown.
 */
class KeystoreKeysTest {
    private static final String PASSWORD = "keystore-pass-4711";
    private static Path dir;
    private static Path keystore;
    private static SimulatorFixture fx;

    @BeforeAll
    static void keystoreAndSimulator() throws Exception {
        dir = Files.createTempDirectory("itsme-keystore-test");
        KeyPair sig = TestKeyStores.rsa();
        KeyPair enc = TestKeyStores.rsa();
        KeyPair next = TestKeyStores.rsa();
        keystore = TestKeyStores.pkcs12(dir.resolve("server.p12"), PASSWORD.toCharArray(),
                Map.of("rp-sig", sig, "rp-enc", enc, "rp-sig-next", next));
        RelyingPartyKeys keys = Pkcs12KeyStore.load(keystore, PASSWORD.toCharArray())
                .relyingPartyKeys(List.of("rp-sig", "rp-sig-next"), List.of("rp-enc"));
        fx = new SimulatorFixture(keys); // itsme knows the keystore's public keys
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
        Files.deleteIfExists(keystore);
        Files.deleteIfExists(dir);
    }

    private static Map<String, String> keystoreSettings() {
        Map<String, String> c = new HashMap<>();
        c.put(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION, ""); // the fixture's JWK set out of the way
        c.put(ItsmeConfigKeys.KEYSTORE_LOCATION, "file:" + keystore);
        c.put(ItsmeConfigKeys.KEYSTORE_PASSWORD, PASSWORD);
        c.put(ItsmeConfigKeys.KEYSTORE_SIGNING_ALIAS, "rp-sig rp-sig-next");
        c.put(ItsmeConfigKeys.KEYSTORE_ENCRYPTION_ALIAS, "rp-enc");
        return c;
    }

    private static List<String> problems(Map<String, String> overrides) {
        Map<String, String> c = fx.config();
        c.putAll(keystoreSettings());
        c.putAll(overrides);
        return SettingsResolver.resolve(k -> Optional.ofNullable(c.get(k)),
                Definitions.Empty.class.getAnnotation(ItsmeAuthenticationMechanismDefinition.class), s -> s)
                .problems();
    }

    @Test
    void a_login_signs_and_decrypts_with_the_keystore_s_keys() {
        fx.sim.reset();
        fx.sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        ItsmeAuthenticationMechanism mechanism = fx.mechanism(keystoreSettings());
        Browser browser = new Browser("/app");

        Exchange first = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/orders", true);
        assertThat(first.status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        Exchange callback = browser.get(mechanism, fx.visitItsme(first.redirect), false);

        assertThat(callback.notifiedCaller).as(callback.body()).isNotNull();
        assertThat(callback.notifiedCaller.getName())
                .isEqualTo(TestPersons.BELGIAN_EID_HOLDER.subFor(SimulatorFixture.CLIENT_ID));
        // the public set the mechanism serves: both signing keys (rollover), the encryption key, no private part
        Exchange jwks = browser.get(mechanism, SimulatorFixture.ORIGIN + "/app/itsme/jwks", false);
        assertThat(jwks.body()).contains(fx.keys.keyIds().toArray(String[]::new)).contains("\"x5c\"")
                .doesNotContain("\"d\"");
    }

    @Test
    void the_keystore_settings_are_accepted_as_they_are() {
        assertThat(problems(Map.of())).isEmpty();
    }

    @Test
    void a_wrong_password_is_refused_without_showing_it() {
        assertThat(problems(Map.of(ItsmeConfigKeys.KEYSTORE_PASSWORD, "not-the-password-0815")))
                .singleElement().asString().contains("ITSME-1704").contains("ITSME-1030")
                .contains(ItsmeConfigKeys.KEYSTORE_LOCATION).doesNotContain("not-the-password-0815")
                .doesNotContain(PASSWORD);
    }

    @Test
    void an_unknown_alias_names_the_aliases_there_are() {
        assertThat(problems(Map.of(ItsmeConfigKeys.KEYSTORE_ENCRYPTION_ALIAS, "rp-encryption"))).singleElement()
                .asString().contains("ITSME-1031").contains("rp-enc");
    }

    @Test
    void a_keystore_without_password_or_aliases_is_refused_once_per_missing_setting() {
        assertThat(problems(Map.of(ItsmeConfigKeys.KEYSTORE_PASSWORD, "", ItsmeConfigKeys.KEYSTORE_SIGNING_ALIAS, "",
                ItsmeConfigKeys.KEYSTORE_ENCRYPTION_ALIAS, ""))).hasSize(3)
                .allSatisfy(p -> assertThat(p).startsWith("ITSME-1701"))
                .anySatisfy(p -> assertThat(p).contains(ItsmeConfigKeys.KEYSTORE_PASSWORD));
    }

    @Test
    void a_keystore_and_a_jwk_set_together_are_ambiguous() {
        assertThat(problems(Map.of(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION, "classpath:rp-private-jwks.json")))
                .singleElement().asString().contains("ITSME-1705").contains(ItsmeConfigKeys.KEYSTORE_LOCATION);
    }

    @Test
    void keystore_settings_without_a_keystore_are_reported_and_the_jwk_set_alone_is_accepted() {
        Map<String, String> jwks = new HashMap<>(Map.of(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION,
                "classpath:rp-private-jwks.json", ItsmeConfigKeys.KEYSTORE_LOCATION, ""));
        assertThat(problems(jwks)).hasSize(3).allSatisfy(p -> assertThat(p).startsWith("ITSME-1702")
                .contains("used only with '" + ItsmeConfigKeys.KEYSTORE_LOCATION + "'"));
        jwks.putAll(Map.of(ItsmeConfigKeys.KEYSTORE_PASSWORD, "", ItsmeConfigKeys.KEYSTORE_SIGNING_ALIAS, "",
                ItsmeConfigKeys.KEYSTORE_ENCRYPTION_ALIAS, ""));
        assertThat(problems(jwks)).isEmpty();
    }
}

package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone main's arguments and configuration file. */
class ItsmeSimulatorMainTest {

    static final TestRelyingParty RP = new TestRelyingParty("main-client");

    @TempDir
    Path dir;

    @Test
    void argumentsConfigureAWorkingSimulator() throws IOException {
        Path jwks = Files.writeString(dir.resolve("rp.jwks.json"), RP.publicJwks());
        try (ItsmeSimulator sim = ItsmeSimulatorMain.start("--port", "0", "--client-id", RP.clientId,
                "--jwks-file", jwks.toString(), "--redirect-uri", REDIRECT, "--service", LOGIN + "=LOGIN",
                "--service", SHARE + "=share_data", "--jwe-alg", "RSA-OAEP", "--enc", "A256GCM", "--auto-approve",
                "belgian-eid-holder")) {
            assertThat(sim.port()).isPositive();
            Tokens tokens = RP.login(sim, SHARE, "profile");
            assertThat(tokens.status()).isEqualTo(200);
            Opened id = RP.open(sim, tokens.idToken());
            assertThat(id.jwe().getAlgorithmHeaderValue()).isEqualTo("RSA-OAEP");
            assertThat(id.jwe().getEncryptionMethodHeaderParameter()).isEqualTo("A256GCM");
        }
    }

    @Test
    void propertiesFileConfiguresClientsWithRelativeJwksFiles() throws IOException {
        Files.writeString(dir.resolve("rp.jwks.json"), RP.publicJwks());
        Path config = Files.writeString(dir.resolve("simulator.properties"), String.join("\n",
                "port=0",
                "content-encryption=A128CBC-HS256",
                "clients=" + RP.clientId,
                "client." + RP.clientId + ".jwks-file=rp.jwks.json",
                "client." + RP.clientId + ".redirect-uris=" + REDIRECT + ", http://127.0.0.1:1/other",
                "client." + RP.clientId + ".services=" + LOGIN + "=LOGIN," + CONFIRM + "=CONFIRM"));
        try (ItsmeSimulator sim = ItsmeSimulatorMain.start("--config", config.toString())) {
            assertThat(RP.get(sim.authorizationEndpoint()).statusCode()).isEqualTo(400);
            String page = RP.get(uri(sim.authorizationEndpoint(), RP.authorizationParams(LOGIN, pkce(), ""))).body();
            assertThat(page).contains("id=\"approve\"");
        }
    }

    @Test
    void standaloneIsStrictUnlessToldOtherwise() throws IOException {
        Path jwks = Files.writeString(dir.resolve("rp.jwks.json"), RP.publicJwks());
        try (ItsmeSimulator sim = ItsmeSimulatorMain.start("--port", "0", "--client-id", RP.clientId, "--jwks-file",
                jwks.toString(), "--redirect-uri", REDIRECT, "--service", LOGIN + "=LOGIN", "--auto-approve",
                "belgian-eid-holder")) {
            assertThat(sim.leniencies()).isEmpty();
            Tokens tokens = RP.login(sim, LOGIN, "profile");
            assertThat(RP.get(sim.userInfoEndpoint(), tokens.accessToken()).headers().firstValue("Content-Type"))
                    .hasValue("application/jwt");
        }
    }

    @Test
    void lenientAndUserinfoContentTypeFromTheCommandLine() throws IOException {
        Path jwks = Files.writeString(dir.resolve("rp.jwks.json"), RP.publicJwks());
        try (ItsmeSimulator sim = ItsmeSimulatorMain.start("--port", "0", "--lenient", "--client-id", RP.clientId,
                "--jwks-file", jwks.toString(), "--redirect-uri", REDIRECT, "--service", LOGIN + "=LOGIN",
                "--userinfo-content-type", "application/json", "--auto-approve", "belgian-eid-holder")) {
            assertThat(sim.leniencies()).containsExactlyInAnyOrder(Leniency.values());
            Tokens tokens = RP.login(sim, LOGIN, "profile");
            assertThat(RP.get(sim.userInfoEndpoint(), tokens.accessToken()).headers().firstValue("Content-Type"))
                    .hasValue("application/json");
        }
        try (ItsmeSimulator sim = ItsmeSimulatorMain.start("--port", "0", "--lenient",
                "issuer-as-assertion-audience")) {
            assertThat(sim.leniencies()).containsExactly(Leniency.ISSUER_AS_ASSERTION_AUDIENCE);
        }
        Path config = Files.writeString(dir.resolve("lenient.properties"),
                "port=0\nlenient=optional-state-nonce-pkce\n");
        try (ItsmeSimulator sim = ItsmeSimulatorMain.start("--config", config.toString())) {
            assertThat(sim.leniencies()).containsExactly(Leniency.OPTIONAL_STATE_NONCE_PKCE);
        }
        assertThatThrownBy(() -> ItsmeSimulatorMain.start("--port", "0", "--lenient", "everything-goes"))
                .hasMessageContaining("unknown leniency").hasMessageContaining("optional-state-nonce-pkce");
    }

    @Test
    void badArgumentsAreExplained() {
        assertThatThrownBy(() -> ItsmeSimulatorMain.start("--redirect-uri", REDIRECT)).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("--client-id");
        assertThatThrownBy(() -> ItsmeSimulatorMain.start("--port", "0", "--client-id", "x", "--redirect-uri",
                REDIRECT, "--service", "A=LOGIN")).hasMessageContaining("jwks");
        assertThatThrownBy(() -> ItsmeSimulatorMain.start("--port", "0", "--client-id", "x", "--service", "A=MAGIC"))
                .hasMessageContaining("LOGIN (Authentication), SHARE_DATA");
        assertThatThrownBy(() -> ItsmeSimulatorMain.start("--colour", "red")).hasMessageContaining("--colour");
        assertThatThrownBy(() -> ItsmeSimulatorMain.start("--port")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ItsmeSimulatorMain.start("--port", "0", "--auto-approve", "nobody"))
                .hasMessageContaining("unknown person");
    }
}

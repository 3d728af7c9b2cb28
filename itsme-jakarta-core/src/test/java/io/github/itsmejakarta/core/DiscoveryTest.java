package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.support.FakeItsme;
import io.github.itsmejakarta.core.support.FakeItsme.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The discovery document's checks (OpenID Connect Discovery 4), against a scripted provider on loopback. */
class DiscoveryTest {
    private static RelyingPartyKeys keys;
    private FakeItsme fake;
    private ItsmeClient client;

    @BeforeAll
    static void keys() {
        keys = RelyingPartyKeys.generate();
    }

    @BeforeEach
    void start() throws Exception {
        fake = new FakeItsme(keys);
        client = ItsmeClient.builder().discoveryUri(fake.discoveryUri()).clientId("rp").keys(keys)
                .redirectUri(URI.create("http://127.0.0.1/cb")).build();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    @DisplayName("accepting twin: the valid document is read, endpoints and algorithms exposed")
    void valid() throws Exception {
        ItsmeProviderMetadata m = client.metadata();
        assertThat(m.issuer()).isEqualTo(fake.issuer());
        assertThat(m.tokenEndpoint()).isEqualTo(fake.issuer() + "/token");
        assertThat(m.requestObjectEncryptionAlgValuesSupported()).isEmpty();
        assertThat(client.authorize(AuthorizationRequest.login("L")).uri().toString())
                .startsWith(fake.issuer() + "/authorization?response_type=code&client_id=rp&");
    }

    @Test
    @DisplayName("an endpoint over plain http to another host is refused (ITSME-1102)")
    void insecureEndpoint() {
        fake.discovery(Answer.json(200,
                fake.discoveryWith("\"token_endpoint\":\"" + fake.issuer() + "/token\"",
                        "\"token_endpoint\":\"http://evil.example/token\"")));
        assertThatThrownBy(client::metadata).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1102").hasMessageContaining("token_endpoint");
    }

    @Test
    @DisplayName("a missing jwks_uri is refused (ITSME-1102)")
    void missingJwksUri() {
        fake.discovery(Answer.json(200, fake.discoveryWith("\"jwks_uri\"", "\"jwks\"")));
        assertThatThrownBy(client::metadata).hasMessageStartingWith("ITSME-1102").hasMessageContaining("jwks_uri");
    }

    @Test
    @DisplayName("a JSON array or non-JSON document is refused (ITSME-1102)")
    void notAnObject() {
        fake.discovery(Answer.json(200, "[1,2,3]"));
        assertThatThrownBy(client::metadata).hasMessageStartingWith("ITSME-1102");
        fake.discovery(Answer.json(200, "<html>"));
        assertThatThrownBy(client::metadata).hasMessageStartingWith("ITSME-1102");
    }

    @Test
    @DisplayName("a discovery answered 404 is a communication failure (ITSME-1101), retried on next use")
    void notFound() throws Exception {
        fake.discovery(Answer.json(404, "{}"));
        assertThatThrownBy(client::metadata).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1101");
        fake.discovery(null);
        assertThat(client.metadata().issuer()).isEqualTo(fake.issuer());
    }

    @Test
    @DisplayName("checklist 27: an issuer with a trailing slash is not the issuer (ITSME-1103)")
    void trailingSlash() {
        fake.discovery(Answer.json(200, fake.discoveryWith("\"issuer\":\"" + fake.issuer() + "\"",
                "\"issuer\":\"" + fake.issuer() + "/\"")));
        assertThatThrownBy(client::metadata).hasMessageStartingWith("ITSME-1103");
    }
}

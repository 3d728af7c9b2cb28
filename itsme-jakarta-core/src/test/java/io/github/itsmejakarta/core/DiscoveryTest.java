package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.support.FakeItsme;
import io.github.itsmejakarta.core.support.FakeItsme.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.github.itsmejakarta.core.support.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;

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
        // failures not remembered here, so that each test can script the next answer; DiscoveryOutageTest has the memory
        client = builder().discoveryFailureMemory(Duration.ZERO).build();
    }

    private ItsmeClientBuilder builder() {
        return ItsmeClient.builder().discoveryUri(fake.discoveryUri()).clientId("rp").keys(keys)
                .redirectUri(URI.create("http://127.0.0.1/cb"));
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

    @Test
    @DisplayName("a failure is remembered for discoveryFailureMemory (ITSME-1104, no fetch), then tried again")
    void failureRemembered() throws Exception {
        MutableClock clock = new MutableClock();
        ItsmeClient remembering = builder().clock(clock).discoveryFailureMemory(Duration.ofSeconds(10)).build();
        fake.discovery(Answer.json(503, "{}"));
        assertThatThrownBy(remembering::metadata).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1101");
        fake.discovery(null);
        int fetches = fake.paths().size();
        clock.advance(Duration.ofSeconds(9));
        assertThatThrownBy(remembering::metadata).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1104").hasMessageContaining("ITSME-1101")
                .hasCauseInstanceOf(ItsmeCommunicationException.class);
        assertThat(fake.paths()).hasSize(fetches);
        assertThat(remembering.hasReadDiscovery()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(remembering.metadata().issuer()).isEqualTo(fake.issuer());
        assertThat(remembering.hasReadDiscovery()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"response_types_supported\"|\"code_challenge_methods_supported\":[\"plain\"],\"response_types_supported\"|code_challenge_methods_supported lists none of S256",
            "\"response_types_supported\"|\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"],\"response_types_supported\"|token_endpoint_auth_methods_supported lists none of private_key_jwt",
            "\"response_types_supported\"|\"request_object_signing_alg_values_supported\":[\"none\"],\"response_types_supported\"|request_object_signing_alg_values_supported lists none of RS256",
            "\"response_types_supported\"|\"request_object_encryption_alg_values_supported\":[\"RSA1_5\"],\"response_types_supported\"|request_object_encryption_alg_values_supported lists none of RSA-OAEP-256, RSA-OAEP",
            "\"response_types_supported\"|\"request_object_encryption_enc_values_supported\":[\"A192GCM\"],\"response_types_supported\"|request_object_encryption_enc_values_supported lists none of"})
    @DisplayName("discovery that lacks what the client needs fails when first read, naming the mismatch (ITSME-1016)")
    void unsupported(String from, String to, String named) {
        fake.discovery(Answer.json(200, fake.discoveryWith(from, to)));
        assertThatThrownBy(client::metadata).isInstanceOf(ItsmeConfigurationException.class)
                .hasMessageStartingWith("ITSME-1016").hasMessageContaining(named);
    }

    @Test
    @DisplayName("request_uri_parameter_supported false fails only a client that serves request objects by reference")
    void requestUriUnsupported() throws Exception {
        fake.discovery(Answer.json(200, fake.discoveryWith("\"response_types_supported\"",
                "\"request_uri_parameter_supported\":false,\"response_types_supported\"")));
        ItsmeClient byReference = builder().discoveryFailureMemory(Duration.ZERO)
                .requestUriBase(URI.create("http://127.0.0.1/ro")).build();
        assertThatThrownBy(byReference::metadata).isInstanceOf(ItsmeConfigurationException.class)
                .hasMessageStartingWith("ITSME-1016").hasMessageContaining("request_uri_parameter_supported");
        assertThat(client.metadata().requestUriParameterSupported()).isFalse();
        // a client without a base of its own is checked per login, when one asks for REFERENCE
        assertThatThrownBy(() -> client.authorize(AuthorizationRequest.login("L").requestObject(
                RequestObjectMode.REFERENCE), URI.create("http://127.0.0.1/cb"), URI.create("http://127.0.0.1/ro")))
                .hasMessageStartingWith("ITSME-1016");
        assertThat(client.authorize(AuthorizationRequest.login("L")).uri()).isNotNull();
    }

    @Test
    @DisplayName("accepting twin: the lists naming what core uses among others pass")
    void supported() throws Exception {
        fake.discovery(Answer.json(200, fake.discoveryWith("\"response_types_supported\"",
                "\"code_challenge_methods_supported\":[\"plain\",\"S256\"],"
                        + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"private_key_jwt\"],"
                        + "\"request_object_encryption_enc_values_supported\":[\"A192GCM\",\"A256GCM\"],"
                        + "\"request_uri_parameter_supported\":true,\"response_types_supported\"")));
        ItsmeClient byReference = builder().requestUriBase(URI.create("http://127.0.0.1/ro")).build();
        assertThat(byReference.metadata().codeChallengeMethodsSupported()).contains("S256");
    }
}

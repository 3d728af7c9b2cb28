package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItsmeClientBuilderTest {
    private static RelyingPartyKeys keys;

    @BeforeAll
    static void keys() {
        keys = RelyingPartyKeys.generate();
    }

    private static ItsmeClientBuilder valid() {
        return ItsmeClient.builder().discovery(ItsmeEnvironment.E2E).clientId("client").keys(keys)
                .redirectUri(URI.create("https://app.example/itsme/callback"));
    }

    @Test
    @DisplayName("a complete configuration builds without any network call; the environment fixes the issuer")
    void builds() throws Exception {
        ItsmeClient client = valid().build();
        assertThat(client.issuer()).isEqualTo("https://idp.e2e.itsme.services/v2");
        assertThat(client.keys()).isSameAs(keys);
        assertThat(client.clientId()).isEqualTo("client");
    }

    @Test
    @DisplayName("a custom discovery URI gives the issuer without the well-known suffix, unless set explicitly")
    void customDiscovery() throws Exception {
        ItsmeClientBuilder b = valid().discovery(null)
                .discoveryUri(URI.create("http://127.0.0.1:1/v2/.well-known/openid-configuration"));
        assertThat(b.build().issuer()).isEqualTo("http://127.0.0.1:1/v2");
        assertThat(b.expectedIssuer("https://other/v2").build().issuer()).isEqualTo("https://other/v2");
    }

    @Test
    @DisplayName("nothing set: every missing setting is listed under ITSME-1005")
    void allMissing() {
        assertThatThrownBy(() -> ItsmeClient.builder().build()).isInstanceOf(ItsmeConfigurationException.class)
                .hasMessageStartingWith("ITSME-1005").hasMessageContaining("'discovery'")
                .hasMessageContaining("'clientId'").hasMessageContaining("'keys'")
                .hasMessageContaining("'redirectUri'")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(4));
    }

    @Test
    @DisplayName("the builder is immutable: a setter returns a new builder and leaves the original as it was")
    void builderImmutable() throws Exception {
        ItsmeClientBuilder base = valid();
        ItsmeClientBuilder other = base.clientId("other");
        assertThat(other).isNotSameAs(base);
        assertThat(base.build().clientId()).isEqualTo("client");
        assertThat(other.build().clientId()).isEqualTo("other");
    }

    @Test
    @DisplayName("a single problem is reported with its own id")
    void singleProblem() {
        assertThatThrownBy(() -> valid().clientId(" ").build()).isInstanceOf(ItsmeConfigurationException.class)
                .hasMessage("ITSME-1001: Required setting 'clientId' is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example/cb", "http://10.0.0.1/cb", "http://localhost.evil.com/cb",
            "http://128.0.0.1/cb"})
    @DisplayName("plain http to a non-loopback host is refused (ITSME-1003)")
    void httpRefused(String uri) {
        assertThatThrownBy(() -> valid().redirectUri(URI.create(uri)).build())
                .isInstanceOf(ItsmeConfigurationException.class).hasMessageStartingWith("ITSME-1003")
                .hasMessageContaining("redirectUri");
        assertThatThrownBy(() -> valid().discovery(null)
                .discoveryUri(URI.create(uri.replace("/cb", "/.well-known/openid-configuration"))).build())
                .hasMessageStartingWith("ITSME-1003");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/cb", "http://localhost/cb", "http://[::1]:9/cb",
            "http://127.1.2.3/cb", "https://app.example/cb?x=1"})
    @DisplayName("https anywhere and plain http to loopback are accepted")
    void loopbackAccepted(String uri) throws Exception {
        assertThat(valid().redirectUri(URI.create(uri)).build().redirectUri()).isEqualTo(URI.create(uri));
    }

    @Test
    @DisplayName("clock skew above 5 minutes, non-positive timeouts and fragments are refused (ITSME-1002)")
    void invalidValues() {
        assertThatThrownBy(() -> valid().clockSkew(Duration.ofMinutes(6)).build())
                .hasMessageStartingWith("ITSME-1002").hasMessageContaining("clockSkew");
        assertThatThrownBy(() -> valid().jwksRefetchInterval(Duration.ofMillis(100)).build())
                .hasMessageStartingWith("ITSME-1002").hasMessageContaining("jwksRefetchInterval");
        assertThatThrownBy(() -> valid().readTimeout(Duration.ZERO).build()).hasMessageStartingWith("ITSME-1002")
                .hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> valid().redirectUri(URI.create("https://a/cb#frag")).build())
                .hasMessageStartingWith("ITSME-1002");
        assertThatThrownBy(() -> valid().requestUriBase(URI.create("http://evil.example/ro")).build())
                .hasMessageStartingWith("ITSME-1003");
        assertThatThrownBy(
                () -> valid().discoveryUri(URI.create("https://idp.e2e.itsme.services/v2/x")).build())
                .hasMessageStartingWith("ITSME-1002").hasMessageContaining("not both");
        assertThatThrownBy(() -> valid().discovery(null)
                .discoveryUri(URI.create("https://idp.example/v2/discovery.json")).build())
                .hasMessageStartingWith("ITSME-1001").hasMessageContaining("expectedIssuer");
    }

    @Test
    @DisplayName("a clock skew of exactly 5 minutes is accepted")
    void maxSkewAccepted() throws Exception {
        assertThat(valid().clockSkew(Duration.ofMinutes(5)).build()).isNotNull();
        assertThat(valid().jwksRefetchInterval(Duration.ofSeconds(2)).build()).isNotNull();
    }

    @Test
    @DisplayName("REFERENCE without requestUriBase fails at authorize with ITSME-1007, before any network call")
    void referenceNeedsBase() throws Exception {
        ItsmeClient client = valid().build();
        assertThatThrownBy(() -> client
                .authorize(AuthorizationRequest.login("L").requestObject(RequestObjectMode.REFERENCE)))
                .isInstanceOf(ItsmeConfigurationException.class).hasMessageStartingWith("ITSME-1007");
    }

    @Test
    @DisplayName("the limits of ItsmeDefaults: timeouts over 2 min, logins over 1 h, answers under 1 KiB are refused")
    void limitsFromDefaults() {
        assertThatThrownBy(() -> valid().connectTimeout(Duration.ofMinutes(2).plusSeconds(1)).build())
                .hasMessageStartingWith("ITSME-1002").hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> valid().pendingLifetime(Duration.ofHours(1).plusSeconds(1)).build())
                .hasMessageStartingWith("ITSME-1002").hasMessageContaining("pendingLifetime");
        assertThatThrownBy(() -> valid().maxTokenAge(Duration.ofHours(2)).build())
                .hasMessageStartingWith("ITSME-1002").hasMessageContaining("maxTokenAge");
        assertThatThrownBy(() -> valid().maxResponseBytes(1023).build()).hasMessageStartingWith("ITSME-1002")
                .hasMessageContaining("maxResponseBytes");
        assertThatThrownBy(() -> valid().clock(null).readTimeout(null).build()).hasMessageStartingWith("ITSME-1005")
                .hasMessageContaining("Required setting 'clock'")
                .hasMessageContaining("Required setting 'readTimeout'");
    }

    @Test
    @DisplayName("accepting twin: every limit itself is accepted, and the defaults are ItsmeDefaults'")
    void limitsAccepted() throws Exception {
        ItsmeClient client = valid().connectTimeout(ItsmeDefaults.MAX_TIMEOUT).readTimeout(ItsmeDefaults.MAX_TIMEOUT)
                .pendingLifetime(ItsmeDefaults.MAX_PENDING_LIFETIME).maxTokenAge(ItsmeDefaults.MAX_TOKEN_AGE_LIMIT)
                .clockSkew(Duration.ZERO).maxResponseBytes(ItsmeDefaults.MIN_RESPONSE_BYTES).build();
        assertThat(client.pendingLifetime()).isEqualTo(ItsmeDefaults.MAX_PENDING_LIFETIME);
        assertThat(valid().build().pendingLifetime()).isEqualTo(ItsmeDefaults.PENDING_LIFETIME);
    }
}

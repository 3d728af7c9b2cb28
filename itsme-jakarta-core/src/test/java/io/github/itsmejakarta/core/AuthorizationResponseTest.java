package io.github.itsmejakarta.core;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizationResponseTest {
    @Test
    @DisplayName("single-valued servlet parameters are read; unrelated repeated parameters are ignored")
    void servletMap() throws Exception {
        AuthorizationResponse r = AuthorizationResponse.fromParameterMap(Map.of("code", new String[]{"c1"},
                "state", new String[]{"s1"}, "utm", new String[]{"a", "b"}));
        assertThat(r.code()).contains("c1");
        assertThat(r.state()).contains("s1");
        assertThat(r.isError()).isFalse();
        assertThat(r.toString()).doesNotContain("c1");
    }

    @Test
    @DisplayName("checklist 24/26: a repeated code or state is refused (ITSME-1208)")
    void duplicates() {
        assertThatThrownBy(() -> AuthorizationResponse
                .fromParameterMap(Map.of("code", new String[]{"a", "b"}, "state", new String[]{"s"})))
                .isInstanceOf(ItsmeRejectedException.class).hasMessageStartingWith("ITSME-1208");
        assertThatThrownBy(() -> AuthorizationResponse.fromQuery("state=a&code=c&state=b"))
                .isInstanceOf(ItsmeRejectedException.class).hasMessageContaining("'state'");
    }

    @Test
    @DisplayName("error responses keep error and description, URL-decoded")
    void errors() throws Exception {
        AuthorizationResponse r = AuthorizationResponse
                .fromUri(URI.create("https://app/cb?error=access_denied&error_description=User+said%20no&state=s"));
        assertThat(r.isError()).isTrue();
        assertThat(r.error()).contains("access_denied");
        assertThat(r.errorDescription()).contains("User said no");
        assertThat(AuthorizationResponse.of(Map.of("iss", "https://x")).issuer()).contains("https://x");
    }
}

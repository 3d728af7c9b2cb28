package io.github.itsmejakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedirectUrisTest {
    @Test
    void theRequestUriBaseFollowsTheRedirectUrisPrefixWithAnExplicitHttpsPort() {
        assertThat(RedirectUris.requestUriBase(URI.create("https://app.example/shop/itsme/callback"),
                "/itsme/callback", "/itsme/request"))
                .isEqualTo(URI.create("https://app.example:443/shop/itsme/request"));
        assertThat(RedirectUris.requestUriBase(URI.create("https://app.example:8443/itsme/callback"),
                "/itsme/callback", "/itsme/request")).isEqualTo(URI.create("https://app.example:8443/itsme/request"));
        assertThat(RedirectUris.requestUriBase(URI.create("http://127.0.0.1:8080/app/itsme/callback"),
                "/itsme/callback", "/ro")).isEqualTo(URI.create("http://127.0.0.1:8080/app/ro"));
    }

    @Test
    void aRedirectUriWithAnotherPathGivesTheOriginPlusThePath() {
        assertThat(RedirectUris.requestUriBase(URI.create("https://app.example/login/return"), "/itsme/callback",
                "/itsme/request")).isEqualTo(URI.create("https://app.example:443/itsme/request"));
    }
}

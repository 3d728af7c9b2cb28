package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.internal.request.Pkce;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PkceTest {
    @Test
    @DisplayName("RFC 7636 appendix B: the S256 challenge of the example verifier")
    void rfc7636AppendixB() {
        assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    @DisplayName("fresh verifiers are 43 unreserved characters and differ")
    void freshVerifiers() {
        String a = Pkce.newVerifier();
        String b = Pkce.newVerifier();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9\\-._~]+").isNotEqualTo(b);
        assertThat(Pkce.challenge(a)).hasSize(43);
    }

    @Test
    @DisplayName("a verifier shorter than 43 characters or with reserved characters is refused")
    void badVerifiers() {
        assertThatThrownBy(() -> Pkce.challenge("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pkce.challenge("dBjftJeZ4CVP+mB92K27uhbUJU1p1r/wW1gFWFOEjXk"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.github.itsmejakarta.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {
    @ParameterizedTest
    @ValueSource(chars = {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
            '\u200E', '\u200F', '\u061C'})
    @DisplayName("bidirectional controls are stripped from descriptions (Trojan Source, CVE-2021-42574)")
    void bidiStripped(char control) {
        assertThat(SafeText.description("user " + control + "nimda" + control + " denied"))
                .isEqualTo("user nimda denied");
    }

    @Test
    @DisplayName("accepting twin: right-to-left text itself (Arabic, Hebrew) and accents are kept")
    void rtlTextKept() {
        assertThat(SafeText.description("تم الرفض – refusé – נדחה")).isEqualTo("تم الرفض – refusé – נדחה");
        assertThat(SafeText.description("a\nb\u2028c")).isEqualTo("a b c");
        assertThat(SafeText.description(null)).isNull();
    }

    @Test
    @DisplayName("a bearer challenge's error and description are read; an absent header has none")
    void bearerChallenge() {
        BearerChallenge c = BearerChallenge
                .parse("Bearer realm=\"itsme\", error=\"invalid_token\", error_description=\"expired\"");
        assertThat(c.error()).contains("invalid_token");
        assertThat(c.description()).contains("expired");
        assertThat(BearerChallenge.parse(null).error()).isEmpty();
        assertThat(BearerChallenge.parse("Bearer realm=\"itsme\"").description()).isEmpty();
    }

    @Test
    @DisplayName("query parameters are appended to an endpoint's own query, form-encoded with %20 for spaces")
    void urlQuery() {
        assertThat(UrlQuery.append(URI.create("https://idp/auth?x=1"), Map.of("scope", "openid profile")))
                .hasToString("https://idp/auth?x=1&scope=openid%20profile");
        assertThat(UrlQuery.child(URI.create("https://app/ro/"), "id1")).hasToString("https://app/ro/id1");
        assertThat(UrlQuery.child(URI.create("https://app/ro"), "id1")).hasToString("https://app/ro/id1");
    }
}

package io.github.itsmejakarta.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.testkit.ItsmeClaimNames;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The simulator's small building blocks, each against its rule. */
class SmallPartsTest {

    @Test
    void pkceMatchesTheRfc7636AppendixBExample() {
        assertThat(Pkce.matches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")).isTrue();
        assertThat(Pkce.matches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXj",
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")).isFalse();
    }

    @Test
    void pkceVerifierIs43To128UnreservedCharacters() {
        assertThat(Pkce.wellFormed("a".repeat(43))).isTrue();
        assertThat(Pkce.wellFormed("a".repeat(128))).isTrue();
        assertThat(Pkce.wellFormed("A-._~" + "0".repeat(38))).isTrue();
        assertThat(Pkce.wellFormed("a".repeat(42))).isFalse();
        assertThat(Pkce.wellFormed("a".repeat(129))).isFalse();
        assertThat(Pkce.wellFormed("a".repeat(42) + "+")).isFalse();
        assertThat(Pkce.wellFormed(null)).isFalse();
    }

    @Test
    void htmlEscapesEveryActiveCharacter() {
        assertThat(Html.escape("<a href=\"x\" onclick='y'>&`</a>")).isEqualTo(
                "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;");
        assertThat(Html.escape("plain text 123")).isEqualTo("plain text 123");
    }

    @Test
    void fetchPolicyAllowsHttpsAndLoopbackHttpOnly() {
        assertThat(FetchPolicy.allowed(URI.create("https://rp.example/jwks"))).isTrue();
        assertThat(FetchPolicy.allowed(URI.create("http://127.0.0.1:8080/jwks"))).isTrue();
        assertThat(FetchPolicy.allowed(URI.create("http://localhost:8080/jwks"))).isTrue();
        assertThat(FetchPolicy.allowed(URI.create("http://[::1]:8080/jwks"))).isTrue();
        assertThat(FetchPolicy.allowed(URI.create("http://rp.example/jwks"))).isFalse();
        assertThat(FetchPolicy.allowed(URI.create("http://10.0.0.1/jwks"))).isFalse();
        assertThat(FetchPolicy.allowed(URI.create("file:///etc/passwd"))).isFalse();
        assertThat(FetchPolicy.allowed(URI.create("/relative"))).isFalse();
    }

    @Test
    void stricterAcrWinsCaseInsensitively() {
        assertThat(Acrs.strictest(null)).isEqualTo(ItsmeClaimNames.ACR_BASIC);
        assertThat(Acrs.strictest(" ")).isEqualTo(ItsmeClaimNames.ACR_BASIC);
        assertThat(Acrs.strictest(ItsmeClaimNames.ACR_ADVANCED + " " + ItsmeClaimNames.ACR_BASIC))
                .isEqualTo(ItsmeClaimNames.ACR_ADVANCED);
        assertThat(Acrs.strictest("HTTP://ITSME.SERVICES/V2/CLAIM/ACR_ADVANCED")).isEqualTo(
                ItsmeClaimNames.ACR_ADVANCED);
        assertThat(Acrs.strictest("urn:other")).isEqualTo(ItsmeClaimNames.ACR_BASIC);
    }

    @Test
    void urlEncodedKeepsRepeatedValuesAndDecodes() {
        Map<String, List<String>> parsed = UrlEncoded.parse("a=1&a=2&b=x%20y+z&c&d=%zz");
        assertThat(parsed).containsEntry("a", List.of("1", "2")).containsEntry("b", List.of("x y z"))
                .containsEntry("c", List.of("")).containsEntry("d", List.of("%zz"));
        assertThat(UrlEncoded.parse(null)).isEmpty();
    }

    @Test
    void expiringStoreHandsAValueOutOnceAndForgetsItAtExpiry() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        ExpiringStore<String> store = new ExpiringStore<>(clock, Duration.ofMinutes(3));
        store.put("k", "v");
        assertThat(store.get("k")).hasValue("v");
        assertThat(store.take("k")).hasValue("v");
        assertThat(store.take("k")).isEmpty();
        store.put("k2", "v2");
        now[0] = now[0].plus(Duration.ofMinutes(3));
        assertThat(store.take("k2")).isEmpty();
    }

    @Test
    void jsonRoundTripsJavaValues() {
        Map<String, Object> value = Map.of("s", "x", "n", 1L, "b", true, "o", Map.of("l", List.of(1L, "two")));
        assertThat(Json.parseObject(Json.write(value))).isEqualTo(value);
    }
}

package io.github.itsmejakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checklist item 31: only a path of this application is a return target. */
class ReturnPathsTest {
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"https://evil.example/", "http://evil.example", "//evil.example", "//evil.example/path",
            "/\\evil.example", "\\/evil.example", "\\\\evil.example", "/\t/evil.example", "/\n/evil.example",
            "/ /evil.example", "/\r\n/evil", "evil.example", "javascript:alert(1)", "/path#fragment",
            "/a\\b", "/\u0000x", "/\u007fx", "/\u2028x"})
    void refuses(String candidate) {
        assertThat(ReturnPaths.safe(candidate)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/orders", "/orders?id=4&x=%2F%2Fevil", "/a/b/c/", "/caf%C3%A9", "/café",
            "/a//b", "/a?next=//evil.example"})
    void accepts(String candidate) {
        assertThat(ReturnPaths.safe(candidate)).contains(candidate);
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongPaths() {
        assertThat(ReturnPaths.safe("/" + "a".repeat(ReturnPaths.MAX_LENGTH))).isEmpty();
        assertThat(ReturnPaths.safe("/" + "a".repeat(ReturnPaths.MAX_LENGTH - 1))).isPresent();
    }
}

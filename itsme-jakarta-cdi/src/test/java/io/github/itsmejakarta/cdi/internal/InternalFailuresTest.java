package io.github.itsmejakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** Issue 7 items 11 and 14: what ITSME-1730 logs, and the WildFly hint. */
class InternalFailuresTest {
    static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJlLWJ5dGVzLWxvbmctZW5vdWdo";

    @Test
    void theLogNamesTheClassTheSanitisedMessageAndTheCauseChain() {
        Exception failure = new IllegalArgumentException("bad value",
                new UncheckedIOException(new IOException("disk")));
        assertThat(InternalFailures.describe(failure)).isEqualTo("java.lang.IllegalArgumentException: bad value"
                + " [caused by java.io.UncheckedIOException <- java.io.IOException]");
    }

    @Test
    void aMessageWithoutCauseOrTextIsJustTheClass() {
        assertThat(InternalFailures.describe(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void tokensControlAndBidiCharactersNeverReachTheLogAndLongMessagesAreCut() {
        String forged = "token " + JWT + " end\nFAKE LOG LINE \u202Eevil\u2066";
        String described = InternalFailures.describe(new IllegalStateException(forged));
        assertThat(described).doesNotContain(JWT).doesNotContain("\n").doesNotContain("\u202E")
                .doesNotContain("\u2066").contains("token […] end FAKE LOG LINE  evil");
        String longText = "word ".repeat(200);
        assertThat(InternalFailures.sanitise(longText)).hasSize(InternalFailures.MAX_MESSAGE + 1).endsWith("…");
        assertThat(InternalFailures.sanitise("short and plain")).isEqualTo("short and plain");
    }

    @Test
    void wildFlysIntegratedJaspiFailureIsRecognisedWithItsFix() {
        assertThat(InternalFailures.hint(new IllegalStateException("UT010019: Response already commited")))
                .startsWith("ITSME-1734").contains("integrated-jaspi=false");
        assertThat(InternalFailures.hint(new RuntimeException("wrapped",
                new SecurityException("ELY01177: Authorization failed")))).startsWith("ITSME-1734");
    }

    @Test
    void otherFailuresGetNoHint() {
        assertThat(InternalFailures.hint(new IllegalStateException("Session already invalidated"))).isNull();
        assertThat(InternalFailures.hint(new IllegalArgumentException("Response already committed"))).isNull();
    }
}

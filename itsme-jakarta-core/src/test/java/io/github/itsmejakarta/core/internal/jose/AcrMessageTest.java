package io.github.itsmejakarta.core.internal.jose;

import static io.github.itsmejakarta.core.testing.TokenFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.ItsmeRejectedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ITSME-1416 names the acr value itsme sent (sanitised), not the level core mapped it to. */
@DisplayName("ITSME-1416 prints the acr received")
class AcrMessageTest {
    final ItsmeTokenProcessor processor = processor(clock());

    ItsmeRejectedException rejection(String token, Acr requested) {
        return catchThrowableOfType(() -> processor.processIdToken(token, NONCE, requested),
                ItsmeRejectedException.class);
    }

    @Test
    void the_received_value_is_in_the_message() {
        ItsmeRejectedException e = rejection(idToken().claim("acr", ACR_BASIC).build(), Acr.ADVANCED);
        assertThat(e.messageId()).isEqualTo("ITSME-1416");
        assertThat(e.getMessage()).contains("'" + ACR_BASIC + "'").contains(Acr.ADVANCED.uri())
                .doesNotContain("BASIC'");
    }

    @Test
    void an_unknown_value_is_printed_sanitised_and_shortened() {
        String hostile = "urn:x\nITSME-0000: forged line\u202e" + "y".repeat(300);
        ItsmeRejectedException e = rejection(idToken().claim("acr", hostile).build(), Acr.BASIC);
        assertThat(e.messageId()).isEqualTo("ITSME-1416");
        assertThat(e.getMessage()).contains("urn:x?ITSME-0000: forged line?yyy").doesNotContain("\n")
                .doesNotContain("\u202e").doesNotContain("y".repeat(120));
        assertThat(rejection(idToken().without("acr").build(), Acr.BASIC).getMessage()).contains("(none)");
    }

    @Test
    void twin_a_sufficient_acr_is_accepted() throws Exception {
        assertThat(processor.processIdToken(idToken().claim("acr", ACR_ADVANCED).build(), NONCE, Acr.ADVANCED)
                .acrValue()).contains(ACR_ADVANCED);
    }
}

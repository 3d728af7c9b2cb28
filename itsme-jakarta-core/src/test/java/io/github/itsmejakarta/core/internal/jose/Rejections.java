package io.github.itsmejakarta.core.internal.jose;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeRejectedException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts a rejection by its message id. */
final class Rejections {
    private Rejections() {
    }

    static void assertRejected(ThrowingCallable call, String messageId) {
        assertThatThrownBy(call).isInstanceOf(ItsmeRejectedException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ItsmeException) e).messageId())
                        .as("message id of: %s", e.getMessage()).isEqualTo(messageId));
    }
}

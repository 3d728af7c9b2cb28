package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.core.Approval;
import io.github.itsmejakarta.core.ItsmeIdentity;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of a Confirm flow the user completed: what was asked ({@link Approval}), the verified identity itsme
 * returned for it (whose claims echo the approved values) and when the callback was processed. Only completed
 * confirmations exist: a refused or failed one ends on an error page and leaves the previous result in place.
 *
 * <p>Immutable and thread-safe; serializable (kept in the HTTP session).
 */
public record ItsmeConfirmation(Approval approval, ItsmeIdentity identity,
        Instant confirmedAt) implements Serializable {
    public ItsmeConfirmation {
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
    }
}

package io.github.itsmejakarta.core.claims;

import java.io.Serializable;

/**
 * The {@code address} claim (OIDC Core 5.1.1). Members itsme did not send are {@code null}; {@code country} is often
 * absent.
 *
 * <p>Immutable and thread-safe.
 */
public record Address(String formatted, String streetAddress, String postalCode, String locality, String country)
        implements
            Serializable {
}

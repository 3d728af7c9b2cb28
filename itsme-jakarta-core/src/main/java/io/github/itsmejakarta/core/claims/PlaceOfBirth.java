package io.github.itsmejakarta.core.claims;

import java.io.Serializable;

/**
 * itsme's {@code place_of_birth} claim ({@code {formatted, city, country}}). A v1 plain-string value becomes
 * {@code formatted} and {@code city}. Members itsme did not send are {@code null}.
 *
 * <p>Immutable and thread-safe.
 */
public record PlaceOfBirth(String formatted, String city, String country) implements Serializable {
}

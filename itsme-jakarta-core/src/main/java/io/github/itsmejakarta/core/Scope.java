package io.github.itsmejakarta.core;

/**
 * The optional scopes itsme understands (itsme claims page). {@code openid} and {@code service:<code>} are always
 * sent by the library and are therefore not listed.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Scope {
    /** {@code profile}: names, gender, locale, picture, birth date. */
    PROFILE("profile"),
    /** {@code email}. */
    EMAIL("email"),
    /** {@code address}. */
    ADDRESS("address"),
    /** {@code phone}. */
    PHONE("phone"),
    /** {@code eid}: Belgian national number and eID card number. */
    EID("eid"),
    /** {@code idDocument}: identity document number, type and issuing country. */
    ID_DOCUMENT("idDocument");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The scope token exactly as itsme spells it. */
    public String value() {
        return value;
    }

    /**
     * The scope spelled {@code value} (exact, case-sensitive, as scope tokens are: RFC 6749 3.3).
     *
     * @throws IllegalArgumentException if no scope has that spelling
     */
    public static Scope fromValue(String value) {
        for (Scope scope : values()) {
            if (scope.value.equals(value)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("Unknown itsme scope: " + value);
    }
}

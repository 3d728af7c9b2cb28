package io.github.itsmejakarta.core;

/**
 * One entry of a message catalogue: a stable id of the form {@code ITSME-1xxx} and a text template whose {@code %s}
 * placeholders are filled with safe values only (names, ids, limits; never a token, code, verifier, cookie or key).
 * Core's {@link ItsmeMessage} and the Jakarta integration's catalogue implement it, so that both format the same way.
 *
 * <p>Implementations are immutable and thread-safe (enums).
 */
public interface MessageId {
    /** The stable id, e.g. {@code ITSME-1203}. Ids are never reused or renumbered. */
    String id();

    /** The text with its placeholders, without the id. */
    String template();

    /** The full message: {@code "ITSME-1203: ..."} with the arguments filled in. */
    default String format(Object... args) {
        return id() + ": " + String.format(template(), args);
    }
}

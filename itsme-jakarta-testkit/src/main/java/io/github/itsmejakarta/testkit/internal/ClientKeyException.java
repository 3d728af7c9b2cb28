package io.github.itsmejakarta.testkit.internal;

/** A relying party's key could not be found or fetched; the message is safe to show (no key material). */
public final class ClientKeyException extends Exception {

    private static final long serialVersionUID = 1L;

    public ClientKeyException(String message) {
        super(message);
    }

    public ClientKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}

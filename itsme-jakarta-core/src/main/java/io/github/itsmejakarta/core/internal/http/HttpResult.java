package io.github.itsmejakarta.core.internal.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * An answer read completely within the size bound.
 *
 * <p>Immutable and thread-safe (the body array is never handed out).
 *
 * @param status HTTP status code
 * @param headers response headers
 * @param body the body bytes
 */
public record HttpResult(int status, HttpHeaders headers, byte[] body) {
    /** The body as UTF-8 text (RFC 8259 8.1: JSON is UTF-8). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A header's first value, or {@code null}. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}

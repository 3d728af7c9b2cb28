package io.github.itsmejakarta.testkit.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the handlers see it: read once, body included. Immutable.
 *
 * @param method upper-case method
 * @param path the raw path
 * @param query decoded query parameters
 * @param form decoded form parameters (empty unless the body is {@code application/x-www-form-urlencoded})
 * @param headers headers with lower-case names
 */
public record SimRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> form,
        Map<String, List<String>> headers) {

    /** The first value of a form parameter. */
    public Optional<String> formParam(String name) {
        return first(form, name);
    }

    /** The first value of a header (lower-case name). */
    public Optional<String> header(String name) {
        return first(headers, name);
    }

    private static Optional<String> first(Map<String, List<String>> map, String name) {
        List<String> values = map.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }
}

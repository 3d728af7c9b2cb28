package io.github.itsmejakarta.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request the simulator received, as seen on the wire, so that a test can assert what the relying party
 * sent (for instance that the token request carried a {@code code_verifier}, or that no userinfo call was made).
 * Header names are lower-case. Immutable.
 *
 * @param method the HTTP method, upper-case
 * @param path the request path, e.g. {@code /v2/token}
 * @param endpoint the endpoint the path belongs to, empty for paths the simulator does not serve
 * @param queryParameters decoded query parameters
 * @param formParameters decoded {@code application/x-www-form-urlencoded} body parameters (empty for other bodies)
 * @param headers request headers, names lower-case
 * @param receivedAt when the simulator received it, by the simulator's clock
 */
public record RecordedRequest(String method, String path, Optional<Endpoint> endpoint,
        Map<String, List<String>> queryParameters, Map<String, List<String>> formParameters,
        Map<String, List<String>> headers, Instant receivedAt) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(receivedAt, "receivedAt");
        queryParameters = copy(queryParameters);
        formParameters = copy(formParameters);
        headers = copy(headers);
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        return first(queryParameters, name);
    }

    /** The first value of a form parameter. */
    public Optional<String> formParameter(String name) {
        return first(formParameters, name);
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        return first(headers, name.toLowerCase(java.util.Locale.ROOT));
    }

    private static Optional<String> first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.ofNullable(list.get(0));
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
        if (values == null) {
            return Map.of();
        }
        java.util.LinkedHashMap<String, List<String>> copy = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}

package io.github.itsmejakarta.testkit.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response a handler returns; the server writes it. Immutable.
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body body bytes (may be empty)
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store", "Pragma", "no-cache");

    public SimResponse {
        headers = Map.copyOf(headers);
    }

    /** A JSON response that must not be cached (token endpoint, errors). */
    public static SimResponse json(int status, Map<String, ?> body) {
        return text(status, "application/json", Json.write(body), NO_STORE);
    }

    /** A cacheable JSON document (discovery, JWKS). */
    public static SimResponse jsonDocument(String json) {
        return text(200, "application/json", json, Map.of("Cache-Control", "max-age=60"));
    }

    /** An HTML page. */
    public static SimResponse html(int status, String page) {
        Map<String, String> headers = new LinkedHashMap<>(NO_STORE);
        // no form-action: browsers apply it to the redirect that follows the decision, which leaves for the RP
        headers.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        headers.put("X-Frame-Options", "DENY");
        return text(status, "text/html; charset=utf-8", page, headers);
    }

    /** A 302 redirect. */
    public static SimResponse redirect(String location) {
        Map<String, String> headers = new LinkedHashMap<>(NO_STORE);
        headers.put("Location", location);
        return new SimResponse(302, headers, new byte[0]);
    }

    /** A 302 redirect to {@code base} with parameters appended to its query. */
    public static SimResponse redirect(String base, Map<String, String> parameters) {
        StringBuilder location = new StringBuilder(base);
        char separator = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
            location.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = '&';
        }
        return redirect(location.toString());
    }

    /** A body of some content type. */
    public static SimResponse text(int status, String contentType, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", contentType);
        return new SimResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Same response with one more header. */
    public SimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, copy, body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

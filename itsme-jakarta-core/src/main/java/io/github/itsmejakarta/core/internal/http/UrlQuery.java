package io.github.itsmejakarta.core.internal.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Assembles the URLs the client sends the browser to: an endpoint plus form-encoded query parameters (RFC 6749 4.1.1,
 * appended to a query the endpoint may already carry, RFC 6749 3.1), and a request object's {@code request_uri} under
 * the configured base.
 *
 * <p>Stateless and thread-safe.
 */
public final class UrlQuery {
    private UrlQuery() {
    }

    /** {@code endpoint} with {@code query} appended in iteration order, spaces as {@code %20}. */
    public static URI append(URI endpoint, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(endpoint.toString());
        char sep = endpoint.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> e : query.entrySet()) {
            sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    /** {@code base + "/" + id}, without doubling a trailing slash of the base. */
    public static URI child(URI base, String id) {
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text + id : text + "/" + id);
    }
}

package io.github.itsmejakarta.cdi.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Tells a request that cannot follow a redirect to itsme's page from a browser's navigation, and answers it with a
 * challenge instead of a redirect (what Quarkus OIDC's {@code java-script-auto-redirect=false} does with 499; here
 * RFC 9110's 401 with {@code WWW-Authenticate}). A script receiving a 302 to another origin either fails on CORS or
 * receives itsme's HTML page as if it were its data; a 401 tells it to send the user to a page of the application.
 *
 * <p>A request is an API client's when, in this order (the first match wins):
 * <ol>
 * <li>its path (inside the application) starts with a configured prefix ({@code itsme.api-paths});</li>
 * <li>with detection on ({@code itsme.detect-api-clients}, default): it carries {@code X-Requested-With:
 * XMLHttpRequest} (jQuery, Angular's and many other clients send it); or {@code Sec-Fetch-Mode} with any value but
 * {@code navigate} (browsers send it on every request; {@code cors}, {@code same-origin}, {@code no-cors} mean
 * {@code fetch()} or {@code XMLHttpRequest}, Fetch Metadata Request Headers, section 2.3); or an {@code Accept}
 * header naming a JSON type ({@code application/json}, {@code +json}) and no HTML type.</li>
 * </ol>
 * A request without any of these (a browser's navigation, a plain client sending no {@code Accept}) is redirected
 * as before.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiClients {
    /** The challenge's scheme; the realm names the application's context path. */
    public static final String SCHEME = "itsme";

    private final boolean detect;
    private final List<String> pathPrefixes;

    public ApiClients(boolean detect, List<String> pathPrefixes) {
        this.detect = detect;
        this.pathPrefixes = List.copyOf(pathPrefixes);
    }

    public static ApiClients of(ItsmeSettings settings) {
        return new ApiClients(settings.detectApiClients(), settings.apiPaths());
    }

    /** Whether {@code request} should get a 401 challenge rather than a redirect to itsme. */
    public boolean cannotFollowRedirect(HttpServletRequest request) {
        if (!pathPrefixes.isEmpty()) {
            String uri = request.getRequestURI();
            int offset = request.getContextPath().length();
            for (String prefix : pathPrefixes) {
                if (uri.startsWith(prefix, offset) && (uri.length() == offset + prefix.length()
                        || uri.charAt(offset + prefix.length()) == '/')) {
                    return true;
                }
            }
        }
        if (!detect) {
            return false;
        }
        if ("XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
            return true;
        }
        String fetchMode = request.getHeader("Sec-Fetch-Mode");
        if (fetchMode != null && !fetchMode.isBlank() && !"navigate".equalsIgnoreCase(fetchMode.trim())) {
            return true;
        }
        return acceptsJsonNotHtml(request.getHeader("Accept"));
    }

    static boolean acceptsJsonNotHtml(String accept) {
        if (accept == null) {
            return false;
        }
        boolean json = false;
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                return false;
            }
            json |= type.equals("application/json") || type.endsWith("+json");
        }
        return json;
    }

    /**
     * Answers 401 with {@code WWW-Authenticate: itsme realm="<context path>"} and a short JSON body, uncached: the
     * client should send its user to a page of the application, which starts the login.
     */
    public static void challenge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String realm = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", SCHEME + " realm=\"" + realm.replace("\"", "") + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"login_required\",\"login\":\"itsme\"}");
        response.flushBuffer();
    }
}

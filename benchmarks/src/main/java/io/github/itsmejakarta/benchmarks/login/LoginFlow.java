package io.github.itsmejakarta.benchmarks.login;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One itsme login as a browser makes it, with a plain HTTP client that follows the redirects itself: the protected
 * page answers 302 to itsme's authorization endpoint; the simulator, auto-approving, answers 302 to the application's
 * callback with {@code code} and {@code state}; the callback redeems the code (token endpoint, ID token) and answers
 * 302 back to the protected page; the protected page answers 200. Every hop's status and target is checked, so that
 * a login counted is a login done. Each login starts without cookies (a new visitor); the session cookie the
 * application sets is sent back to the application only. Connections are kept alive between logins.
 *
 * <p>Thread-safe ({@link HttpClient} is); {@link #login()} keeps its cookies on its own stack.
 */
final class LoginFlow {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI protectedPage;
    private final String issuer;
    private final String callback;
    private final boolean openProtectedPage;
    private final String expectedInPage;

    /**
     * @param issuer where the protected page must send the visitor (the simulator's authorization endpoint), or
     *            {@code null} for the container floor, whose page sends the visitor straight to its callback
     * @param openProtectedPage whether to follow the callback's redirect to the protected page (the login is complete
     *            at the callback; the page is what the user then sees)
     * @param expectedInPage text the protected page must hold after a login
     */
    LoginFlow(URI protectedPage, String issuer, URI callback, boolean openProtectedPage, String expectedInPage) {
        this.protectedPage = protectedPage;
        this.issuer = issuer;
        this.callback = callback.toString();
        this.openProtectedPage = openProtectedPage;
        this.expectedInPage = expectedInPage;
    }

    /** Runs one login; throws with the hop that went wrong. */
    void login() throws IOException, InterruptedException {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> start = app(protectedPage, cookies);
        URI back;
        if (issuer == null) {
            back = redirect(start, "the protected page", callback + "?");
        } else {
            URI authorization = redirect(start, "the protected page", issuer);
            HttpResponse<String> approved = http.send(HttpRequest.newBuilder(authorization).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            back = redirect(approved, "the simulator's authorization endpoint", callback + "?");
        }
        HttpResponse<String> done = app(back, cookies);
        URI page = redirect(done, "the callback", protectedPage.toString());
        if (!openProtectedPage) {
            return;
        }
        HttpResponse<String> shown = app(page, cookies);
        if (shown.statusCode() != 200 || !shown.body().contains(expectedInPage)) {
            throw new IllegalStateException("the protected page answered " + shown.statusCode() + " without "
                    + expectedInPage + " after the login: " + abbreviate(shown.body()));
        }
    }

    private HttpResponse<String> app(URI uri, Map<String, String> cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return response;
    }

    private static URI redirect(HttpResponse<String> response, String from, String expectedPrefix) {
        String location = response.headers().firstValue("Location").orElse(null);
        int status = response.statusCode();
        if (status < 300 || status > 303 || location == null) {
            throw new IllegalStateException(from + " answered " + status + " instead of a redirect: "
                    + abbreviate(response.body()));
        }
        URI target = response.uri().resolve(location);
        if (!target.toString().startsWith(expectedPrefix)) {
            throw new IllegalStateException(from + " redirected to " + target + ", expected " + expectedPrefix
                    + "...");
        }
        return target;
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}

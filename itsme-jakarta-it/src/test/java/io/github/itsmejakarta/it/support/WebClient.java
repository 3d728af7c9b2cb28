package io.github.itsmejakarta.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A user agent for the steps a test inspects one by one: keeps cookies, follows redirects one at a time so that a
 * test can stop at any hop (for example at itsme's authorization page) and see every URI it went through, and sends
 * the raw requests (API-client headers, forms) the scenarios need. Whole logins go through the testkit's
 * {@code ItsmeLogin} in the same cookie store ({@link ItsmeUser#logIn}). Not thread-safe: one per simulated user.
 */
public final class WebClient {

    private static final int MAX_REDIRECTS = 10;
    /**
     * The timeout of each request, also for the suite's {@code ItsmeLogin} runs: a server's first answers after a
     * deployment can take seconds on a loaded build machine.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    /** HTTP/1.1 as a browser speaks it over plain http (the JDK client would otherwise try an h2c upgrade). */
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** One request, no redirect followed. */
    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** One request with extra headers, no redirect followed. */
    public HttpResponse<String> get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    public HttpResponse<String> postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** GET then follow redirects to the end; every hop is kept in the returned trail. */
    public Trail browse(URI uri) {
        return follow(get(uri));
    }

    /** Follows redirects from an answer already received. */
    public Trail follow(HttpResponse<String> first) {
        List<HttpResponse<String>> hops = new ArrayList<>();
        HttpResponse<String> response = first;
        hops.add(response);
        while (isRedirect(response.statusCode())) {
            if (hops.size() > MAX_REDIRECTS) {
                throw new AssertionError("more than " + MAX_REDIRECTS + " redirects: " + Trail.uris(hops));
            }
            URI next = location(response);
            response = get(next);
            hops.add(response);
        }
        return new Trail(hops);
    }

    /** Follows redirects until the next hop would leave for {@code stopAt}'s host and port; returns that URI. */
    public URI followUntil(HttpResponse<String> first, int stopAtPort) {
        HttpResponse<String> response = first;
        for (int i = 0; i < MAX_REDIRECTS && isRedirect(response.statusCode()); i++) {
            URI next = location(response);
            if (next.getPort() == stopAtPort) {
                return next;
            }
            response = get(next);
        }
        throw new AssertionError("no redirect to port " + stopAtPort + "; last answer " + response.statusCode()
                + " " + response.uri() + "\n" + response.body());
    }

    /** The cookie store, shared with the testkit's {@code ItsmeLogin} when it logs this client in. */
    public CookieManager cookieManager() {
        return cookies;
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    public static URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("redirect without Location from " + response.uri()));
        return response.uri().resolve(location);
    }

    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The query parameters of a URI, decoded (first value of each). */
    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(dec(name), dec(value));
        }
        return params;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The answers of one navigation, first to last. */
    public record Trail(List<HttpResponse<String>> hops) {

        public HttpResponse<String> last() {
            return hops.get(hops.size() - 1);
        }

        public int status() {
            return last().statusCode();
        }

        public String body() {
            return last().body();
        }

        public URI uri() {
            return last().uri();
        }

        public List<URI> uris() {
            return uris(hops);
        }

        static List<URI> uris(List<HttpResponse<String>> hops) {
            return hops.stream().map(HttpResponse::uri).toList();
        }
    }
}

package io.github.itsmejakarta.testkit;

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
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logs a {@link TestPerson} into a running application through the simulator, without a browser, the way a browser
 * would: it asks for a protected URL, follows the application's redirect to the simulator's authorization endpoint,
 * approves there as the person (auto-approval, or the simulator's page submitted for the person), follows the
 * redirect back to the application's callback and on to where the application sends the user, keeping the
 * application's cookies all along. What it hands back carries those cookies for the rest of the test: an
 * {@link HttpClient}, a cookie map (REST-assured's {@code given().cookies(...)}) and a {@code Cookie} header.
 *
 * <pre>{@code
 * ItsmeLogin.Session session = ItsmeLogin.as(TestPersons.BELGIAN_EID_HOLDER)
 *         .through(sim)                                  // optional: the embedded simulator
 *         .open(URI.create("http://127.0.0.1:8080/app/protected"));
 * session.landing().statusCode();                        // the protected page, now logged in
 * session.httpClient().send(...);                        // same cookies, redirects followed
 * given().cookies(session.cookies()).get(...);           // REST-assured
 * }</pre>
 * <p>
 * With {@link Builder#through(ItsmeSimulator)}, the person approves whatever the simulator would otherwise do
 * (auto-approval of someone else, or the page), through {@link SimulatorHooks#nextApprovalAs(TestPerson)}. Without
 * it (a standalone simulator in another process), the simulator's page is submitted for the person; a simulator
 * started with {@code --auto-approve} approves as its own person instead.
 * <p>
 * Plain HTTP on any host the application redirects to, spoken as HTTP/1.1 like a browser over plain http (the JDK
 * client would otherwise offer an h2c upgrade, which a browser never does and which some servers, Open Liberty among
 * them, answer differently); at most {@value #MAX_HOPS} requests per login. {@link Builder#within(Session)} logs in
 * again in an existing session (a step-up, a Confirm); {@link Builder#cookies(CookieManager)} logs in inside a
 * client of the test's own. The builder is not thread-safe; a {@link Session} is (its
 * cookie store is shared with its client).
 */
public final class ItsmeLogin {

    /** The most requests one login makes before it gives up (a redirect loop). */
    public static final int MAX_HOPS = 20;

    private static final Pattern CONSENT = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");
    private static final Pattern PAGE_PERSON = Pattern
            .compile("name=\"person\" id=\"person-[^\"]*\" value=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("id=\"decision-form\" method=\"post\" action=\""
            + "([^\"]+)\"");

    private ItsmeLogin() {
    }

    /** Starts a login as this person. */
    public static Builder as(TestPerson person) {
        return new Builder(Objects.requireNonNull(person, "person"));
    }

    /** Configures one login; not thread-safe. */
    public static final class Builder {
        private final TestPerson person;
        private ItsmeSimulator simulator;
        private CookieManager cookies;
        private Duration timeout = Duration.ofSeconds(10);

        private Builder(TestPerson person) {
            this.person = person;
        }

        /**
         * The embedded simulator the application talks to: the person then approves even where the simulator
         * auto-approves someone else.
         */
        public Builder through(ItsmeSimulator simulator) {
            this.simulator = Objects.requireNonNull(simulator, "simulator");
            return this;
        }

        /**
         * Logs in again inside a session an earlier login opened, with its cookies: a step-up to a stronger level,
         * a second flow (Confirm, share-data) started by the logged-in user, or another person taking over the
         * same browser. The new session shares the earlier one's cookies.
         */
        public Builder within(Session session) {
            return cookies(Objects.requireNonNull(session, "session").cookies);
        }

        /**
         * Logs in with the cookies of a client of the test's own (one that stops at redirects, or a browser-like
         * helper): the login reads and writes this store, so that client is logged in afterwards, and so is the
         * returned session. Without it a login starts with no cookies.
         */
        public Builder cookies(CookieManager cookies) {
            this.cookies = Objects.requireNonNull(cookies, "cookies");
            return this;
        }

        /** The timeout of each request (default 10 s). */
        public Builder timeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Asks for a URL of the application that needs a login and follows the whole flow back to it.
         *
         * @param protectedUri an absolute {@code http}/{@code https} URL of the running application
         * @return the logged-in session
         * @throws IllegalStateException when the flow does not end in a 2xx answer of the application (the message
         *         lists every hop and the last answer)
         */
        public Session open(URI protectedUri) {
            Objects.requireNonNull(protectedUri, "protectedUri");
            if (!protectedUri.isAbsolute() || !List.of("http", "https").contains(protectedUri.getScheme())) {
                throw new IllegalArgumentException("an absolute http(s) URL is needed: " + protectedUri);
            }
            CookieManager cookies = this.cookies != null
                    ? this.cookies
                    : new CookieManager(null, CookiePolicy.ACCEPT_ALL);
            HttpClient stepping = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(timeout)
                    .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
            if (simulator != null) {
                simulator.hooks().nextApprovalAs(person);
            }
            List<String> hops = new ArrayList<>();
            HttpRequest request = get(protectedUri);
            HttpResponse<String> response = null;
            boolean approved = false;
            for (int hop = 0; hop < MAX_HOPS; hop++) {
                hops.add(request.method() + " " + withoutQuery(request.uri()));
                response = send(stepping, request, hops);
                int status = response.statusCode();
                if (status >= 300 && status < 400) {
                    String location = response.headers().firstValue("Location").orElseThrow(() -> failure(
                            "a redirect without Location", hops, null));
                    request = get(request.uri().resolve(location));
                    continue;
                }
                Matcher consent = CONSENT.matcher(status == 200 ? response.body() : "");
                if (!approved && consent.find()) {
                    approved = true;
                    request = approve(response, consent.group(1));
                    continue;
                }
                if (status >= 200 && status < 300) {
                    return new Session(cookies, response, List.copyOf(hops), timeout);
                }
                throw failure("the flow ended in HTTP " + status, hops, response);
            }
            throw failure("more than " + MAX_HOPS + " requests: a redirect loop?", hops, response);
        }

        private HttpRequest approve(HttpResponse<String> page, String consentId) {
            Matcher action = FORM_ACTION.matcher(page.body());
            URI target = page.uri().resolve(action.find() ? action.group(1) : "/v2/authorization/decision");
            String form = Map.of("consent", consentId, "person", pagePerson(page.body()), "decision", "approve")
                    .entrySet()
                    .stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return HttpRequest.newBuilder(target).timeout(timeout).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        }

        /**
         * The person to pick on the page: this one, or, when the page does not offer it (a person the simulator was
         * not configured with) and the embedded simulator substitutes it anyway, the first one offered.
         */
        private String pagePerson(String page) {
            List<String> offered = new ArrayList<>();
            Matcher m = PAGE_PERSON.matcher(page);
            while (m.find()) {
                offered.add(m.group(1));
            }
            return offered.contains(person.id()) || simulator == null || offered.isEmpty()
                    ? person.id()
                    : offered.get(0);
        }

        private HttpRequest get(URI uri) {
            return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "text/html,*/*").GET().build();
        }

        private static HttpResponse<String> send(HttpClient client, HttpRequest request, List<String> hops) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("itsme test login: " + e + " after " + hops, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("itsme test login interrupted after " + hops, e);
            }
        }

        private static IllegalStateException failure(String what, List<String> hops, HttpResponse<String> last) {
            String body = last == null ? "" : last.body();
            String excerpt = body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return new IllegalStateException("itsme test login failed: " + what + "; requests: " + hops
                    + (last == null ? "" : "; last answer " + last.statusCode() + ": " + excerpt));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        /** Codes and states stay out of failure messages. */
        private static String withoutQuery(URI uri) {
            return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        }
    }

    /**
     * A logged-in session: the application's cookies after the login, and the answer the protected URL gave at the
     * end. Thread-safe.
     */
    public static final class Session {
        private final CookieManager cookies;
        private final HttpResponse<String> landing;
        private final List<String> requests;
        private final HttpClient client;

        private Session(CookieManager cookies, HttpResponse<String> landing, List<String> requests,
                Duration timeout) {
            this.cookies = cookies;
            this.landing = landing;
            this.requests = requests;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(timeout)
                    .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NORMAL).build();
        }

        /** The application's answer at the end of the flow (normally the protected page, logged in). */
        public HttpResponse<String> landing() {
            return landing;
        }

        /** Method and URL (without query) of every request the login made, in order. */
        public List<String> requests() {
            return requests;
        }

        /**
         * An HTTP client that sends the session's cookies (and stores new ones) and follows redirects, for the rest
         * of the test.
         */
        public HttpClient httpClient() {
            return client;
        }

        /** The cookies the session sends to this URL, by name: for REST-assured's {@code cookies(Map)}. */
        public Map<String, String> cookies(URI uri) {
            Map<String, String> byName = new LinkedHashMap<>();
            for (HttpCookie cookie : cookies.getCookieStore().get(uri)) {
                if (!cookie.getSecure() || "https".equalsIgnoreCase(uri.getScheme())) {
                    byName.put(cookie.getName(), cookie.getValue());
                }
            }
            return byName;
        }

        /** The cookies the session sends to the landing page's URL (the application), by name. */
        public Map<String, String> cookies() {
            return cookies(landing.uri());
        }

        /** A {@code Cookie} header value for the application ({@code name=value; name=value}). */
        public String cookieHeader() {
            return cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }

        @Override
        public String toString() {
            return "ItsmeLogin.Session[" + landing.statusCode() + " " + landing.uri() + ", cookies "
                    + cookies().keySet() + "]";
        }
    }
}

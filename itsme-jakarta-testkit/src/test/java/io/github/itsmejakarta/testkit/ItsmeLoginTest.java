package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@link ItsmeLogin} against a small but real relying party on loopback (the JDK's HTTP server): a protected page
 * that redirects to the simulator, a callback that checks state, redeems the code with a client assertion and PKCE,
 * reads the ID token and sets a session cookie, and redirects back.
 */
class ItsmeLoginTest {

    static final TestRelyingParty RP = new TestRelyingParty("login-helper-client");

    @RegisterExtension
    static final ItsmeSimulatorExtension ITSME = ItsmeSimulatorExtension.builder().build();

    static HttpServer app;
    static String base;
    /** Logins in progress by pre-login cookie; sessions by session cookie (the caller's sub). */
    static final Map<String, Map<String, String>> pending = new ConcurrentHashMap<>();
    static final Map<String, String> sessions = new ConcurrentHashMap<>();
    /** Requests that offered a protocol upgrade (the JDK client's h2c attempt; no browser sends one over http). */
    static final List<String> upgrades = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void startApplication() throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        base = "http://127.0.0.1:" + app.getAddress().getPort();
        app.createContext("/app/protected", ItsmeLoginTest::protectedPage);
        app.createContext("/app/callback", ItsmeLoginTest::callback);
        app.createContext("/app/loop", exchange -> redirect(exchange, "/app/loop", null));
        app.createContext("/app/step-up", ItsmeLoginTest::stepUp);
        app.start();
        ITSME.simulator().registerClient(RP.clientBuilder().redirectUri(base + "/app/callback").build());
    }

    @AfterAll
    static void stopApplication() {
        app.stop(0);
    }

    // ---- the relying party

    private static void protectedPage(HttpExchange exchange) throws IOException {
        exchange.getRequestHeaders().getOrDefault("Upgrade", List.of()).forEach(upgrades::add);
        Optional<String> caller = cookie(exchange, "app-session").map(sessions::get);
        if (caller.isPresent()) {
            respond(exchange, 200, "hello " + caller.get());
            return;
        }
        startLogin(exchange);
    }

    /** A new login that only a logged-in caller may start (a step-up): refused without the session cookie. */
    private static void stepUp(HttpExchange exchange) throws IOException {
        if (cookie(exchange, "app-session").map(sessions::get).isEmpty()) {
            respond(exchange, 401, "no session to step up");
            return;
        }
        startLogin(exchange);
    }

    private static void startLogin(HttpExchange exchange) throws IOException {
        ItsmeSimulator sim = ITSME.simulator();
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce, "profile");
        params.put("redirect_uri", base + "/app/callback");
        String preLogin = random();
        pending.put(preLogin, Map.of("state", params.get("state"), "verifier", pkce.verifier()));
        redirect(exchange, uri(sim.authorizationEndpoint(), params).toString(), "pre-login=" + preLogin
                + "; Path=/app; HttpOnly");
    }

    private static void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        Map<String, String> login = cookie(exchange, "pre-login").map(pending::remove).orElse(null);
        if (login == null || !login.get("state").equals(query.get("state")) || query.get("code") == null) {
            respond(exchange, 401, "login refused: " + query.getOrDefault("error", "bad state"));
            return;
        }
        ItsmeSimulator sim = ITSME.simulator();
        Map<String, String> form = RP.tokenForm(sim, query.get("code"), login.get("verifier"));
        form.put("redirect_uri", base + "/app/callback");
        HttpResponse<String> tokens = RP.postForm(sim.tokenEndpoint(), form);
        if (tokens.statusCode() != 200) {
            respond(exchange, 401, "token call refused");
            return;
        }
        String sub = (String) RP.open(sim, (String) json(tokens.body()).get("id_token")).map().get("sub");
        String session = random();
        sessions.put(session, sub);
        redirect(exchange, "/app/protected", "app-session=" + session + "; Path=/app; HttpOnly");
    }

    private static Optional<String> cookie(HttpExchange exchange, String name) {
        return exchange.getRequestHeaders().getOrDefault("Cookie", List.of()).stream()
                .flatMap(h -> java.util.Arrays.stream(h.split(";"))).map(String::trim)
                .filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1)).findFirst();
    }

    private static void redirect(HttpExchange exchange, String location, String setCookie) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        if (setCookie != null) {
            exchange.getResponseHeaders().add("Set-Cookie", setCookie);
        }
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static URI protectedUri() {
        return URI.create(base + "/app/protected");
    }

    // ---- the helper

    @Test
    void withoutALoginTheProtectedPageSendsTheBrowserToItsme() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(protectedUri())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith(
                ITSME.simulator().authorizationEndpoint().toString()));
    }

    @Test
    void logsThePersonInThroughTheSimulatorsPage(ItsmeSimulator sim) throws Exception {
        TestPerson person = TestPersons.DUTCH_DOCUMENT_HOLDER;
        ItsmeLogin.Session session = ItsmeLogin.as(person).open(protectedUri());
        String expected = "hello " + person.subFor(RP.clientId);
        assertThat(session.landing().statusCode()).isEqualTo(200);
        assertThat(session.landing().body()).isEqualTo(expected);
        assertThat(session.requests()).hasSize(5).first().asString().startsWith("GET " + base + "/app/protected");
        assertThat(session.requests()).anySatisfy(r -> assertThat(r).startsWith("POST " + sim.issuer()))
                .noneSatisfy(r -> assertThat(r).contains("code="));

        // the rest of the test: the session's client, or its cookies in any client (REST-assured: cookies(Map))
        HttpResponse<String> again = session.httpClient().send(HttpRequest.newBuilder(protectedUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).isEqualTo(expected);
        assertThat(session.cookies()).containsKey("app-session");
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(protectedUri()).header(
                "Cookie", session.cookieHeader()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo(expected);
    }

    @Test
    void throughTheEmbeddedSimulatorThePersonWinsOverAutoApproval(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        ItsmeLogin.Session session = ItsmeLogin.as(TestPersons.SECOND_BELGIAN_EID_HOLDER).through(sim).open(
                protectedUri());
        assertThat(session.landing().body()).isEqualTo("hello " + TestPersons.SECOND_BELGIAN_EID_HOLDER.subFor(
                RP.clientId));
        assertThat(session.requests()).as("auto-approved: no page").noneSatisfy(r -> assertThat(r).startsWith(
                "POST"));
        ItsmeLogin.Session next = ItsmeLogin.as(TestPersons.BELGIAN_EID_HOLDER).open(protectedUri());
        assertThat(next.landing().body()).as("the hook was used up").isEqualTo("hello "
                + TestPersons.BELGIAN_EID_HOLDER.subFor(RP.clientId));
    }

    @Test
    void aPersonTheSimulatorWasNotConfiguredWithLogsInThroughTheEmbeddedSimulator(ItsmeSimulator sim) {
        TestPerson stranger = TestPerson.builder("custom-person").claim("family_name", "Custom").build();
        ItsmeLogin.Session session = ItsmeLogin.as(stranger).through(sim).open(protectedUri());
        assertThat(session.landing().body()).isEqualTo("hello " + stranger.subFor(RP.clientId));
        assertThat(session.requests()).as("through the page").anySatisfy(r -> assertThat(r).startsWith("POST"));
        assertThatThrownBy(() -> ItsmeLogin.as(stranger).open(protectedUri())).as("a standalone simulator cannot")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 400");
    }

    @Test
    void aRefusedLoginFailsWithEveryHopNamed(SimulatorHooks hooks) {
        hooks.denyNext();
        assertThatThrownBy(() -> ItsmeLogin.as(TestPersons.BELGIAN_EID_HOLDER).open(protectedUri()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 401")
                .hasMessageContaining("login refused: access_denied").hasMessageContaining(base + "/app/callback")
                .hasMessageNotContaining("state=");
    }

    @Test
    void withinASessionTheNextLoginUsesItsCookiesAndTheSessionFollows(ItsmeSimulator sim) throws Exception {
        ItsmeLogin.Session first = ItsmeLogin.as(TestPersons.BELGIAN_EID_HOLDER).through(sim).open(protectedUri());
        URI stepUp = URI.create(base + "/app/step-up");
        // without the session's cookies the application refuses the step-up
        assertThatThrownBy(() -> ItsmeLogin.as(TestPersons.DUTCH_DOCUMENT_HOLDER).through(sim).open(stepUp))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 401")
                .hasMessageContaining("no session to step up");

        ItsmeLogin.Session second = ItsmeLogin.as(TestPersons.DUTCH_DOCUMENT_HOLDER).through(sim).within(first)
                .open(stepUp);
        String dutch = "hello " + TestPersons.DUTCH_DOCUMENT_HOLDER.subFor(RP.clientId);
        assertThat(second.landing().body()).isEqualTo(dutch);
        assertThat(second.requests()).first().asString().startsWith("GET " + stepUp);
        HttpResponse<String> viaFirst = first.httpClient().send(HttpRequest.newBuilder(protectedUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaFirst.body()).as("one cookie store: the first session now holds the new login").isEqualTo(
                dutch);
    }

    @Test
    void logsInInsideTheTestsOwnCookieStoreSoThatItsOwnClientIsLoggedInToo() throws Exception {
        java.net.CookieManager store = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        HttpClient own = HttpClient.newBuilder().cookieHandler(store).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> before = own.send(HttpRequest.newBuilder(protectedUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).as("not logged in yet: to itsme").isEqualTo(302);

        ItsmeLogin.Session session = ItsmeLogin.as(TestPersons.BELGIAN_EID_HOLDER).cookies(store).open(
                protectedUri());
        HttpResponse<String> after = own.send(HttpRequest.newBuilder(protectedUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(session.landing().body()).isEqualTo("hello "
                + TestPersons.BELGIAN_EID_HOLDER.subFor(RP.clientId));
    }

    @Test
    void speaksHttp11LikeABrowserWithoutOfferingAnUpgrade() throws Exception {
        upgrades.clear();
        ItsmeLogin.Session session = ItsmeLogin.as(TestPersons.BELGIAN_EID_HOLDER).open(protectedUri());
        session.httpClient().send(HttpRequest.newBuilder(protectedUri()).build(), HttpResponse.BodyHandlers
                .ofString());
        assertThat(session.landing().version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(upgrades).isEmpty();
        // the twin: the JDK client's default does offer h2c, which the application records
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(protectedUri()).build(), HttpResponse.BodyHandlers
                .ofString());
        assertThat(upgrades).containsExactly("h2c");
    }

    @Test
    void aRedirectLoopStopsAfterABoundedNumberOfRequests() {
        assertThatThrownBy(() -> ItsmeLogin.as(TestPersons.BELGIAN_EID_HOLDER).open(URI.create(base + "/app/loop")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("more than " + ItsmeLogin.MAX_HOPS);
        assertThatThrownBy(() -> ItsmeLogin.as(TestPersons.BELGIAN_EID_HOLDER).open(URI.create("/app/protected")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

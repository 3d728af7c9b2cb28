package io.github.itsmejakarta.it.cluster;

import static io.github.itsmejakarta.it.cluster.support.ItsmeUser.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.itsmejakarta.it.cluster.support.Cluster;
import io.github.itsmejakarta.it.cluster.support.ClusterApps;
import io.github.itsmejakarta.it.cluster.support.ItsmeUser;
import io.github.itsmejakarta.it.cluster.support.ItsmeUser.ItsmePage;
import io.github.itsmejakarta.it.cluster.support.Nginx;
import io.github.itsmejakarta.it.cluster.support.WebClient;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.TestPerson;
import io.github.itsmejakarta.testkit.TestPersons;

/**
 * Several nodes behind a load balancer (issue 9): two Payara Micro nodes clustered by Payara's Hazelcast, nginx in
 * front terminating TLS, round robin without affinity; each scenario in both login-state modes ({@code session}: the
 * login in progress in the replicated HTTP session; {@code cookie}: in a sealed cookie). The topology starts once
 * for the class; the scenario that stops a node runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final TestPerson PERSON = TestPersons.BELGIAN_EID_HOLDER;
    /**
     * How often a node may fetch itsme's keys again for an unknown {@code kid}: {@code itsme.jwks-refetch-interval},
     * shortened from core's 30 s so that scenario 4 waits seconds, not half a minute.
     */
    static final Duration JWKS_REFETCH_INTERVAL = Duration.ofSeconds(2);

    static Cluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = Cluster.start(Map.of("itsme.jwks-refetch-interval", JWKS_REFETCH_INTERVAL.toString()));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * Scenario 1: the redirect to itsme comes from node A, the callback lands on node B, and the protected page then
     * answers on both nodes, round robin, as the same caller.
     */
    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"session", "cookie"})
    void aLoginStartedOnOneNodeCompletesOnTheOther(String mode) {
        ItsmeUser user = cluster.user();
        URI page = cluster.app(mode).resolve("protected/whoami");

        user.web().pin("a");
        HttpResponse<String> toItsme = user.web().get(page);
        assertThat(toItsme.statusCode()).as(toItsme.body()).isEqualTo(302);
        assertThat(node(toItsme)).isEqualTo("a");
        user.web().pin(null);
        ItsmePage itsmePage = itsmePage(user, toItsme);

        HttpResponse<String> toCallback = user.submitApproval(itsmePage, PERSON);
        assertThat(toCallback.statusCode()).isEqualTo(302);
        URI callback = WebClient.location(toCallback);
        assertThat(callback.toString()).startsWith(cluster.app(mode).resolve("itsme/callback").toString());

        user.web().pin("b");
        HttpResponse<String> afterCallback = user.web().get(callback);
        assertThat(node(afterCallback)).isEqualTo("b");
        assertThat(afterCallback.statusCode()).as(afterCallback.body()).isEqualTo(302);
        WebClient.Trail back = user.web().follow(afterCallback);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.uri()).isEqualTo(page);
        assertThat(report(back.body())).containsEntry("node", "b").containsEntry("caller", sub(mode));

        user.web().pin(null);
        Set<String> nodes = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = user.web().get(page);
            assertThat(r.statusCode()).as("request %s on %s: %s", i, node(r), r.body()).isEqualTo(200);
            assertThat(report(r.body())).containsEntry("caller", sub(mode)).containsEntry("node", node(r));
            nodes.add(node(r));
        }
        assertThat(nodes).containsExactlyInAnyOrder("a", "b");
    }

    /**
     * Scenario 2 ({@code itsme.request-object=reference}): the request object of a login started on A is served by B,
     * once: a second fetch finds nothing on either node. Then a login whose request object itsme fetches through the
     * proxy, on whichever node the balancer picks, completes; afterwards its {@code request_uri} is gone everywhere.
     */
    @Order(2)
    @ParameterizedTest
    @ValueSource(strings = {"session", "cookie"})
    void theRequestObjectIsServedOnceAcrossTheCluster(String mode) {
        URI page = cluster.app(mode).resolve("protected/whoami");
        ItsmeUser user = cluster.user();
        user.web().pin("a");
        HttpResponse<String> toItsme = user.web().get(page);
        assertThat(toItsme.statusCode()).as(toItsme.body()).isEqualTo(302);
        assertThat(node(toItsme)).isEqualTo("a");
        URI requestUri = requestUri(toItsme);
        assertThat(requestUri.toString()).startsWith(cluster.app(mode).resolve("itsme/request/").toString());

        // fetched as itsme would, from the other node
        WebClient itsmeSide = new WebClient(cluster.sslContext);
        HttpResponse<String> served = itsmeSide.pin("b").get(requestUri);
        assertThat(node(served)).isEqualTo("b");
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/oauth-authz-req+jwt");
        assertThat(served.body().split("\\.")).as("a JWE in compact serialization").hasSize(5);
        System.out.printf("SIZE %s request object (JWE, served by reference): %d bytes%n", mode,
                served.body().length());
        // exactly once, across the cluster
        assertThat(itsmeSide.pin("b").get(requestUri).statusCode()).isEqualTo(404);
        assertThat(itsmeSide.pin("a").get(requestUri).statusCode()).isEqualTo(404);

        // the twin: itsme fetches it through the proxy (either node) and the login completes
        ItsmeUser other = cluster.user();
        other.web().pin("a");
        HttpResponse<String> start = other.web().get(page);
        assertThat(node(start)).isEqualTo("a");
        URI otherRequestUri = requestUri(start);
        other.web().pin(null);
        ItsmePage itsmePage = itsmePage(other, start);
        WebClient.Trail back = other.approve(itsmePage, PERSON);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(report(back.body())).containsEntry("caller", sub(mode));
        assertThat(itsmeSide.pin("a").get(otherRequestUri).statusCode()).isEqualTo(404);
        assertThat(itsmeSide.pin("b").get(otherRequestUri).statusCode()).isEqualTo(404);
    }

    /**
     * Scenario 4: itsme rotates its signing key (the old one leaves its JWK set); each node meets the unknown
     * {@code kid} in its next ID token, fetches itsme's keys again and accepts the login, in both modes. The refetch is
     * allowed once per window, so the test first lets the window pass since the nodes' last fetch.
     */
    @Order(4)
    @org.junit.jupiter.api.Test
    void bothNodesAcceptLoginsAfterItsmeRotatesItsSigningKey() throws InterruptedException {
        awaitJwksRefetchWindow();
        int fetches = cluster.itsme.recordedRequests(Endpoint.JWKS).size();
        assertThat(cluster.itsme.hooks().rotateSigningKey(false)).isNotBlank();
        for (String mode : Cluster.MODES) {
            for (String node : new String[]{"a", "b"}) {
                WebClient.Trail back = logInWithCallbackOn(mode, node);
                assertThat(back.status()).as("%s on %s: %s", mode, node, back.body()).isEqualTo(200);
                assertThat(report(back.body())).containsEntry("caller", sub(mode)).containsEntry("node", node);
            }
        }
        // both nodes, both applications fetched itsme's keys again
        assertThat(cluster.itsme.recordedRequests(Endpoint.JWKS).size()).isGreaterThanOrEqualTo(fetches + 4);
    }

    /** Scenario 5: a logout on node A; node B, which had served the caller before, no longer knows them. */
    @Order(5)
    @ParameterizedTest
    @ValueSource(strings = {"session", "cookie"})
    void aLogoutOnOneNodeEndsTheLoginOnTheOther(String mode) {
        URI page = cluster.app(mode).resolve("protected/whoami");
        ItsmeUser user = cluster.user();
        WebClient.Trail in = user.logIn(page, PERSON);
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        for (String node : new String[]{"a", "b"}) {
            HttpResponse<String> r = user.web().pin(node).get(page);
            assertThat(r.statusCode()).as("%s before logout: %s", node, r.body()).isEqualTo(200);
            assertThat(report(r.body())).containsEntry("caller", sub(mode));
        }

        HttpResponse<String> out = user.web().pin("a").postForm(cluster.app(mode).resolve("logout"), Map.of());
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        assertThat(node(out)).isEqualTo("a");

        for (String node : new String[]{"b", "a"}) {
            HttpResponse<String> after = user.web().pin(node).get(page);
            assertThat(node(after)).isEqualTo(node);
            assertThat(after.statusCode()).as("%s after logout: %s", node, after.body()).isEqualTo(302);
            assertThat(WebClient.location(after).toString()).startsWith(cluster.itsme.issuer() + "/authorization");
        }
    }

    /**
     * Scenario 6: behind the TLS-terminating proxy the application speaks its public {@code https} URL: the
     * redirect URI and {@code request_uri} sent to itsme, the redirect after the callback, the {@code Secure} cookies,
     * and what the request tells the application; itsme reached the application's JWK set and request objects through
     * the proxy.
     */
    @Order(6)
    @ParameterizedTest
    @ValueSource(strings = {"session", "cookie"})
    void theApplicationSpeaksItsPublicHttpsUrlBehindTheProxy(String mode) throws java.io.IOException {
        URI app = cluster.app(mode);
        URI page = app.resolve("protected/whoami");
        ItsmeUser user = cluster.user();
        HttpResponse<String> toItsme = user.web().get(page);
        assertThat(toItsme.statusCode()).isEqualTo(302);
        Map<String, String> query = WebClient.query(WebClient.location(toItsme));
        assertThat(query).containsEntry("redirect_uri", app.resolve("itsme/callback").toString());
        assertThat(query.get("request_uri")).startsWith(app.resolve("itsme/request/").toString());
        if (mode.equals("cookie")) {
            assertThat(toItsme.headers().allValues("Set-Cookie"))
                    .anySatisfy(c -> assertThat(c).startsWith("ITSME_LOGIN_").containsIgnoringCase("; Secure")
                            .containsIgnoringCase("HttpOnly").contains("Path=/" + mode + "/itsme/callback"));
        } else {
            assertThat(toItsme.headers().allValues("Set-Cookie"))
                    .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").containsIgnoringCase("; Secure"));
        }

        ItsmePage itsmePage = itsmePage(user, toItsme);
        HttpResponse<String> toCallback = user.submitApproval(itsmePage, PERSON);
        HttpResponse<String> afterCallback = user.web().get(WebClient.location(toCallback));
        assertThat(afterCallback.statusCode()).as(afterCallback.body()).isEqualTo(302);
        assertThat(WebClient.location(afterCallback)).isEqualTo(page);
        String rawLocation = afterCallback.headers().firstValue("Location").orElseThrow();
        if (rawLocation.contains("://")) {
            assertThat(rawLocation).startsWith(app.toString());
        }
        // every cookie of the login is Secure; Payara's JSESSIONIDVERSION (the replicated session's version number,
        // no secret) is set without it, whatever the request's scheme
        assertThat(afterCallback.headers().allValues("Set-Cookie")).filteredOn(c -> !c.startsWith("JSESSIONIDVERSION="))
                .isNotEmpty().allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));
        HttpResponse<String> whoami = user.web().get(page);
        assertThat(report(whoami.body())).containsEntry("caller", sub(mode)).containsEntry("secure", "true")
                .containsEntry("scheme", "https").containsEntry("host", "127.0.0.1:" + cluster.proxy().getPort());

        String access = java.nio.file.Files.readString(cluster.nginx.accessLog());
        assertThat(access).contains("\"GET /" + mode + "/itsme/jwks HTTP/1.1\" 200")
                .contains("\"GET /" + mode + "/itsme/request/");
    }

    /**
     * Scenario 2, the other half (session mode): a login pushed out of the session by newer ones (a session keeps at
     * most four logins in progress) takes its request object along, on every node; the newest is still served.
     */
    @Order(3)
    @org.junit.jupiter.api.Test
    void aLoginDroppedFromTheSessionNoLongerHasItsRequestObjectServed() {
        URI page = cluster.app("session").resolve("protected/whoami");
        ItsmeUser user = cluster.user();
        java.util.List<URI> requestUris = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> toItsme = user.web().get(page);
            assertThat(toItsme.statusCode()).as(toItsme.body()).isEqualTo(302);
            requestUris.add(requestUri(toItsme));
        }
        WebClient itsmeSide = new WebClient(cluster.sslContext);
        assertThat(itsmeSide.pin("a").get(requestUris.get(0)).statusCode()).isEqualTo(404);
        assertThat(itsmeSide.pin("b").get(requestUris.get(0)).statusCode()).isEqualTo(404);
        HttpResponse<String> newest = itsmeSide.pin(null).get(requestUris.get(4));
        assertThat(newest.statusCode()).as(newest.body()).isEqualTo(200);
    }

    /**
     * Sizes of what the cluster carries per login, printed for the README: the pending login in the session, the
     * login-state cookie (name and value), the established login in the session, the request object and the
     * authorization URL. Every cookie stays under 4 KB.
     */
    @Order(7)
    @ParameterizedTest
    @ValueSource(strings = {"session", "cookie"})
    void whatALoginCostsInStateAndOnTheWire(String mode) {
        URI app = cluster.app(mode);
        ItsmeUser user = cluster.user();
        HttpResponse<String> toItsme = user.web().get(app.resolve("protected/whoami"));
        assertThat(toItsme.statusCode()).isEqualTo(302);
        URI authorization = WebClient.location(toItsme);
        Map<String, String> pending = report(user.web().get(app.resolve("public/session-size")).body());
        java.util.List<String> cookies = toItsme.headers().allValues("Set-Cookie");
        for (String c : cookies) {
            String pair = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
            assertThat(c.length()).as("Set-Cookie %s", pair.substring(0, pair.indexOf('='))).isLessThan(4096);
            System.out.printf("SIZE %s cookie %s: name=value %d bytes, header %d bytes%n", mode,
                    pair.substring(0, pair.indexOf('=')), pair.length(), c.length());
        }
        System.out.printf("SIZE %s authorization URL: %d characters%n", mode, authorization.toString().length());
        System.out.printf("SIZE %s request_uri: %d characters%n", mode,
                WebClient.query(authorization).get("request_uri").length());
        System.out.printf("SIZE %s session while the login is pending: %s%n", mode, pending);

        WebClient.Trail back = user.approve(itsmePage(user, toItsme), PERSON);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        Map<String, String> established = report(user.web().get(app.resolve("public/session-size")).body());
        System.out.printf("SIZE %s session once logged in: %s%n", mode, established);
        for (String c : user.web().cookies().stream().map(Object::toString).toList()) {
            assertThat(c.length()).isLessThan(4096);
        }
        if (mode.equals("session")) {
            assertThat(Integer.parseInt(pending.get("io.github.itsmejakarta.cdi.pending-logins")))
                    .as("one login in progress in the session").isLessThan(1536);
        }
        assertThat(established).doesNotContainKey("io.github.itsmejakarta.cdi.pending-logins");

        // itsme.userinfo=lazy: the access token stays in the session only until userinfo is fetched (here on A);
        // B then answers userinfo from the replicated session, without the token and without a second fetch
        int fetches = cluster.itsme.recordedRequests(Endpoint.USERINFO).size();
        HttpResponse<String> info = user.web().pin("a").get(app.resolve("protected/userinfo"));
        assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
        assertThat(report(info.body())).containsEntry("userinfo-sub", sub(mode));
        Map<String, String> afterUserInfo = report(user.web().pin("b").get(app.resolve("public/session-size")).body());
        System.out.printf("SIZE %s session once userinfo was fetched: %s%n", mode, afterUserInfo);
        assertThat(Integer.parseInt(afterUserInfo.get(SESSION_DATA)))
                .as("the established login without the access token")
                .isLessThan(Integer.parseInt(established.get(SESSION_DATA)));
        HttpResponse<String> again = user.web().pin("b").get(app.resolve("protected/userinfo"));
        assertThat(report(again.body())).containsEntry("node", "b").containsEntry("userinfo-sub", sub(mode));
        assertThat(cluster.itsme.recordedRequests(Endpoint.USERINFO)).hasSize(fetches + 1);
        user.web().pin(null);
    }

    static final String SESSION_DATA = "io.github.itsmejakarta.cdi.session";

    /**
     * Issue 7 item 2 on the cluster: 20,000 anonymous login starts by reference (cookie mode: nothing but the
     * request objects is kept), four at a time through the proxy; then a fresh browser logs in by reference. Prints
     * the rate and the nodes' CPU per start.
     */
    @Order(8)
    @org.junit.jupiter.api.Test
    void aFloodOfStartedLoginsDoesNotKeepAFreshBrowserOut() throws Exception {
        URI page = cluster.app("cookie").resolve("protected/whoami");
        int starts = 20_000;
        int workers = 4;
        Duration cpuBefore = cluster.a.cpu().plus(cluster.b.cpu());
        Instant begin = Instant.now();
        java.util.concurrent.atomic.AtomicInteger redirects = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger longestUrl = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> {
                    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                            .version(java.net.http.HttpClient.Version.HTTP_1_1).sslContext(cluster.sslContext)
                            .connectTimeout(Duration.ofSeconds(10)).build();
                    for (int i = 0; i < starts / workers; i++) {
                        HttpResponse<Void> r = http.send(java.net.http.HttpRequest.newBuilder(page)
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 302) {
                            redirects.incrementAndGet();
                            longestUrl.accumulateAndGet(r.headers().firstValue("Location").orElse("").length(),
                                    Math::max);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(10, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        Duration wall = Duration.between(begin, Instant.now());
        Duration cpu = cluster.a.cpu().plus(cluster.b.cpu()).minus(cpuBefore);
        System.out.printf("FLOOD %d starts in %d ms (%.0f/s), nodes' CPU %d ms (%.2f ms per start), longest "
                + "authorization URL %d characters%n", starts, wall.toMillis(), starts * 1000.0 / wall.toMillis(),
                cpu.toMillis(), cpu.toMillis() / (double) starts, longestUrl.get());
        assertThat(redirects.get()).as("every anonymous start went to itsme").isEqualTo(starts);

        WebClient.Trail fresh = cluster.user().logIn(page, PERSON);
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(report(fresh.body())).containsEntry("caller", sub("cookie"));
    }

    /**
     * Scenario 3, last because it stops a node: logins started on node A, the user at itsme's page; node A stops
     * (by process id); the callbacks reach node B through the proxy and complete, in both modes.
     */
    @Order(100)
    @org.junit.jupiter.api.Test
    void aLoginCompletesOnBWhenAStopsBetweenRedirectAndCallback() {
        Map<String, ItsmeUser> users = new java.util.LinkedHashMap<>();
        Map<String, ItsmePage> pages = new java.util.LinkedHashMap<>();
        Map<String, ItsmeUser> notFetched = new java.util.LinkedHashMap<>();
        Map<String, HttpResponse<String>> redirects = new java.util.LinkedHashMap<>();
        for (String mode : Cluster.MODES) {
            // redirected by A, but itsme has not fetched the request object yet when A stops
            ItsmeUser late = cluster.user();
            HttpResponse<String> lateRedirect = late.web().pin("a").get(cluster.app(mode).resolve("protected/whoami"));
            assertThat(node(lateRedirect)).isEqualTo("a");
            late.web().pin(null);
            notFetched.put(mode, late);
            redirects.put(mode, lateRedirect);

            ItsmeUser user = cluster.user();
            HttpResponse<String> toItsme = user.web().pin("a").get(cluster.app(mode).resolve("protected/whoami"));
            assertThat(node(toItsme)).isEqualTo("a");
            assertThat(toItsme.statusCode()).as(toItsme.body()).isEqualTo(302);
            user.web().pin(null);
            users.put(mode, user);
            pages.put(mode, itsmePage(user, toItsme));
        }

        cluster.a.close();
        assertThat(cluster.a.isAlive()).isFalse();

        for (String mode : Cluster.MODES) {
            ItsmeUser user = users.get(mode);
            HttpResponse<String> toCallback = user.submitApproval(pages.get(mode), PERSON);
            HttpResponse<String> callback = user.web().get(WebClient.location(toCallback));
            assertThat(node(callback)).isEqualTo("b");
            WebClient.Trail back = user.web().follow(callback);
            assertThat(back.status()).as("%s: %s", mode, back.body()).isEqualTo(200);
            assertThat(report(back.body())).containsEntry("caller", sub(mode)).containsEntry("node", "b");

            // itsme now fetches, from B, the request object A created: the grid kept its backup
            ItsmeUser late = notFetched.get(mode);
            WebClient.Trail lateBack = late.approve(itsmePage(late, redirects.get(mode)), PERSON);
            assertThat(lateBack.status()).as("%s, fetched after A stopped: %s", mode, lateBack.body()).isEqualTo(200);
            assertThat(report(lateBack.body())).containsEntry("caller", sub(mode)).containsEntry("node", "b");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A whole login, round robin until the callback, which is pinned to {@code node}. */
    static WebClient.Trail logInWithCallbackOn(String mode, String node) {
        ItsmeUser user = cluster.user();
        HttpResponse<String> toItsme = user.web().get(cluster.app(mode).resolve("protected/whoami"));
        assertThat(toItsme.statusCode()).as(toItsme.body()).isEqualTo(302);
        ItsmePage page = itsmePage(user, toItsme);
        HttpResponse<String> toCallback = user.submitApproval(page, PERSON);
        user.web().pin(node);
        return user.web().follow(user.web().get(WebClient.location(toCallback)));
    }

    /** The {@code request_uri} of the authorization request the application redirected to. */
    static URI requestUri(HttpResponse<String> toItsme) {
        Map<String, String> query = WebClient.query(WebClient.location(toItsme));
        assertThat(query).containsKey("request_uri").doesNotContainKey("request");
        return URI.create(query.get("request_uri"));
    }

    /**
     * Waits until every node may fetch itsme's keys again: an unknown {@code kid} triggers a refetch at most once per
     * {@link #JWKS_REFETCH_INTERVAL} since the last one.
     */
    static void awaitJwksRefetchWindow() throws InterruptedException {
        Instant last = cluster.itsme.recordedRequests(Endpoint.JWKS).stream().map(r -> r.receivedAt())
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        Duration wait = Duration.between(Instant.now(), last.plus(JWKS_REFETCH_INTERVAL).plusSeconds(2));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
    }

    static String sub(String mode) {
        return PERSON.subFor(ClusterApps.clientId(mode));
    }

    /** Follows the application's redirect to itsme's page (itsme fetches the request object meanwhile). */
    static ItsmePage itsmePage(ItsmeUser user, HttpResponse<String> toItsme) {
        WebClient.Trail trail = user.web().follow(toItsme);
        assertThat(trail.uri().toString()).as("where the redirect led: %s", trail.uris())
                .startsWith(cluster.itsme.issuer() + "/authorization");
        assertThat(trail.status()).as("itsme's page: %s", trail.body()).isEqualTo(200);
        return new ItsmePage(trail.uri(), trail.body());
    }

    /** The node that served an answer that came through the proxy. */
    static String node(HttpResponse<?> response) {
        String upstream = response.headers().firstValue(Nginx.UPSTREAM_HEADER)
                .orElseThrow(() -> new AssertionError("no " + Nginx.UPSTREAM_HEADER + " from " + response.uri()));
        if (upstream.endsWith(":" + cluster.a.httpPort())) {
            return "a";
        }
        if (upstream.endsWith(":" + cluster.b.httpPort())) {
            return "b";
        }
        throw new AssertionError("unknown upstream " + upstream);
    }
}

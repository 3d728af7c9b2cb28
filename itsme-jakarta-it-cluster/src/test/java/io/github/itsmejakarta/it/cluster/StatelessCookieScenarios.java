package io.github.itsmejakarta.it.cluster;

import static io.github.itsmejakarta.it.cluster.support.ItsmeUser.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.cluster.support.ClusterApps;
import io.github.itsmejakarta.it.cluster.support.ItsmeUser;
import io.github.itsmejakarta.it.cluster.support.ItsmeUser.ItsmePage;
import io.github.itsmejakarta.it.cluster.support.ServerProcess;
import io.github.itsmejakarta.it.cluster.support.WebClient;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.TestPerson;
import io.github.itsmejakarta.testkit.TestPersons;

/**
 * Cookie mode is stateless (issue 9): two separately started instances A and B of one server, no clustering, no
 * shared session, no shared cache, nothing between them but the same WAR and so the same secret
 * ({@code itsme.cookie-secret}); request objects by value (nothing waits on a node for itsme's fetch). A login started
 * on one instance completes on the other, both ways, and the protected page then answers as the same caller.
 * The rejecting twin: the same WAR but for the cookie secret ({@code mismatch}: another secret on B) refuses B's
 * callback of a login that A started ({@code ITSME-1721}, B logs {@code ITSME-1726}), and accepts it on A.
 *
 * <p>Each instance starts once for the class (both in parallel) and is stopped by process id. Plain http on
 * 127.0.0.1: the public URL is A's ({@code itsme.redirect-uri}); a callback "landing on B" is itsme's redirect sent to
 * B's port, as a balancer would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatelessCookieScenarios {

    static final TestPerson PERSON = TestPersons.BELGIAN_EID_HOLDER;
    static final String APP = "cookie";
    static final String MISMATCH = "mismatch";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    ItsmeSimulator itsme;
    ServerProcess a;
    ServerProcess b;

    /** The port of instance {@code node} ({@code a} or {@code b}). */
    abstract int port(String node);

    /** Instance {@code node} of the server, not started, with these WARs. */
    abstract ServerProcess instance(String node, Path work, List<Path> wars) throws Exception;

    /** The server's name in paths. */
    abstract String server();

    @BeforeAll
    void startInstances() throws Exception {
        Path work = Path.of(System.getProperty("cluster.work")).resolve(server());
        try {
            itsme = ItsmeSimulator.builder().port(0).build().start();
            RelyingPartyKeys keys = RelyingPartyKeys.generate();
            String secret = secret();
            Path shared = Files.createDirectories(work.resolve("wars/shared"));
            Path war = ClusterApps.build(APP, base("a", APP), keys, itsme, settings(secret), shared);
            Path mismatchA = ClusterApps.build(MISMATCH, base("a", MISMATCH), keys, itsme, settings(secret),
                    Files.createDirectories(work.resolve("wars/a")));
            Path mismatchB = ClusterApps.build(MISMATCH, base("a", MISMATCH), keys, itsme, settings(secret()),
                    Files.createDirectories(work.resolve("wars/b")));
            a = instance("a", work, List.of(war, mismatchA));
            b = instance("b", work, List.of(war, mismatchB));
            a.start();
            b.start();
            for (ServerProcess s : List.of(a, b)) {
                String node = s == a ? "a" : "b";
                s.awaitReady(List.of(base(node, APP).resolve("public"), base(node, MISMATCH).resolve("public")),
                        START_TIMEOUT);
            }
        } catch (Exception | Error e) {
            stopInstances();
            throw e;
        }
    }

    @AfterAll
    void stopInstances() {
        for (AutoCloseable c : new AutoCloseable[]{a, b, itsme}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("stopping " + c + ": " + e);
                }
            }
        }
    }

    /** Login on A, callback on B; then login on B, callback on A: both instances answer as the same caller. */
    @Test
    void aLoginStartedOnOneInstanceCompletesOnTheOther() {
        String sub = PERSON.subFor(ClusterApps.clientId(APP));
        for (String[] route : new String[][]{{"a", "b"}, {"b", "a"}}) {
            String start = route[0];
            String callbackOn = route[1];
            ItsmeUser user = user();
            URI page = base(start, APP).resolve("protected/whoami");
            HttpResponse<String> toItsme = user.web().get(page);
            assertThat(toItsme.statusCode()).as("%s: %s", start, toItsme.body()).isEqualTo(302);
            // cookie mode: the login in progress is in the browser; the instance keeps nothing
            assertThat(toItsme.headers().allValues("Set-Cookie"))
                    .anySatisfy(c -> assertThat(c).startsWith("ITSME_LOGIN_"))
                    .noneSatisfy(c -> assertThat(c).startsWith("JSESSIONID"));

            WebClient.Trail back = callbackOn(user, toItsme, callbackOn, APP);
            assertThat(back.status()).as("%s -> %s: %s", start, callbackOn, back.body()).isEqualTo(200);
            assertThat(back.uri().getPort()).isEqualTo(port(callbackOn));
            assertThat(back.uri().getPath()).isEqualTo(page.getPath());
            assertThat(report(back.body())).containsEntry("node", callbackOn).containsEntry("caller", sub)
                    .containsEntry("authenticated", "true").containsEntry("role-user", "true");

            // no clustering at all: the established caller lives in the session of the instance of the callback
            HttpResponse<String> elsewhere = user.web().get(base(start, APP).resolve("protected/whoami"));
            assertThat(elsewhere.statusCode()).as("%s after the callback on %s: %s", start, callbackOn,
                    elsewhere.body()).isEqualTo(302);
            assertThat(WebClient.location(elsewhere).toString()).startsWith(itsme.issuer() + "/authorization");
        }
    }

    /**
     * The rejecting twin: the same WAR with another cookie secret on B cannot read A's login-state cookie, so B's
     * callback is refused; A, with the secret that sealed it, completes the same kind of login.
     */
    @Test
    void aCallbackOnAnInstanceWithAnotherSecretIsRefused() throws Exception {
        ItsmeUser refused = user();
        HttpResponse<String> toItsme = refused.web().get(base("a", MISMATCH).resolve("protected/whoami"));
        assertThat(toItsme.statusCode()).isEqualTo(302);
        WebClient.Trail onB = callbackOn(refused, toItsme, "b", MISMATCH);
        assertThat(onB.status()).as(onB.body()).isEqualTo(401);
        assertThat(onB.uri().getPort()).isEqualTo(port("b"));
        assertThat(onB.body()).contains("ITSME-1721").doesNotContain("Exception");
        assertThat(b.logContains("ITSME-1726")).as("B logs why: the cookie does not open with its secret").isTrue();
        assertThat(refused.web().get(base("b", MISMATCH).resolve("protected/whoami")).statusCode()).isEqualTo(302);

        ItsmeUser accepted = user();
        HttpResponse<String> again = accepted.web().get(base("a", MISMATCH).resolve("protected/whoami"));
        WebClient.Trail onA = callbackOn(accepted, again, "a", MISMATCH);
        assertThat(onA.status()).as(onA.body()).isEqualTo(200);
        assertThat(report(onA.body())).containsEntry("node", "a")
                .containsEntry("caller", PERSON.subFor(ClusterApps.clientId(MISMATCH)));
    }

    /** itsme's page, approval, and itsme's redirect to the callback sent to instance {@code node}; then followed. */
    WebClient.Trail callbackOn(ItsmeUser user, HttpResponse<String> toItsme, String node, String app) {
        WebClient.Trail trail = user.web().follow(toItsme);
        assertThat(trail.uri().toString()).as("where the redirect led: %s", trail.uris())
                .startsWith(itsme.issuer() + "/authorization");
        assertThat(trail.status()).as("itsme's page: %s", trail.body()).isEqualTo(200);
        HttpResponse<String> toCallback = user.submitApproval(new ItsmePage(trail.uri(), trail.body()), PERSON);
        assertThat(toCallback.statusCode()).as(toCallback.body()).isEqualTo(302);
        URI callback = WebClient.location(toCallback);
        assertThat(callback.toString()).startsWith(base("a", app).resolve("itsme/callback").toString());
        URI onNode = URI.create(callback.toString().replaceFirst("^http://127\\.0\\.0\\.1:\\d+/",
                "http://127.0.0.1:" + port(node) + "/"));
        HttpResponse<String> answer = user.web().get(onNode);
        if (!WebClient.isRedirect(answer.statusCode())) {
            return user.web().follow(answer);
        }
        // back to the page the login began on, on the instance that completed it
        URI next = WebClient.location(answer);
        URI sameNode = URI.create("http://127.0.0.1:" + port(node) + next.getRawPath()
                + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
        return user.web().browse(sameNode);
    }

    ItsmeUser user() {
        try {
            return new ItsmeUser(itsme, javax.net.ssl.SSLContext.getDefault());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    URI base(String node, String app) {
        return URI.create("http://127.0.0.1:" + port(node) + "/" + app + "/");
    }

    static Map<String, String> settings(String cookieSecret) {
        return Map.of("itsme.login-state", "cookie", "itsme.request-object", "value", "itsme.cookie-secret",
                cookieSecret);
    }

    static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}

package io.github.itsmejakarta.it;

import static io.github.itsmejakarta.it.support.ItsmeUser.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.support.ItsmeApps;
import io.github.itsmejakarta.it.support.ItsmeUser;
import io.github.itsmejakarta.it.support.Server;
import io.github.itsmejakarta.it.support.WebClient;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.TestPersons;
import io.github.itsmejakarta.testkit.ItsmeLogin;

/**
 * Issue 7 item 3, checklist item 37, on a real server: itsme's discovery accepts the connection and never answers
 * while 50 protected requests arrive at once. Each gets its 503 within the configured connect + read timeouts + 1 s
 * of its own arrival (not one after another), at most one discovery fetch is made in that window, and once discovery
 * answers again the next login works without a restart.
 */
@ExtendWith(ArquillianExtension.class)
class ItsmeDiscoveryOutageIT {

    static final String APP = "itsme-discovery-outage";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    static final Duration BOUND = CONNECT_TIMEOUT.plus(READ_TIMEOUT).plusSeconds(1);
    static final int CONCURRENT = 50;

    static ItsmeSimulator itsme;

    @Deployment(testable = false)
    static WebArchive deployment() {
        itsme = ItsmeSimulator.builder().port(0).build().start();
        RelyingPartyKeys keys = RelyingPartyKeys.generate();
        ItsmeApps.register(itsme, APP, keys);
        Map<String, String> config = ItsmeApps.config(APP, itsme.discoveryUri(), keys);
        config.put("itsme.connect-timeout", "PT" + CONNECT_TIMEOUT.toSeconds() + "S");
        config.put("itsme.read-timeout", "PT" + READ_TIMEOUT.toSeconds() + "S");
        return ItsmeApps.war(APP, config);
    }

    @AfterAll
    static void stopItsme() {
        if (itsme != null) {
            itsme.close();
        }
    }

    private final URI app = Server.base(APP);

    /** One protected request: its status and how long it took from its own start. */
    record Timed(int status, Duration took, String body) {
    }

    @Test
    void fiftyConcurrentRequestsEachGetTheir503InTimeThenLoginRecovers() throws Exception {
        itsme.reset();
        itsme.hooks().hang(Endpoint.DISCOVERY);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        List<Timed> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Timed>> futures = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                futures.add(pool.submit(() -> {
                    WebClient web = new WebClient();
                    start.await();
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = web.get(app.resolve("protected/whoami"));
                    return new Timed(r.statusCode(), Duration.ofNanos(System.nanoTime() - t0), r.body());
                }));
            }
            start.countDown();
            for (Future<Timed> f : futures) {
                answers.add(f.get(2 * CONCURRENT * BOUND.toSeconds(), TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        int fetches = itsme.recordedRequests(Endpoint.DISCOVERY).size();
        List<Long> millis = answers.stream().map(a -> a.took().toMillis()).sorted().toList();
        System.out.printf("[%s] %d protected requests while discovery hangs: 503 after min %d ms, median %d ms,"
                + " max %d ms (bound %d ms); discovery fetches: %d%n", Server.name(), CONCURRENT, millis.get(0),
                millis.get(millis.size() / 2), millis.get(millis.size() - 1), BOUND.toMillis(), fetches);
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(503);
            assertThat(a.took()).isLessThanOrEqualTo(BOUND);
        });
        assertThat(fetches).isLessThanOrEqualTo(1);

        // itsme is back: the hang is released and discovery answers; the application needs no restart
        itsme.reset();
        ItsmeUser user = new ItsmeUser(itsme);
        HttpResponse<String> first = user.web().get(app.resolve("protected/whoami"));
        for (int i = 0; i < 60 && first.statusCode() == 503; i++) {
            Thread.sleep(1000); // a remembered failure lasts a short, documented time
            first = user.web().get(app.resolve("protected/whoami"));
        }
        assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
        ItsmeLogin.Session back = user.logIn(app.resolve("protected/whoami"), TestPersons.BELGIAN_EID_HOLDER);
        assertThat(back.landing().statusCode()).as(back.landing().body()).isEqualTo(200);
        assertThat(report(back.landing().body())).containsEntry("caller",
                TestPersons.BELGIAN_EID_HOLDER.subFor(ItsmeApps.clientId(APP)));
    }
}

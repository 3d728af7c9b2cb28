package io.github.itsmejakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.support.ItsmeApps;
import io.github.itsmejakarta.it.support.Server;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.ItsmeSimulator;

/**
 * Issue 11, health: the opt-in readiness check {@code itsme} on servers with MicroProfile Health, at the server's
 * {@code /health/ready}. Only this WAR enables it ({@code itsme.health.enabled=true}). The application deploys while
 * itsme's discovery fails, and the check is DOWN with the failure's message id; once itsme answers, the check reads
 * discovery and the JWK set and is UP; when discovery fails again, the check goes DOWN with the message id once its
 * last success is older than {@code itsme.health.max-age}.
 * <p>
 * Not on WildFly: its default {@code standalone.xml} has WildFly's own {@code health} subsystem, not the
 * MicroProfile one ({@code microprofile-health-smallrye} is only in {@code standalone-microprofile.xml}), so the
 * MicroProfile Health API is not visible to applications and the extension adds no check.
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIfSystemProperty(named = "it.server", matches = "wildfly", disabledReason = "no MicroProfile Health in"
        + " WildFly's default standalone.xml")
class ItsmeReadinessIT {

    static final String APP = "itsme-ready";
    static final Duration MAX_AGE = Duration.ofSeconds(10);
    /** Core's id for a discovery document that could not be fetched (here: itsme answers 503, then 500). */
    static final String DISCOVERY_FAILED = "ITSME-1101";
    static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"(ITSME-\\d{4})\"");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(UP|DOWN)\"");

    static ItsmeSimulator itsme;

    @Deployment(testable = false)
    static WebArchive deployment() {
        itsme = ItsmeSimulator.builder().port(0).build().start();
        RelyingPartyKeys keys = RelyingPartyKeys.generate();
        ItsmeApps.register(itsme, APP, keys);
        Map<String, String> config = ItsmeApps.config(APP, itsme.discoveryUri(), keys);
        config.put("itsme.health.enabled", "true");
        config.put("itsme.health.max-age", MAX_AGE.toString());
        config.put("itsme.connect-timeout", "PT2S");
        config.put("itsme.read-timeout", "PT2S");
        // itsme is down while the application deploys and starts
        itsme.hooks().serverError(Endpoint.DISCOVERY, 503);
        return ItsmeApps.war(APP, config);
    }

    @AfterAll
    static void stopItsme() {
        if (itsme != null) {
            itsme.close();
        }
    }

    private final URI app = Server.base(APP);
    private final URI ready = URI.create("http://127.0.0.1:" + Server.httpPort() + "/health/ready");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The {@code itsme} check as {@code /health/ready} shows it, with the endpoint's HTTP status. */
    record Probe(int httpStatus, String check, String body) {
        String status() {
            Matcher m = STATUS.matcher(check);
            return m.find() ? m.group(1) : "none";
        }

        String messageId() {
            Matcher m = MESSAGE_ID.matcher(check);
            return m.find() ? m.group(1) : "none";
        }
    }

    @Test
    void deploysWhileItsmeIsDownThenUpOnceItsmeWasReadThenDownAgainWithTheMessageId() throws Exception {
        // deployed while discovery answered 503: the application serves, the check is DOWN with the failure's id
        assertThat(get(app.resolve("public")).statusCode()).isEqualTo(200);
        assertThat(get(app.resolve("protected/whoami")).statusCode()).isEqualTo(503);
        Probe down = probe();
        System.out.printf("[%s] while itsme is down: %d %s%n", Server.name(), down.httpStatus(), down.body());
        assertThat(down.status()).as(down.body()).isEqualTo("DOWN");
        assertThat(down.httpStatus()).isEqualTo(503);
        assertThat(down.messageId()).as("discovery could not be read: %s", down.body()).isEqualTo(DISCOVERY_FAILED);

        // itsme answers: the next probe reads discovery and the JWK set
        itsme.reset();
        Probe up = awaitProbe(p -> p.status().equals("UP"), Duration.ofSeconds(20));
        System.out.printf("[%s] itsme reachable: %d %s%n", Server.name(), up.httpStatus(), up.body());
        assertThat(up.check()).contains("lastSuccess").doesNotContain("messageId");
        assertThat(up.httpStatus()).isEqualTo(200);
        assertThat(itsme.recordedRequests(Endpoint.DISCOVERY)).isNotEmpty();
        assertThat(itsme.recordedRequests(Endpoint.JWKS)).as("the check read itsme's keys").isNotEmpty();

        // discovery fails again: once the success is older than max-age, the check looks again and is DOWN
        itsme.hooks().serverError(Endpoint.DISCOVERY, 500);
        Probe again = awaitProbe(p -> p.status().equals("DOWN"), MAX_AGE.plusSeconds(30));
        System.out.printf("[%s] discovery failing again: %d %s%n", Server.name(), again.httpStatus(), again.body());
        assertThat(again.messageId()).as(again.body()).isEqualTo(DISCOVERY_FAILED);
        assertThat(again.check()).as("the last success is still reported").contains("lastSuccess");
        assertThat(again.httpStatus()).isEqualTo(503);
    }

    private Probe awaitProbe(Predicate<Probe> until, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Probe probe = probe();
        while (!until.test(probe) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            probe = probe();
        }
        assertThat(until.test(probe)).as("within %s: %s", within, probe.body()).isTrue();
        return probe;
    }

    private Probe probe() throws IOException, InterruptedException {
        HttpResponse<String> response = get(ready);
        return new Probe(response.statusCode(), check(response.body(), "itsme"), response.body());
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON object of the check with this name in a health answer, braces matched ({@code ""} if absent). */
    static String check(String json, String name) {
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(name) + "\"").matcher(json);
        if (!m.find()) {
            return "";
        }
        int start = json.lastIndexOf('{', m.start());
        int depth = 0;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return json.substring(start, i + 1);
            }
        }
        return "";
    }
}

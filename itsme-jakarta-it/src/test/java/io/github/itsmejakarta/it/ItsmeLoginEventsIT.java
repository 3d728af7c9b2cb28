package io.github.itsmejakarta.it;

import static io.github.itsmejakarta.it.support.ItsmeUser.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.eventsapp.LoginEventLog;
import io.github.itsmejakarta.it.support.ItsmeApps;
import io.github.itsmejakarta.it.support.Server;
import io.github.itsmejakarta.it.support.WebClient;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.ItsmeLogin;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.RecordedRequest;
import io.github.itsmejakarta.testkit.TestPerson;
import io.github.itsmejakarta.testkit.TestPersons;

/**
 * Issue 11, events: an observer in the deployed application ({@link LoginEventLog}, shown by the {@code /events}
 * page) sees {@code ItsmeLoginSucceeded} for a login and for a Confirm in the same session (caller, {@code sub}, flow,
 * acr, first-login flag, previous {@code sub}), and {@code ItsmeLoginFailed} for a login the user refuses and for a
 * callback nobody started (message id, flow, status); no event carries a token, a code or a claim beyond {@code sub}.
 */
@ExtendWith(ArquillianExtension.class)
class ItsmeLoginEventsIT {

    static final String APP = "itsme-events";
    static final TestPerson MARIE = TestPersons.BELGIAN_EID_HOLDER;
    static final TestPerson SANNE = TestPersons.DUTCH_DOCUMENT_HOLDER;

    static ItsmeSimulator itsme;

    @Deployment(testable = false)
    static WebArchive deployment() {
        itsme = ItsmeSimulator.builder().port(0).build().start();
        RelyingPartyKeys keys = RelyingPartyKeys.generate();
        ItsmeApps.register(itsme, APP, keys);
        return ItsmeApps.war(APP, ItsmeApps.config(APP, itsme.discoveryUri(), keys))
                .addPackage(LoginEventLog.class.getPackage());
    }

    @AfterAll
    static void stopItsme() {
        if (itsme != null) {
            itsme.close();
        }
    }

    private final URI app = Server.base(APP);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theApplicationObservesLoginsAndFailuresWithWhatTheyCarryAndNoToken() throws Exception {
        itsme.reset();
        assertThat(send(HttpRequest.newBuilder(app.resolve("events")).POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(204);
        String marieSub = MARIE.subFor(ItsmeApps.clientId(APP));

        // a login, then a Confirm in the same session
        ItsmeLogin.Session marie = ItsmeLogin.as(MARIE).timeout(WebClient.TIMEOUT).through(itsme)
                .open(app.resolve("protected/whoami?userinfo"));
        Map<String, String> seen = report(marie.landing().body());
        assertThat(seen).containsEntry("sub", marieSub);
        ItsmeLogin.Session confirmed = ItsmeLogin.as(MARIE).timeout(WebClient.TIMEOUT).through(itsme).within(marie)
                .open(app.resolve("flow/confirm?text=Sign%20contract%2042"));
        assertThat(report(confirmed.landing().body())).containsEntry("confirmed-text", "Sign contract 42");

        // Sanne refuses on itsme; then a callback that no login started
        itsme.hooks().denyNext();
        assertThatThrownBy(() -> ItsmeLogin.as(SANNE).timeout(WebClient.TIMEOUT).open(app.resolve("protected/whoami")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 401");
        HttpResponse<String> forged = send(
                HttpRequest.newBuilder(app.resolve("itsme/callback?code=forged&state=forged")));
        assertThat(forged.statusCode()).isEqualTo(401);

        String events = send(HttpRequest.newBuilder(app.resolve("events"))).body();
        Map<String, String> e = report(events);
        assertThat(e).as(events).containsEntry("count", "4");

        assertThat(e).containsEntry("1.type", "succeeded").containsEntry("1.caller", seen.get("caller"))
                .containsEntry("1.sub", marieSub).containsEntry("1.service", "LOGIN")
                .containsEntry("1.acr", "http://itsme.services/v2/claim/acr_basic").containsEntry("1.first", "true")
                .containsEntry("1.previous", "-");
        assertThat(seen).as("the application saw the same level").containsEntry("acr", "BASIC");

        assertThat(e).containsEntry("2.type", "succeeded").containsEntry("2.caller", seen.get("caller"))
                .containsEntry("2.sub", marieSub).containsEntry("2.service", "CONFIRM")
                .containsEntry("2.first", "false").containsEntry("2.previous", marieSub);
        assertThat(e.get("2.acr")).startsWith("http://itsme.services/v2/claim/acr_");

        assertThat(e).containsEntry("3.type", "failed").containsEntry("3.message-id", "ITSME-1201")
                .containsEntry("3.service", "LOGIN").containsEntry("3.status", "401");
        assertThat(e).containsEntry("4.type", "failed").containsEntry("4.message-id", "ITSME-1721")
                .containsEntry("4.service", "-").containsEntry("4.status", "401");

        // nothing secret or personal in any event, as a whole record: no JWT, no code, no access token, no claim
        List<String> secrets = new ArrayList<>();
        itsme.recordedRequests(Endpoint.TOKEN).forEach(r -> r.formParameter("code").ifPresent(secrets::add));
        for (RecordedRequest userinfo : itsme.recordedRequests(Endpoint.USERINFO)) {
            userinfo.header("Authorization").map(v -> v.replaceFirst("(?i)^Bearer ", "")).ifPresent(secrets::add);
        }
        assertThat(secrets).as("the flow's codes and the access token were seen").hasSizeGreaterThanOrEqualTo(3);
        String records = events.lines().filter(l -> l.contains(".record=")).reduce("", (a, b) -> a + b + "\n");
        assertThat(records).contains("ItsmeLoginSucceeded", "ItsmeLoginFailed", marieSub).doesNotContain("eyJ")
                .doesNotContain(secrets);
        for (String claim : List.of("name", "ui-name", "ui-national-number", "ui-locality")) {
            String value = seen.get(claim);
            if (value != null && !"-".equals(value)) {
                assertThat(records).as(claim).doesNotContain(value);
            }
        }
        assertThat(seen.get("ui-name")).as("userinfo was read, so the claims above were checked").isNotEqualTo("-");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

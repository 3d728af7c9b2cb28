package io.github.itsmejakarta.it;

import static io.github.itsmejakarta.it.support.ItsmeUser.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.ee11app.ApiTokenMechanism;
import io.github.itsmejakarta.it.ee11app.Ee11Setup;
import io.github.itsmejakarta.it.support.ItsmeApps;
import io.github.itsmejakarta.it.support.ItsmeUser;
import io.github.itsmejakarta.it.support.Server;
import io.github.itsmejakarta.it.support.Wars;
import io.github.itsmejakarta.it.support.WebClient;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.TestPerson;
import io.github.itsmejakarta.testkit.TestPersons;
import io.github.itsmejakarta.testkit.ItsmeLogin;

/**
 * Jakarta Security 4.0 (Jakarta EE 11 servers only): itsme beside a second mechanism. The itsme mechanism is
 * qualified ({@code @ItsmeAuthenticationMechanismDefinition(qualifiers = ItsmeLogin.class)}), a bearer-token
 * mechanism authenticates the API, and the application's {@code HttpAuthenticationMechanismHandler} picks one per
 * path: {@code /app/*} by itsme, {@code /api/*} by the token, each path by its own only.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.ee", matches = "11", disabledReason = "Jakarta Security 4.0 needs an EE 11 server")
class ItsmeBesideAnotherMechanismIT {

    static final String APP = "itsme-ee11";
    static final TestPerson MARIE = TestPersons.BELGIAN_EID_HOLDER;
    static final Map<String, String> TOKEN = Map.of("Authorization", "Bearer " + ApiTokenMechanism.TOKEN);

    static ItsmeSimulator itsme;

    @Deployment(testable = false)
    static WebArchive deployment() {
        itsme = ItsmeSimulator.builder().port(0).build().start();
        RelyingPartyKeys keys = RelyingPartyKeys.generate();
        ItsmeApps.register(itsme, APP, keys);
        return Wars.war(APP, ItsmeApps.config(APP, itsme.discoveryUri(), keys))
                .addPackage(Ee11Setup.class.getPackage());
    }

    @AfterAll
    static void stopItsme() {
        if (itsme != null) {
            itsme.close();
        }
    }

    @BeforeEach
    void resetItsme() {
        itsme.reset();
    }

    private final URI app = Server.base(APP);

    @Test
    void browserPagesLogInWithItsme() {
        ItsmeLogin.Session back = ItsmeLogin.as(MARIE).timeout(WebClient.TIMEOUT).open(app.resolve("app/whoami"));
        assertThat(back.landing().statusCode()).as(back.landing().body()).isEqualTo(200);
        assertThat(back.landing().uri()).isEqualTo(app.resolve("app/whoami"));
        assertThat(report(back.landing().body())).containsEntry("app caller", MARIE.subFor(ItsmeApps.clientId(APP)))
                .containsEntry("itsme-principal", "true");
    }

    @Test
    void theApiLogsInWithItsTokenOnly() {
        WebClient client = new WebClient();
        HttpResponse<String> ok = client.get(app.resolve("api/data"), TOKEN);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("api caller=" + ApiTokenMechanism.CALLER + "\n");

        HttpResponse<String> none = client.get(app.resolve("api/data"));
        assertThat(none.statusCode()).as(none.body()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"api\"");
        HttpResponse<String> wrong = client.get(app.resolve("api/data"), Map.of("Authorization", "Bearer forged"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void eachPathIsAuthenticatedByItsOwnMechanism() {
        // a browser logged in with itsme has no access to the API: its session is not the API's credential
        ItsmeUser marie = new ItsmeUser(itsme);
        assertThat(marie.logIn(app.resolve("app/whoami"), MARIE).landing().statusCode()).isEqualTo(200);
        HttpResponse<String> api = marie.web().get(app.resolve("api/data"));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"api\"");
        // and the API's token opens no page: the pages go to itsme
        HttpResponse<String> page = new WebClient().get(app.resolve("app/whoami"), TOKEN);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
        assertThat(WebClient.location(page).toString()).startsWith(itsme.issuer() + "/authorization");
    }
}

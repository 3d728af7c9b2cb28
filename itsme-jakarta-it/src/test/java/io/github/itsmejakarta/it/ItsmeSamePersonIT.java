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
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.it.support.ItsmeApps;
import io.github.itsmejakarta.it.support.ItsmeUser;
import io.github.itsmejakarta.it.support.ItsmeUser.ItsmePage;
import io.github.itsmejakarta.it.support.Server;
import io.github.itsmejakarta.it.support.WebClient;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.TestPerson;
import io.github.itsmejakarta.testkit.TestPersons;

/**
 * Issue 7 item 5, checklist item 38, on a real server: Marie logs in, then confirms a text with
 * {@code ItsmeContext.start}; when itsme authenticates Sanne instead, the callback answers 401 ITSME-1731, Marie's
 * session is unchanged and no confirmation is recorded. The twin: Marie herself confirms, and it is recorded.
 */
@ExtendWith(ArquillianExtension.class)
class ItsmeSamePersonIT {

    static final String APP = "itsme-same-person";
    static final TestPerson MARIE = TestPersons.BELGIAN_EID_HOLDER;
    static final TestPerson SANNE = TestPersons.DUTCH_DOCUMENT_HOLDER;

    static ItsmeSimulator itsme;

    @Deployment(testable = false)
    static WebArchive deployment() {
        itsme = ItsmeSimulator.builder().port(0).build().start();
        RelyingPartyKeys keys = RelyingPartyKeys.generate();
        ItsmeApps.register(itsme, APP, keys);
        return ItsmeApps.war(APP, ItsmeApps.config(APP, itsme.discoveryUri(), keys));
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

    private ItsmePage loggedInConfirm(ItsmeUser marie) {
        assertThat(marie.logIn(app.resolve("protected/whoami"), MARIE).landing().statusCode()).isEqualTo(200);
        return marie.openExpectingItsme(app.resolve("flow/confirm?text=Sign%20contract%2042"));
    }

    @Test
    void aConfirmApprovedByAnotherPersonIsRefusedAndMariesSessionIsUnchanged() {
        ItsmeUser marie = new ItsmeUser(itsme);
        ItsmePage confirm = loggedInConfirm(marie);

        itsme.hooks().nextApprovalAs(SANNE);
        WebClient.Trail back = marie.approve(confirm, MARIE);

        assertThat(back.status()).as(back.body()).isEqualTo(401);
        assertThat(back.body()).contains("ITSME-1731").doesNotContain("Exception");
        HttpResponse<String> after = marie.web().get(app.resolve("protected/whoami"));
        assertThat(after.statusCode()).isEqualTo(200);
        Map<String, String> seen = report(after.body());
        assertThat(seen).containsEntry("caller", MARIE.subFor(ItsmeApps.clientId(APP)));
        assertThat(seen.get("confirmed-text")).isIn(null, "-");
    }

    @Test
    void aConfirmApprovedByMarieHerselfIsRecorded() {
        ItsmeUser marie = new ItsmeUser(itsme);
        ItsmePage confirm = loggedInConfirm(marie);

        WebClient.Trail back = marie.approve(confirm, MARIE);

        assertThat(back.status()).as(back.body()).isEqualTo(200);
        Map<String, String> seen = report(back.body());
        assertThat(seen).containsEntry("caller", MARIE.subFor(ItsmeApps.clientId(APP)))
                .containsEntry("confirmed-text", "Sign contract 42");
    }
}

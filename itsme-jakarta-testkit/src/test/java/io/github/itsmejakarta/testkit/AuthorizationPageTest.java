package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTML page a person uses to pick a test person and approve or deny. */
class AuthorizationPageTest {

    static final TestRelyingParty RP = new TestRelyingParty("page-client");

    @RegisterExtension
    static final ItsmeSimulatorExtension ITSME = ItsmeSimulatorExtension.builder().client(RP.client()).build();

    private static final Pattern CONSENT = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");

    private String consentId(String page) {
        Matcher m = CONSENT.matcher(page);
        assertThat(m.find()).as("consent field in %s", page).isTrue();
        return m.group(1);
    }

    private URI decisionUri(ItsmeSimulator sim) {
        return URI.create(sim.issuer() + "/authorization/decision");
    }

    @Test
    void pageListsEveryPersonWithStableIdsAndTheButtons(ItsmeSimulator sim) {
        HttpResponse<String> page = RP.get(uri(sim.authorizationEndpoint(), RP.authorizationParams(LOGIN, pkce(),
                "profile")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "text/html"));
        for (TestPerson person : TestPersons.all()) {
            assertThat(page.body()).contains("id=\"person-" + person.id() + "\"")
                    .contains("value=\"" + person.id() + "\"");
        }
        assertThat(page.body()).contains("id=\"approve\"", "id=\"deny\"", "action=\"/v2/authorization/decision\"",
                "method=\"post\"", "page-client", LOGIN);
    }

    @Test
    void approvingOnThePageRedirectsWithACodeForTheChosenPerson(ItsmeSimulator sim) {
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce, "");
        String page = RP.get(uri(sim.authorizationEndpoint(), params)).body();
        HttpResponse<String> decision = RP.postForm(decisionUri(sim), Map.of("consent", consentId(page), "person",
                TestPersons.DUTCH_DOCUMENT_HOLDER.id(), "decision", "approve"));
        assertThat(decision.statusCode()).isEqualTo(302);
        Map<String, String> result = redirectParams(decision);
        assertThat(result).containsEntry("state", params.get("state")).containsKey("code");
        Tokens tokens = RP.redeem(sim, result.get("code"), pkce.verifier());
        assertThat(RP.open(sim, tokens.idToken()).map()).containsEntry("sub",
                TestPersons.DUTCH_DOCUMENT_HOLDER.subFor(RP.clientId));
    }

    @Test
    void denyingOnThePageRedirectsAccessDenied(ItsmeSimulator sim) {
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        String page = RP.get(uri(sim.authorizationEndpoint(), params)).body();
        HttpResponse<String> decision = RP.postForm(decisionUri(sim), Map.of("consent", consentId(page), "person",
                TestPersons.BELGIAN_EID_HOLDER.id(), "decision", "deny"));
        assertThat(redirectParams(decision)).containsEntry("error", "access_denied")
                .containsEntry("state", params.get("state")).doesNotContainKey("code");
    }

    @Test
    void aDecisionCountsOnce(ItsmeSimulator sim) {
        String page = RP.get(uri(sim.authorizationEndpoint(), RP.authorizationParams(LOGIN, pkce(), ""))).body();
        Map<String, String> form = Map.of("consent", consentId(page), "person", TestPersons.BELGIAN_EID_HOLDER.id(),
                "decision", "approve");
        assertThat(RP.postForm(decisionUri(sim), form).statusCode()).isEqualTo(302);
        HttpResponse<String> again = RP.postForm(decisionUri(sim), form);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void unknownPersonShowsThePageAgain(ItsmeSimulator sim) {
        String page = RP.get(uri(sim.authorizationEndpoint(), RP.authorizationParams(LOGIN, pkce(), ""))).body();
        String consent = consentId(page);
        HttpResponse<String> response = RP.postForm(decisionUri(sim), Map.of("consent", consent, "person", "nobody",
                "decision", "approve"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("id=\"message\"", "id=\"approve\"");
        assertThat(RP.postForm(decisionUri(sim), Map.of("consent", consent, "person", TestPersons.BELGIAN_EID_HOLDER
                .id(), "decision", "approve")).statusCode()).isEqualTo(302);
    }

    @Test
    void everythingEchoedIsEscaped(ItsmeSimulator sim) {
        String evil = "<script>alert(1)</script>'&";
        SimulatedClient client = SimulatedClient.builder("<b>evil</b>").publicJwks(RP.publicJwks())
                .redirectUri(REDIRECT).service("EVIL", ServiceType.LOGIN).build();
        sim.registerClient(client);
        Map<String, String> params = RP.authorizationParams("EVIL", pkce(), "");
        params.put("client_id", "<b>evil</b>");
        params.put("claims", "{\"id_token\":{\"" + evil + "\":null}}");
        String page = RP.get(uri(sim.authorizationEndpoint(), params)).body();
        assertThat(page).doesNotContain("<script>", "<b>evil").contains("&lt;b&gt;evil&lt;/b&gt;",
                "&lt;script&gt;alert(1)&lt;/script&gt;&#39;&amp;");
    }

    @Test
    void errorPageEscapesToo(ItsmeSimulator sim) {
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        params.put("client_id", "<img src=x onerror=alert(1)>");
        String page = RP.get(uri(sim.authorizationEndpoint(), params)).body();
        assertThat(page).doesNotContain("<img");
    }
}

package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.ItsmeClaimNames.APPROVAL_TEMPLATE_NAME;
import static io.github.itsmejakarta.testkit.ItsmeClaimNames.APPROVAL_TEXT_KEY;
import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link SimulatorHooks#nextApprovalAs}: itsme authenticates another person than the one the test chose, once, so
 * that a relying party can show it refuses "Confirm started by A, approved by B".
 */
class NextApprovalAsTest {

    static final TestRelyingParty RP = new TestRelyingParty("next-approval-client");

    @RegisterExtension
    static final ItsmeSimulatorExtension ITSME = ItsmeSimulatorExtension.builder().client(RP.client()).build();

    private static final TestPerson A = TestPersons.BELGIAN_EID_HOLDER;
    private static final TestPerson B = TestPersons.SECOND_BELGIAN_EID_HOLDER;

    private String sub(ItsmeSimulator sim, Tokens tokens) {
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return (String) RP.open(sim, tokens.idToken()).map().get("sub");
    }

    @Test
    void autoApprovedLoginComesBackAsTheSubstituteOnceThenAsTheChosenPersonAgain(ItsmeSimulator sim,
            SimulatorHooks hooks) {
        sim.autoApprove(A);
        hooks.nextApprovalAs(B);
        assertThat(sub(sim, RP.login(sim, LOGIN, ""))).isEqualTo(B.subFor(RP.clientId));
        assertThat(sub(sim, RP.login(sim, LOGIN, ""))).as("one shot").isEqualTo(A.subFor(RP.clientId));
    }

    @Test
    void withoutTheHookTheChosenPersonApproves(ItsmeSimulator sim) {
        sim.autoApprove(A);
        assertThat(sub(sim, RP.login(sim, LOGIN, ""))).isEqualTo(A.subFor(RP.clientId));
    }

    @Test
    void approvalOnThePageIsMadeAsTheSubstitute(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.nextApprovalAs(B);
        Pkce pkce = pkce();
        String page = RP.get(uri(sim.authorizationEndpoint(), RP.authorizationParams(LOGIN, pkce, ""))).body();
        Matcher consent = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"").matcher(page);
        assertThat(consent.find()).as(page).isTrue();
        Map<String, String> result = redirectParams(RP.postForm(URI.create(sim.issuer() + "/authorization/decision"),
                Map.of("consent", consent.group(1), "person", A.id(), "decision", "approve")));
        assertThat(sub(sim, RP.redeem(sim, result.get("code"), pkce.verifier()))).isEqualTo(B.subFor(RP.clientId));
    }

    @Test
    void aConfirmPinnedToAIsApprovedAsBAndTheUserinfoSaysB(ItsmeSimulator sim, SimulatorHooks hooks) {
        sim.autoApprove(A);
        hooks.nextApprovalAs(B);
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(CONFIRM, pkce, "");
        Map<String, Object> claims = new LinkedHashMap<>(params);
        Map<String, Object> userinfo = new LinkedHashMap<>();
        userinfo.put("sub", Map.of("value", A.subFor(RP.clientId)));
        userinfo.put(APPROVAL_TEMPLATE_NAME, Map.of("essential", true, "value", "free_text"));
        userinfo.put(APPROVAL_TEXT_KEY, Map.of("essential", true, "value", "Pay 10 EUR?"));
        claims.put("claims", Map.of("userinfo", userinfo));
        params.put("request", RP.requestObject(sim, claims, "RSA-OAEP-256", "A128CBC-HS256"));
        Tokens tokens = RP.redeem(sim, RP.authorize(sim, params), pkce.verifier());
        assertThat(sub(sim, tokens)).isEqualTo(B.subFor(RP.clientId));
        assertThat(RP.open(sim, RP.get(sim.userInfoEndpoint(), tokens.accessToken()).body()).map())
                .containsEntry("sub", B.subFor(RP.clientId)).containsEntry(APPROVAL_TEXT_KEY, "Pay 10 EUR?");
    }

    @Test
    void aDenialLeavesTheHookForTheNextApprovalAndResetClearsIt(ItsmeSimulator sim, SimulatorHooks hooks) {
        sim.autoApprove(A);
        hooks.nextApprovalAs(B).denyNext();
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), RP.authorizationParams(LOGIN, pkce(),
                ""))))).containsEntry("error", "access_denied");
        assertThat(sub(sim, RP.login(sim, LOGIN, ""))).isEqualTo(B.subFor(RP.clientId));
        hooks.nextApprovalAs(B);
        sim.reset();
        sim.autoApprove(A);
        assertThat(sub(sim, RP.login(sim, LOGIN, ""))).isEqualTo(A.subFor(RP.clientId));
    }
}

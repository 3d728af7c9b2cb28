package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.ItsmeClaimNames.*;
import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * itsme's service catalogue in the simulator (issue 8): Authentication, Identification, Confirmation and Data
 * Sharing; the third-party claims only Data Sharing releases; Identification and Data Sharing refused without a user
 * claim.
 */
class DataSharingTest {

    static final String DATA = "DATA_CODE";
    static final TestRelyingParty RP = new TestRelyingParty("data-sharing-client");

    @RegisterExtension
    static final ItsmeSimulatorExtension ITSME = ItsmeSimulatorExtension.builder().client(RP.clientBuilder()
            .service(DATA, ServiceType.DATA_SHARING).build()).build();

    private static Map<String, Object> idToken(ItsmeSimulator sim, String service, String scopes, String claims) {
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(service, pkce, scopes);
        if (claims != null) {
            params.put("claims", claims);
        }
        Tokens tokens = RP.redeem(sim, RP.authorize(sim, params), pkce.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return RP.open(sim, tokens.idToken()).map();
    }

    private static Map<String, String> answer(ItsmeSimulator sim, String service, String scopes, String claims) {
        Map<String, String> params = RP.authorizationParams(service, pkce(), scopes);
        if (claims != null) {
            params.put("claims", claims);
        }
        return redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)));
    }

    private static String idTokenClaim(String... names) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (String name : names) {
            members.put(name, null);
        }
        return io.github.itsmejakarta.testkit.internal.Json.write(Map.of("id_token", members));
    }

    @Test
    void dataSharingReleasesTheStudentAttestationGrant(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.DUTCH_DOCUMENT_HOLDER);
        assertThat(idToken(sim, DATA, "", idTokenClaim(STUDENT_ATTESTATION_AG, "family_name"))).containsEntry(
                STUDENT_ATTESTATION_AG, TestPersons.DUTCH_DOCUMENT_HOLDER.claim(STUDENT_ATTESTATION_AG).orElseThrow())
                .containsEntry("family_name", "van den Berg");
    }

    @Test
    void identificationDoesNotReleaseThirdPartyClaims(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.DUTCH_DOCUMENT_HOLDER);
        assertThat(idToken(sim, SHARE, "", idTokenClaim(STUDENT_ATTESTATION_AG, "family_name"))).containsKey(
                "family_name").doesNotContainKey(STUDENT_ATTESTATION_AG);
    }

    @Test
    void theAddressScopeBringsItsAssuranceLevel(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Pkce pkce = pkce();
        Tokens tokens = RP.redeem(sim, RP.authorize(sim, RP.authorizationParams(DATA, pkce, "address")), pkce
                .verifier());
        Map<String, Object> userinfo = RP.open(sim, RP.get(sim.userInfoEndpoint(), tokens.accessToken()).body())
                .map();
        assertThat(userinfo).containsKey("address").containsEntry(ADDRESS_ASSURANCE_LEVEL, "HIGH");
        assertThat(idToken(sim, SHARE, "profile", null)).as("not without the address scope").doesNotContainKey(
                ADDRESS_ASSURANCE_LEVEL);
    }

    @Test
    void identificationAndDataSharingNeedAUserClaim(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        for (String service : new String[]{SHARE, DATA}) {
            Map<String, String> none = answer(sim, service, "", null);
            assertThat(none).as(service).containsEntry("error", "invalid_request").doesNotContainKey("code");
            assertThat(none.get("error_description")).contains("at least one user claim");
            assertThat(answer(sim, service, "", idTokenClaim("sub", "acr"))).as(service + ": protocol claims only")
                    .containsEntry("error", "invalid_request");
            assertThat(answer(sim, service, "email", null)).as(service + ": a scope").containsKey("code");
            assertThat(answer(sim, service, "", idTokenClaim("birthdate"))).as(service + ": a claim").containsKey(
                    "code");
        }
        assertThat(answer(sim, LOGIN, "", null)).as("Authentication needs none").containsKey("code");
    }

    @Test
    void thePageNamesTheService(ItsmeSimulator sim) {
        String page = RP.get(uri(sim.authorizationEndpoint(), RP.authorizationParams(DATA, pkce(), "profile")))
                .body();
        assertThat(page).contains("share your data, also from other sources").contains(DATA);
    }

    @Test
    void itsmesNamesAndTodaysNamesBothWork() {
        assertThat(ServiceType.AUTHENTICATION).isSameAs(ServiceType.LOGIN);
        assertThat(ServiceType.IDENTIFICATION).isSameAs(ServiceType.SHARE_DATA);
        assertThat(ServiceType.CONFIRMATION).isSameAs(ServiceType.CONFIRM);
        assertThat(ServiceType.fromName("authentication")).isEqualTo(ServiceType.LOGIN);
        assertThat(ServiceType.fromName("share-data")).isEqualTo(ServiceType.SHARE_DATA);
        assertThat(ServiceType.fromName("Identification")).isEqualTo(ServiceType.SHARE_DATA);
        assertThat(ServiceType.fromName("Data Sharing")).isEqualTo(ServiceType.DATA_SHARING);
        assertThat(ServiceType.fromName("data-sharing")).isEqualTo(ServiceType.DATA_SHARING);
        assertThat(ServiceType.fromName("CONFIRMATION")).isEqualTo(ServiceType.CONFIRM);
        assertThat(ServiceType.DATA_SHARING.itsmeName()).isEqualTo("Data Sharing");
        assertThatThrownBy(() -> ServiceType.fromName("signature")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Data Sharing");
    }

    @Test
    void theStandaloneSimulatorTakesItsmesNames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path jwks = java.nio.file.Files.writeString(dir.resolve("rp.jwks.json"), RP.publicJwks());
        try (ItsmeSimulator sim = ItsmeSimulatorMain.start("--port", "0", "--client-id", RP.clientId, "--jwks-file",
                jwks.toString(), "--redirect-uri", REDIRECT, "--service", DATA + "=data-sharing", "--service", SHARE
                        + "=identification",
                "--auto-approve", "dutch-document-holder")) {
            assertThat(idToken(sim, DATA, "", idTokenClaim(STUDENT_ATTESTATION_AG))).containsKey(
                    STUDENT_ATTESTATION_AG);
            assertThat(idToken(sim, SHARE, "", idTokenClaim(STUDENT_ATTESTATION_AG, "name"))).doesNotContainKey(
                    STUDENT_ATTESTATION_AG);
        }
    }
}

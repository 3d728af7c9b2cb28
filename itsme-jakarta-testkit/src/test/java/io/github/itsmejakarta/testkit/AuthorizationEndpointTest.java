package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The authorization endpoint's checks and itsme's error spellings (itsme-protocol.md, "Authorization request"). */
class AuthorizationEndpointTest {

    static final TestRelyingParty RP = new TestRelyingParty("authz-client");
    static final TestRelyingParty OTHER = new TestRelyingParty("other-client");

    @RegisterExtension
    static final ItsmeSimulatorExtension ITSME = ItsmeSimulatorExtension.builder().client(RP.client())
            .client(SimulatedClient.builder(OTHER.clientId).publicJwks(OTHER.publicJwks())
                    .redirectUri("http://127.0.0.1:9999/other/callback").service("OTHER_LOGIN", ServiceType.LOGIN)
                    .build())
            .build();

    private HttpResponse<String> authorize(Map<String, String> params) {
        return RP.get(uri(ITSME.simulator().authorizationEndpoint(), params));
    }

    private Map<String, String> valid() {
        return RP.authorizationParams(LOGIN, pkce(), "");
    }

    @Test
    void validRequestIsRedirectedWithCodeAndState(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Map<String, String> params = valid();
        HttpResponse<String> response = authorize(params);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith(REDIRECT
                + "?"));
        Map<String, String> result = redirectParams(response);
        assertThat(result).containsEntry("state", params.get("state")).containsOnlyKeys("code", "state");
        assertThat(result.get("code")).hasSize(36);
    }

    @Test
    void unknownClientIsShownOnAPageNotRedirected() {
        Map<String, String> params = valid();
        params.put("client_id", "nobody");
        HttpResponse<String> response = authorize(params);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("id=\"error\">invalid_client_id<");
    }

    @Test
    void missingClientIdIsShownOnAPage() {
        Map<String, String> params = valid();
        params.remove("client_id");
        HttpResponse<String> response = authorize(params);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_client_id");
    }

    @Test
    void unregisteredRedirectUriIsShownOnAPageNotRedirected() {
        Map<String, String> params = valid();
        params.put("redirect_uri", "http://127.0.0.1:8080/app/itsme/callback/../evil");
        HttpResponse<String> response = authorize(params);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("invalid_redirect_uri");
    }

    @Test
    void redirectUriMustMatchExactlyIncludingCase() {
        Map<String, String> params = valid();
        params.put("redirect_uri", REDIRECT.toUpperCase());
        assertThat(authorize(params).statusCode()).isEqualTo(400);
        params.put("redirect_uri", REDIRECT + "?x=1");
        assertThat(authorize(params).statusCode()).isEqualTo(400);
    }

    @Test
    void anotherClientsRedirectUriIsRefused() {
        Map<String, String> params = valid();
        params.put("redirect_uri", "http://127.0.0.1:9999/other/callback");
        assertThat(authorize(params).body()).contains("invalid_redirect_uri");
    }

    @Test
    void missingRedirectUriIsShownOnAPage() {
        Map<String, String> params = valid();
        params.remove("redirect_uri");
        HttpResponse<String> response = authorize(params);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_redirect_uri");
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "response_type|token|unsupported_response_type",
            "response_type|code id_token|unsupported_response_type",
            "scope|service:LOGIN_CODE|invalid_scope",
            "scope|openid|invalid_scope",
            "scope|openid service:UNKNOWN|invalid_scope",
            "scope|openid service:OTHER_LOGIN|invalid_scope",
            "scope|openid service:LOGIN_CODE service:SHARE_CODE|invalid_scope",
            "scope|openid service:LOGIN_CODE offline_access|invalid_scope",
            "code_challenge_method|plain|invalid_request",
            "code_challenge|tooshort|invalid_request",
            "prompt|none|login_required",
            "display|popup|invalid_request",
            "response_mode|fragment|invalid_request"})
    void badParametersAreRedirectedWithItsmeErrors(String name, String value, String error) {
        Map<String, String> params = valid();
        params.put(name, value);
        HttpResponse<String> response = authorize(params);
        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, String> result = redirectParams(response);
        assertThat(result).containsEntry("error", error).containsEntry("state", params.get("state"))
                .containsKey("error_description").doesNotContainKey("code");
    }

    @ParameterizedTest
    @CsvSource({"code_challenge", "code_challenge_method", "nonce", "response_type"})
    void missingRequiredParameterIsInvalidRequest(String name) {
        Map<String, String> params = valid();
        params.remove(name);
        Map<String, String> result = redirectParams(authorize(params));
        assertThat(result.get("error")).isIn("invalid_request", "unsupported_response_type");
        assertThat(result).containsEntry("state", params.get("state"));
    }

    @Test
    void missingStateIsInvalidRequestWithoutState() {
        Map<String, String> params = valid();
        params.remove("state");
        Map<String, String> result = redirectParams(authorize(params));
        assertThat(result).containsEntry("error", "invalid_request").doesNotContainKey("state");
    }

    @Test
    void repeatedParameterIsInvalidRequest() {
        Map<String, String> params = valid();
        URI uri = URI.create(uri(ITSME.simulator().authorizationEndpoint(), params) + "&nonce=second");
        Map<String, String> result = redirectParams(RP.get(uri));
        assertThat(result).containsEntry("error", "invalid_request");
    }

    @Test
    void confirmServiceWithoutRequestObjectIsInvalidRequest() {
        Map<String, String> params = RP.authorizationParams(CONFIRM, pkce(), "");
        Map<String, String> result = redirectParams(authorize(params));
        assertThat(result).containsEntry("error", "invalid_request");
        assertThat(result.get("error_description")).contains("request object");
    }

    @Test
    void noAcrValuesMeansBasic(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        assertThat(acrOfLoginWith(null)).isEqualTo(ItsmeClaimNames.ACR_BASIC);
    }

    @Test
    void theStricterAcrWins(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        assertThat(acrOfLoginWith(ItsmeClaimNames.ACR_BASIC + " " + ItsmeClaimNames.ACR_ADVANCED))
                .isEqualTo(ItsmeClaimNames.ACR_ADVANCED);
        assertThat(acrOfLoginWith(ItsmeClaimNames.ACR_BASIC)).isEqualTo(ItsmeClaimNames.ACR_BASIC);
        assertThat(acrOfLoginWith(ItsmeClaimNames.ACR_ADVANCED.replace("v2", "V2")))
                .isEqualTo(ItsmeClaimNames.ACR_ADVANCED);
    }

    private String acrOfLoginWith(String acrValues) {
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce, "");
        if (acrValues != null) {
            params.put("acr_values", acrValues);
        }
        Tokens tokens = RP.redeem(ITSME.simulator(), RP.authorize(ITSME.simulator(), params), pkce.verifier());
        return (String) RP.open(ITSME.simulator(), tokens.idToken()).map().get("acr");
    }

    @Test
    void loginHintAndUiLocalesAreTolerated(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Map<String, String> params = valid();
        params.put("login_hint", "32+123456789");
        params.put("ui_locales", "nl fr");
        params.put("prompt", "login consent");
        params.put("display", "page");
        assertThat(redirectParams(authorize(params))).containsKey("code");
    }

    @Test
    void authorizationEndpointOnlyAnswersGet() {
        HttpResponse<String> response = RP.postForm(ITSME.simulator().authorizationEndpoint(), valid());
        assertThat(response.statusCode()).isEqualTo(405);
    }
}

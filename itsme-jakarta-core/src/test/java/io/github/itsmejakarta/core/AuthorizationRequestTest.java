package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.claims.ClaimNames;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizationRequestTest {
    @Test
    @DisplayName("openid and service:<code> are always in the scope, optional scopes after them")
    void scopes() {
        AuthorizationRequest r = AuthorizationRequest.shareData("SHARE").scopes(Scope.PROFILE, Scope.ID_DOCUMENT);
        assertThat(r.scopeParameter()).isEqualTo("openid service:SHARE profile idDocument");
        assertThat(AuthorizationRequest.login("L").scopeParameter()).isEqualTo("openid service:L");
        assertThat(Scope.fromValue("idDocument")).isEqualTo(Scope.ID_DOCUMENT);
    }

    @Test
    @DisplayName("requests are immutable: withers return new instances")
    void immutable() {
        AuthorizationRequest base = AuthorizationRequest.login("L");
        AuthorizationRequest advanced = base.acr(Acr.ADVANCED).prompt(Prompt.LOGIN, Prompt.CONSENT).uiLocales("NL",
                "fr");
        assertThat(base.acr()).isEqualTo(Acr.BASIC);
        assertThat(base.prompts()).isEmpty();
        assertThat(advanced.acr()).isEqualTo(Acr.ADVANCED);
        assertThat(advanced.promptParameter()).contains("login consent");
        assertThat(advanced.uiLocales()).containsExactly("nl", "fr");
        assertThat(base.requestObjectMode()).isEqualTo(RequestObjectMode.NONE);
    }

    @Test
    @DisplayName("confirm forces a request object (VALUE by default) and refuses NONE")
    void confirmNeedsRequestObject() {
        AuthorizationRequest c = AuthorizationRequest.confirm("C", Approval.freeText("ok?"));
        assertThat(c.requestObjectMode()).isEqualTo(RequestObjectMode.VALUE);
        assertThat(c.requestObject(RequestObjectMode.REFERENCE).requestObjectMode())
                .isEqualTo(RequestObjectMode.REFERENCE);
        assertThatThrownBy(() -> c.requestObject(RequestObjectMode.NONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("confirm's approval becomes essential userinfo claims with values, merged with the app's claims")
    void approvalClaims() {
        AuthorizationRequest c = AuthorizationRequest.confirm("C", Approval.freeText("ok?"))
                .claims(ClaimsRequest.idToken("birthdate"));
        ClaimsRequest claims = c.effectiveClaims();
        assertThat(claims.idTokenClaims()).containsExactly("birthdate");
        assertThat(claims.toJson()).isEqualTo("{\"id_token\":{\"birthdate\":null},\"userinfo\":{"
                + "\"http://itsme.services/v2/claim/claim_approval_template_name\":{\"essential\":true,\"value\":\"free_text\"},"
                + "\"http://itsme.services/v2/claim/claim_approval_text_key\":{\"essential\":true,\"value\":\"ok?\"}}}");
    }

    @Test
    @DisplayName("claims request JSON: voluntary, essential and valued claims; strings escaped")
    void claimsJson() {
        ClaimsRequest c = ClaimsRequest.builder().idToken("a").idTokenEssential("b").userInfoValue("sub", "x\"y")
                .build();
        assertThat(c.toJson()).isEqualTo(
                "{\"id_token\":{\"a\":null,\"b\":{\"essential\":true}},\"userinfo\":{\"sub\":{\"essential\":true,\"value\":\"x\\\"y\"}}}");
        assertThat(ClaimsRequest.empty().toJson()).isEqualTo("{}");
    }

    @Test
    @DisplayName("bad service codes and locales are refused")
    void refused() {
        assertThatThrownBy(() -> AuthorizationRequest.login("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthorizationRequest.login("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthorizationRequest.login("L").uiLocales("n l"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("acr values are compared case-insensitively and ordered by strength")
    void acr() {
        assertThat(Acr.fromValue("http://itsme.services/V2/claim/ACR_ADVANCED")).isEqualTo(Acr.ADVANCED);
        assertThat(Acr.ADVANCED.isAtLeast(Acr.BASIC)).isTrue();
        assertThat(Acr.BASIC.isAtLeast(Acr.ADVANCED)).isFalse();
        assertThatThrownBy(() -> Acr.fromValue("urn:other")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("issue 8: itsme's names for the services; the old factories keep working")
    void itsmeServiceNames() {
        assertThat(AuthorizationRequest.authentication("L").service()).isEqualTo(Service.LOGIN);
        assertThat(AuthorizationRequest.identification("S").service()).isEqualTo(Service.SHARE_DATA);
        assertThat(AuthorizationRequest.shareData("S").service()).isEqualTo(Service.SHARE_DATA);
        assertThat(AuthorizationRequest.dataSharing("D").service()).isEqualTo(Service.DATA_SHARING);
        assertThat(AuthorizationRequest.dataSharing("D").scopeParameter()).isEqualTo("openid service:D");
        assertThat(Service.SHARE_DATA.itsmeName()).isEqualTo("Identification");
        assertThat(Service.DATA_SHARING.itsmeName()).isEqualTo("Data Sharing");
        assertThat(Service.SHARE_DATA.needsUserClaim()).isTrue();
        assertThat(Service.DATA_SHARING.needsUserClaim()).isTrue();
        assertThat(Service.LOGIN.needsUserClaim()).isFalse();
        assertThat(Service.CONFIRM.needsUserClaim()).isFalse();
    }

    @Test
    @DisplayName("issue 8: no optional scope and only protocol claims is no user claim")
    void noUserClaim() {
        assertThat(AuthorizationRequest.dataSharing("D").asksForUserClaim()).isFalse();
        assertThat(AuthorizationRequest.identification("S")
                .claims(ClaimsRequest.builder().idTokenEssential("acr").userInfo("sub").idToken("auth_time").build())
                .asksForUserClaim()).isFalse();
    }

    @Test
    @DisplayName("issue 8: a scope, or a user claim in the ID token or in userinfo, is a user claim")
    void userClaim() {
        assertThat(AuthorizationRequest.dataSharing("D").scopes(Scope.ADDRESS).asksForUserClaim()).isTrue();
        assertThat(AuthorizationRequest.identification("S")
                .claims(ClaimsRequest.builder().idTokenEssential("acr").idToken("birthdate").build())
                .asksForUserClaim()).isTrue();
        assertThat(AuthorizationRequest.dataSharing("D")
                .claims(ClaimsRequest.builder().userInfo(ClaimNames.STUDENT_ATTESTATION_AG).build())
                .asksForUserClaim()).isTrue();
    }
}

package io.github.itsmejakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.core.claims.ItsmeClaims;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The public accessors that no flow test reads: what a caller of core's public API sees of a request, a pending login,
 * an approval, a claims request, an identity and a client.
 */
class PublicApiTest {
    @Test
    @DisplayName("AuthorizationRequest exposes what it will send; PendingAuthorization keeps the service")
    void requestAndPending() throws Exception {
        Approval approval = Approval.freeText("Sign the contract");
        ClaimsRequest claims = ClaimsRequest.idToken("email");
        AuthorizationRequest request = AuthorizationRequest.confirm("CONFIRM", approval).scopes(Scope.EMAIL)
                .claims(claims);
        assertThat(request.scopes()).contains(Scope.EMAIL);
        assertThat(request.claims()).isEqualTo(claims);
        assertThat(request.approval()).contains(approval);
        assertThat(request.toString()).contains("CONFIRM");
        assertThat(AuthorizationRequest.login("L").approval()).isEmpty();

        ItsmeClient client = ItsmeClient.builder().discovery(ItsmeEnvironment.E2E).clientId("rp")
                .keys(RelyingPartyKeys.generate()).redirectUri(URI.create("https://app.example/cb"))
                .requestUriBase(URI.create("https://app.example:443/ro")).build();
        assertThat(client.requestUriBase()).contains(URI.create("https://app.example:443/ro"));
        assertThat(client.toString()).contains("rp").contains(ItsmeEnvironment.E2E.issuer());
        assertThat(client.hasReadDiscovery()).isFalse();

        Instant now = Instant.now();
        PendingAuthorization pending = PendingAuthorization.of("s".repeat(43), "n".repeat(43), "v".repeat(43),
                URI.create("https://app.example/cb"),
                Service.CONFIRM, "CONFIRM", Acr.BASIC, now, now.plusSeconds(60), URI.create("https://idp/auth"), null);
        assertThat(pending.service()).isEqualTo(Service.CONFIRM);
        assertThat(pending.serviceCode()).isEqualTo("CONFIRM");
    }

    @Test
    @DisplayName("a payment approval gives back its amount, currency and IBAN, and compares by value")
    void approval() {
        Approval payment = Approval.payment(new BigDecimal("125.00"), "EUR", "BE68 5390 0754 7034");
        assertThat(payment.amount()).contains("125");
        assertThat(payment.currency()).contains("EUR");
        assertThat(payment.iban()).contains("BE68539007547034");
        assertThat(payment).isEqualTo(Approval.payment("125", "EUR", "BE68539007547034"))
                .hasSameHashCodeAs(Approval.payment("125", "EUR", "BE68539007547034"))
                .isNotEqualTo(Approval.payment("126", "EUR", "BE68539007547034"));
        assertThat(payment.toString()).contains("adv_payment");
        assertThat(Approval.freeText("x").amount()).isEmpty();
    }

    @Test
    @DisplayName("ClaimsRequest's builder: essential and valued claims for the ID token and userinfo")
    void claimsRequest() {
        ClaimsRequest request = ClaimsRequest.builder().idTokenValue("acr", "a").userInfo("email")
                .userInfoEssential("phone_number").build();
        assertThat(request.userInfoClaims()).containsExactly("email", "phone_number");
        assertThat(request.toMap()).isEqualTo(Map.of("id_token", Map.of("acr", Map.of("essential", true, "value", "a")),
                "userinfo", mapWithNull("email", "phone_number")));
        ClaimsRequest same = ClaimsRequest.builder().idTokenValue("acr", "a").userInfo("email")
                .userInfoEssential("phone_number").build();
        assertThat(request).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(ClaimsRequest.empty());
        assertThat(request.toString()).startsWith("ClaimsRequest{");
    }

    private static Map<String, Object> mapWithNull(String voluntary, String essential) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(voluntary, null);
        m.put(essential, Map.of("essential", true));
        return m;
    }

    @Test
    @DisplayName("an identity keeps the acr as sent; claims give the picture URL")
    void identity() {
        Instant now = Instant.now();
        ItsmeClaims claims = ItsmeClaims.of(Map.of("picture", "https://idp/picture/1"));
        ItsmeIdentity identity = ItsmeIdentity.of("sub", "https://idp", List.of("rp"), Acr.ADVANCED.uri(), now, now,
                now.plusSeconds(60), claims);
        assertThat(identity.acrValue()).contains(Acr.ADVANCED.uri());
        assertThat(identity.claims().picture()).contains("https://idp/picture/1");
        assertThat(ItsmeClaims.empty().picture()).isEmpty();
    }

    @Test
    @DisplayName("an exception names its catalogue entry, which formats through MessageId")
    void exceptionMessage() {
        ItsmeException e = new ItsmeRejectedException(ItsmeMessage.CALLBACK_STATE_MISSING);
        assertThat(e.itsmeMessage()).isEqualTo(ItsmeMessage.CALLBACK_STATE_MISSING);
        assertThat(e.messageId()).isEqualTo("ITSME-1202");
        MessageId id = ItsmeMessage.CONFIG_MISSING;
        assertThat(id.format("clientId")).isEqualTo("ITSME-1001: Required setting 'clientId' is missing");
    }
}

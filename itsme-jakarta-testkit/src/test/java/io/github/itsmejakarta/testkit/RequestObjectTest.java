package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.ItsmeClaimNames.*;
import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.jwt.build.Jwt;

/** Request objects by value and by reference, and the confirm service's approval claims. */
class RequestObjectTest {

    static final TestRelyingParty RP = new TestRelyingParty("ro-client");

    @RegisterExtension
    static final ItsmeSimulatorExtension ITSME = ItsmeSimulatorExtension.builder().client(RP.client()).build();

    /** The RP's request_uri server: serves whatever the test put in {@link #served}. */
    static HttpServer requestUriServer;
    static final AtomicReference<String> served = new AtomicReference<>();
    static final AtomicInteger fetches = new AtomicInteger();

    @BeforeAll
    static void startRequestUriServer() throws IOException {
        requestUriServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        requestUriServer.createContext("/ro", exchange -> {
            fetches.incrementAndGet();
            String body = served.get();
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
                exchange.getResponseHeaders().set("Content-Type", "application/oauth-authz-req+jwt");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        requestUriServer.start();
    }

    @AfterAll
    static void stopRequestUriServer() {
        requestUriServer.stop(0);
    }

    private String requestUri() {
        return "http://127.0.0.1:" + requestUriServer.getAddress().getPort() + "/ro";
    }

    /**
     * Request object claims carrying the whole request; the query keeps client_id, response_type and scope (OIDC Core
     * 6.1 requires the last two there too) plus what is given.
     */
    private Map<String, Object> roClaims(Map<String, String> params) {
        return new LinkedHashMap<>(params);
    }

    private Map<String, String> query(Map<String, String> params, String name, String value) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", params.get("client_id"));
        query.put("response_type", params.get("response_type"));
        query.put("scope", params.get("scope"));
        query.put(name, value);
        return query;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"RSA-OAEP-256, A128CBC-HS256", "RSA-OAEP, A256GCM", "RSA-OAEP-256, A256CBC-HS512",
            "RSA-OAEP, A128GCM"})
    void requestObjectByValueIsDecryptedAndItsClaimsUsed(String alg, String enc, ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(SHARE, pkce, "");
        Map<String, Object> claims = roClaims(params);
        claims.put("claims", Map.of("id_token", Map.of(BE_NATIONAL_NUMBER, Map.of("essential", true))));
        claims.put("acr_values", ACR_ADVANCED);
        String ro = RP.requestObject(sim, claims, alg, enc);
        String code = RP.authorize(sim, withState(query(params, "request", ro), params));
        Map<String, Object> id = RP.open(sim, RP.redeem(sim, code, pkce.verifier()).idToken()).map();
        assertThat(id).containsEntry(BE_NATIONAL_NUMBER, "85031412401").containsEntry("acr", ACR_ADVANCED)
                .containsEntry("nonce", params.get("nonce"));
    }

    private static Map<String, String> withState(Map<String, String> query, Map<String, String> params) {
        // state in the query too, so that RP.authorize can compare it
        query.put("state", params.get("state"));
        return query;
    }

    @Test
    void requestObjectValuesSupersedeTheQuery(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce, "");
        Map<String, Object> claims = roClaims(params);
        claims.put("nonce", "nonce-from-the-request-object");
        Map<String, String> query = new LinkedHashMap<>(params);
        query.put("request", RP.requestObject(sim, claims, "RSA-OAEP-256", "A128CBC-HS256"));
        String code = RP.authorize(sim, query);
        assertThat(RP.open(sim, RP.redeem(sim, code, pkce.verifier()).idToken()).map()).containsEntry("nonce",
                "nonce-from-the-request-object");
    }

    @Test
    void requestObjectByReferenceIsFetchedFromTheRequestUri(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.DUTCH_DOCUMENT_HOLDER);
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(SHARE, pkce, "idDocument");
        served.set(RP.requestObject(sim, roClaims(params), "RSA-OAEP", "A128CBC-HS256"));
        int before = fetches.get();
        String code = RP.authorize(sim, withState(query(params, "request_uri", requestUri()), params));
        assertThat(fetches.get()).isEqualTo(before + 1);
        Tokens tokens = RP.redeem(sim, code, pkce.verifier());
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(RP.open(sim, RP.get(sim.userInfoEndpoint(), tokens.accessToken()).body()).map())
                .containsEntry(ID_DOCUMENT_TYPE, "PASSPORT");
    }

    @Test
    void unreachableRequestUriIsInvalidRequestUri(ItsmeSimulator sim) {
        served.set(null);
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        params.put("request_uri", requestUri());
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).containsEntry("error",
                "invalid_request_uri").containsEntry("state", params.get("state"));
        params.put("request_uri", "http://example.com/ro");
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).containsEntry("error",
                "invalid_request_uri");
    }

    @Test
    void requestAndRequestUriTogetherAreInvalidRequest(ItsmeSimulator sim) {
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        params.put("request", RP.requestObject(sim, roClaims(params), "RSA-OAEP-256", "A128CBC-HS256"));
        params.put("request_uri", requestUri());
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).containsEntry("error",
                "invalid_request");
    }

    @Test
    void signedButNotEncryptedRequestObjectIsRefused(ItsmeSimulator sim) {
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        params.put("request", Jwt.claims(roClaims(params)).issuer(RP.clientId).audience(sim.issuer()).jws()
                .keyId("s1").sign(RP.signingKey.getRsaPrivateKey()));
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).containsEntry("error",
                "invalid_request_object");
    }

    @Test
    void olderAudienceFormIsAccepted(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        RsaJsonWebKey simEnc = simulatorKey(sim, "enc");
        params.put("request", Jwt.claims(roClaims(params)).issuer(RP.clientId).audience(sim.issuer()
                + "/authorization").jws().keyId("s1").innerSign(RP.signingKey.getRsaPrivateKey()).keyId(simEnc
                        .getKeyId())
                .encrypt(simEnc.getPublicKey()));
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).containsKey("code");
    }

    @Test
    void wrongAudienceIssuerOrSigningKeyIsInvalidRequestObject(ItsmeSimulator sim) {
        RsaJsonWebKey simEnc = simulatorKey(sim, "enc");
        RsaJsonWebKey stranger = TestRelyingParty.generate("s1", "sig");
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        List<String> tokens = List.of(
                Jwt.claims(roClaims(params)).issuer(RP.clientId).audience("https://idp.prd.itsme.services/v2").jws()
                        .keyId("s1").innerSign(RP.signingKey.getRsaPrivateKey()).encrypt(simEnc.getPublicKey()),
                Jwt.claims(roClaims(params)).issuer("someone-else").audience(sim.issuer()).jws().keyId("s1")
                        .innerSign(RP.signingKey.getRsaPrivateKey()).encrypt(simEnc.getPublicKey()),
                Jwt.claims(roClaims(params)).issuer(RP.clientId).audience(sim.issuer()).jws().keyId("s1")
                        .innerSign(stranger.getRsaPrivateKey()).encrypt(simEnc.getPublicKey()),
                Jwt.claims(roClaims(params)).issuer(RP.clientId).audience(sim.issuer()).expiresAt(1_000_000L).jws()
                        .keyId("s1").innerSign(RP.signingKey.getRsaPrivateKey()).encrypt(simEnc.getPublicKey()),
                Jwt.claims(roClaims(params)).issuer(RP.clientId).audience(sim.issuer()).claim("client_id", "other")
                        .jws().keyId("s1").innerSign(RP.signingKey.getRsaPrivateKey()).encrypt(simEnc.getPublicKey()),
                Jwt.claims(roClaims(params)).issuer(RP.clientId).audience(sim.issuer()).claim("nbf", 4_000_000_000L)
                        .jws().keyId("s1").innerSign(RP.signingKey.getRsaPrivateKey()).encrypt(simEnc.getPublicKey()),
                // encrypted to the RP's own key instead of the simulator's
                Jwt.claims(roClaims(params)).issuer(RP.clientId).audience(sim.issuer()).jws().keyId("s1")
                        .innerSign(RP.signingKey.getRsaPrivateKey()).encrypt(RP.encryptionKey.getPublicKey()));
        for (String token : tokens) {
            Map<String, String> query = new LinkedHashMap<>(params);
            query.put("request", token);
            assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), query)))).containsEntry("error",
                    "invalid_request_object");
        }
    }

    // ---- confirm

    private Map<String, Object> approvalClaims(Map<String, Object> approval) {
        Map<String, Object> userinfo = new LinkedHashMap<>();
        approval.forEach((k, v) -> userinfo.put(k, Map.of("essential", true, "value", v)));
        return Map.of("userinfo", userinfo);
    }

    @Test
    void confirmFreeTextIsShownEscapedAndEchoedInBothTokens(ItsmeSimulator sim) {
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(CONFIRM, pkce, "");
        Map<String, Object> claims = roClaims(params);
        String text = "Sign <b>contract</b> #42 & <script>x()</script>";
        claims.put("claims", approvalClaims(Map.of(APPROVAL_TEMPLATE_NAME, "free_text", APPROVAL_TEXT_KEY, text)));
        claims.put("prompt", "login consent");
        Map<String, String> query = new LinkedHashMap<>(params);
        query.put("request", RP.requestObject(sim, claims, "RSA-OAEP-256", "A128CBC-HS256"));
        String page = RP.get(uri(sim.authorizationEndpoint(), query)).body();
        assertThat(page).contains("id=\"approval-text\">Sign &lt;b&gt;contract&lt;/b&gt; #42 &amp; "
                + "&lt;script&gt;x()&lt;/script&gt;<").doesNotContain("<script>");

        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Tokens tokens = RP.redeem(sim, RP.authorize(sim, query), pkce.verifier());
        assertThat(RP.open(sim, tokens.idToken()).map()).containsEntry(APPROVAL_TEMPLATE_NAME, "free_text")
                .containsEntry(APPROVAL_TEXT_KEY, text);
        assertThat(RP.open(sim, RP.get(sim.userInfoEndpoint(), tokens.accessToken()).body()).map())
                .containsEntry(APPROVAL_TEXT_KEY, text);
    }

    @Test
    void confirmPaymentShowsAmountAndIban(ItsmeSimulator sim) {
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(CONFIRM, pkce, "");
        Map<String, Object> claims = roClaims(params);
        claims.put("claims", approvalClaims(Map.of(APPROVAL_TEMPLATE_NAME, "adv_payment", APPROVAL_AMOUNT_KEY,
                "1250", APPROVAL_CURRENCY_KEY, "EUR", APPROVAL_IBAN_KEY, "BE71096123456769")));
        Map<String, String> query = new LinkedHashMap<>(params);
        query.put("request", RP.requestObject(sim, claims, "RSA-OAEP-256", "A128CBC-HS256"));
        String page = RP.get(uri(sim.authorizationEndpoint(), query)).body();
        assertThat(page).contains("id=\"approval-amount\">1250<", "id=\"approval-currency\">EUR<",
                "id=\"approval-iban\">BE71096123456769<");
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Tokens tokens = RP.redeem(sim, RP.authorize(sim, query), pkce.verifier());
        assertThat(RP.open(sim, tokens.idToken()).map()).containsEntry(APPROVAL_AMOUNT_KEY, "1250")
                .containsEntry(APPROVAL_IBAN_KEY, "BE71096123456769");
    }

    @Test
    void confirmWithoutValidApprovalIsInvalidRequest(ItsmeSimulator sim) {
        for (Map<String, Object> approval : List.<Map<String, Object>>of(Map.of(), Map.of(APPROVAL_TEMPLATE_NAME,
                "poem"), Map.of(APPROVAL_TEMPLATE_NAME, "free_text"),
                Map.of(APPROVAL_TEMPLATE_NAME, "adv_payment",
                        APPROVAL_AMOUNT_KEY, "12.50", APPROVAL_CURRENCY_KEY, "EUR", APPROVAL_IBAN_KEY, "BE71"),
                Map.of(APPROVAL_TEMPLATE_NAME, "free_text", APPROVAL_TEXT_KEY, "x".repeat(7501)))) {
            Map<String, String> params = RP.authorizationParams(CONFIRM, pkce(), "");
            Map<String, Object> claims = roClaims(params);
            claims.put("claims", approvalClaims(approval));
            params.put("request", RP.requestObject(sim, claims, "RSA-OAEP-256", "A128CBC-HS256"));
            assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).as(approval.toString())
                    .containsEntry("error", "invalid_request");
        }
    }

    @Test
    void pinnedSubMustBeTheApprovingPerson(ItsmeSimulator sim) {
        Map<String, String> params = RP.authorizationParams(CONFIRM, pkce(), "");
        Map<String, Object> claims = roClaims(params);
        Map<String, Object> userinfo = new LinkedHashMap<>();
        userinfo.put("sub", Map.of("value", TestPersons.BELGIAN_EID_HOLDER.subFor(RP.clientId)));
        userinfo.put(APPROVAL_TEMPLATE_NAME, Map.of("essential", true, "value", "free_text"));
        userinfo.put(APPROVAL_TEXT_KEY, Map.of("essential", true, "value", "ok?"));
        claims.put("claims", Map.of("userinfo", userinfo));
        params.put("request", RP.requestObject(sim, claims, "RSA-OAEP-256", "A128CBC-HS256"));
        sim.autoApprove(TestPersons.DUTCH_DOCUMENT_HOLDER);
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).containsEntry("error",
                "access_denied");
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).containsKey("code");
    }
}

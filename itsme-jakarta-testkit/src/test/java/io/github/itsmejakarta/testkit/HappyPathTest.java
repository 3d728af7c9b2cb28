package io.github.itsmejakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HappyPathTest {

    private final TestRelyingParty rp = new TestRelyingParty("happy-client");
    private ItsmeSimulator sim;

    @BeforeEach
    void start() {
        sim = ItsmeSimulator.builder().client(rp.client()).build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void issuerAndDiscoveryDescribeItsme() {
        assertThat(sim.issuer()).isEqualTo("http://127.0.0.1:" + sim.port() + "/v2");
        HttpResponse<String> response = rp.get(sim.discoveryUri());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> doc = TestRelyingParty.json(response.body());
        assertThat(doc).containsEntry("issuer", sim.issuer())
                .containsEntry("authorization_endpoint", sim.issuer() + "/authorization")
                .containsEntry("token_endpoint", sim.issuer() + "/token")
                .containsEntry("userinfo_endpoint", sim.issuer() + "/userinfo")
                .containsEntry("jwks_uri", sim.issuer() + "/jwks")
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry("subject_types_supported", List.of("pairwise"))
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"))
                .containsEntry("id_token_encryption_alg_values_supported", List.of("RSA-OAEP", "RSA-OAEP-256"))
                .containsEntry("userinfo_encryption_alg_values_supported", List.of("RSA-OAEP", "RSA-OAEP-256"))
                .containsEntry("request_object_encryption_alg_values_supported", List.of("RSA-OAEP", "RSA-OAEP-256"))
                .containsEntry("token_endpoint_auth_methods_supported", List.of("private_key_jwt"))
                .containsEntry("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"))
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("request_parameter_supported", true)
                .containsEntry("request_uri_parameter_supported", true)
                .containsEntry("acr_values_supported", List.of(ItsmeClaimNames.ACR_BASIC, ItsmeClaimNames.ACR_ADVANCED))
                .containsKeys("scopes_supported", "grant_types_supported", "claims_supported", "ui_locales_supported",
                        "id_token_encryption_enc_values_supported", "userinfo_encryption_enc_values_supported",
                        "request_object_encryption_enc_values_supported");
        assertThat(TestRelyingParty.list(doc.get("id_token_encryption_enc_values_supported")))
                .contains("A128CBC-HS256", "A256CBC-HS512", "A128GCM", "A256GCM");
        assertThat(TestRelyingParty.list(doc.get("claims_supported"))).contains(ItsmeClaimNames.BE_NATIONAL_NUMBER,
                "address");
    }

    @Test
    void concurrentLoginsAllSucceedWithDistinctCodesAndTokens() throws Exception {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<TestRelyingParty.Tokens>> logins = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                logins.add(pool.submit(() -> rp.login(sim, TestRelyingParty.LOGIN, "profile")));
            }
            java.util.Set<String> accessTokens = new java.util.HashSet<>();
            for (var login : logins) {
                TestRelyingParty.Tokens tokens = login.get();
                assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
                accessTokens.add(tokens.accessToken());
            }
            assertThat(accessTokens).hasSize(24);
            assertThat(sim.recordedRequests(Endpoint.TOKEN)).hasSize(24);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void jwksPublishesOneSigningAndOneEncryptionKeyWithoutPrivateParts() {
        HttpResponse<String> response = rp.get(sim.jwksUri());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Object> keys = TestRelyingParty.list(TestRelyingParty.json(response.body()).get("keys"));
        assertThat(keys).hasSize(2);
        assertThat(keys).allSatisfy(k -> assertThat(TestRelyingParty.obj(k)).containsKeys("kid", "n", "e", "use")
                .doesNotContainKeys("d", "p", "q"));
        assertThat(keys).extracting(k -> TestRelyingParty.obj(k).get("use")).containsExactlyInAnyOrder("sig", "enc");
    }

    @Test
    void autoApprovedLoginGivesANestedIdTokenAndUserinfo() {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        TestRelyingParty.Pkce pkce = TestRelyingParty.pkce();
        Map<String, String> params = rp.authorizationParams(TestRelyingParty.LOGIN, pkce, "profile eid address");
        String code = rp.authorize(sim, params);
        assertThat(code).hasSize(36);

        TestRelyingParty.Tokens tokens = rp.redeem(sim, code, pkce.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.json()).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600L)
                .containsKeys("access_token", "id_token");

        TestRelyingParty.Opened idToken = rp.open(sim, tokens.idToken());
        assertThat(idToken.jwe().getHeader("cty")).isEqualTo("JWT");
        assertThat(idToken.jwe().getKeyIdHeaderValue()).isEqualTo("e1");
        assertThat(idToken.jwe().getAlgorithmHeaderValue()).isEqualTo("RSA-OAEP-256");
        assertThat(idToken.jwe().getEncryptionMethodHeaderParameter()).isEqualTo("A128CBC-HS256");
        assertThat(idToken.jws().getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(idToken.jws().getKeyIdHeaderValue()).isNotBlank();
        Map<String, Object> claims = idToken.map();
        String sub = TestPersons.BELGIAN_EID_HOLDER.subFor(rp.clientId);
        assertThat(sub).hasSize(36);
        assertThat(claims).containsEntry("iss", sim.issuer()).containsEntry("sub", sub)
                .containsEntry("aud", rp.clientId).containsEntry("nonce", params.get("nonce"))
                .containsEntry("acr", ItsmeClaimNames.ACR_BASIC).containsKeys("exp", "iat", "auth_time")
                .doesNotContainKeys("amr", "azp", "at_hash");
        assertThat((Long) claims.get("exp") - (Long) claims.get("iat")).isEqualTo(300L);

        HttpResponse<String> userInfo = rp.get(sim.userInfoEndpoint(), tokens.accessToken());
        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(userInfo.headers().firstValue("Content-Type")).hasValue("application/jwt");
        Map<String, Object> info = rp.open(sim, userInfo.body()).map();
        assertThat(info).containsEntry("sub", sub).containsEntry("family_name", "Lambert")
                .containsEntry("given_name", "Marie").containsEntry(ItsmeClaimNames.BE_NATIONAL_NUMBER, "85031412401")
                .containsEntry("picture", sim.issuer() + "/picture").containsKey(ItsmeClaimNames.BE_EID_SN)
                .doesNotContainKeys("email", "phone_number");
        assertThat(TestRelyingParty.obj(info.get("address"))).containsEntry("postal_code", "1000")
                .containsEntry("locality", "Bruxelles");
    }
}

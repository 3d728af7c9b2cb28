package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.ItsmeClaimNames.*;
import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.Use;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.smallrye.jwt.algorithm.ContentEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.KeyEncryptionAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * The places where an outside relying party (openid-client 6) found the simulator less strict than itsme or OpenID
 * Connect (issue 8, "The simulator, checked by an outside relying party", items 1 to 8): each refusal beside the
 * accepted form, and the lenient mode where the issue asks for one.
 */
class FidelityTest {

    static final TestRelyingParty RP = new TestRelyingParty("fidelity-client");

    @RegisterExtension
    static final ItsmeSimulatorExtension ITSME = ItsmeSimulatorExtension.builder().client(RP.client()).build();

    static ItsmeSimulator lenient;

    @BeforeAll
    static void startLenient() {
        lenient = ItsmeSimulator.builder().client(RP.client()).lenient().build().start();
    }

    @AfterAll
    static void stopLenient() {
        lenient.close();
    }

    @BeforeEach
    void resetLenient() {
        lenient.reset();
        lenient.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
    }

    private static Tokens post(ItsmeSimulator sim, Map<String, String> form) {
        HttpResponse<String> response = RP.postForm(sim.tokenEndpoint(), form);
        return new Tokens(response.statusCode(), json(response.body()), response.body());
    }

    private static String assertion(Object audience) {
        var builder = Jwt.issuer(RP.clientId).subject(RP.clientId).claim("jti", UUID.randomUUID().toString())
                .issuedAt(System.currentTimeMillis() / 1000).expiresIn(120);
        builder = audience instanceof String s
                ? builder.audience(s)
                : builder.audience(java.util.Set.of(
                        (String[]) audience));
        return builder.jws().keyId(RP.signingKey.getKeyId()).sign(RP.signingKey.getRsaPrivateKey());
    }

    /** A token request whose client assertion has this audience. */
    private static Tokens redeemWithAudience(ItsmeSimulator sim, Object audience) {
        Pkce pkce = pkce();
        String code = RP.authorize(sim, RP.authorizationParams(LOGIN, pkce, ""));
        Map<String, String> form = RP.tokenForm(sim, code, pkce.verifier());
        form.put("client_assertion", assertion(audience));
        return post(sim, form);
    }

    // ---- 1. the client assertion's aud is the token endpoint, as itsme documents

    @Test
    void assertionAudienceIsTheTokenEndpointOnlyByDefault(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Tokens issuer = redeemWithAudience(sim, sim.issuer());
        assertThat(issuer.status()).isEqualTo(400);
        assertThat(issuer.json()).containsEntry("error", "unauthorized_client");
        assertThat((String) issuer.json().get("detail")).contains("token endpoint").contains("lenient");
        assertThat(redeemWithAudience(sim, sim.tokenEndpoint().toString()).status()).isEqualTo(200);
        assertThat(redeemWithAudience(sim, new String[]{sim.tokenEndpoint().toString(), "https://elsewhere"})
                .status()).as("an array holding the token endpoint").isEqualTo(200);
    }

    @Test
    void aLenientSimulatorAlsoTakesTheIssuerAsAudience() {
        assertThat(lenient.leniencies()).contains(Leniency.ISSUER_AS_ASSERTION_AUDIENCE);
        assertThat(redeemWithAudience(lenient, lenient.issuer()).status()).isEqualTo(200);
        Tokens elsewhere = redeemWithAudience(lenient, "https://elsewhere");
        assertThat(elsewhere.json()).as("lenient, not blind").containsEntry("error", "unauthorized_client");
    }

    // ---- 2. OIDC Core 6.1: response_type and scope (with openid) in the query beside a request object

    private static Map<String, String> requestObjectQuery(ItsmeSimulator sim, Map<String, String> params,
            String... keptNames) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", RP.clientId);
        for (String name : keptNames) {
            query.put(name, params.get(name));
        }
        query.put("request", RP.requestObject(sim, new LinkedHashMap<>(params), "RSA-OAEP-256", "A128CBC-HS256"));
        return query;
    }

    @Test
    void aRequestObjectDoesNotReplaceResponseTypeAndScopeInTheQuery(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        for (String[] kept : List.of(new String[]{}, new String[]{"scope"}, new String[]{"response_type"})) {
            Map<String, String> answer = redirectParams(RP.get(uri(sim.authorizationEndpoint(),
                    requestObjectQuery(sim, params, kept))));
            assertThat(answer).as("query keeps %s", List.of(kept)).containsEntry("error", "invalid_request")
                    .doesNotContainKey("code");
            assertThat(answer.get("error_description")).contains("OIDC Core 6.1");
        }
        Map<String, String> withoutOpenid = requestObjectQuery(sim, params, "response_type");
        withoutOpenid.put("scope", "service:" + LOGIN);
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), withoutOpenid)))).containsEntry("error",
                "invalid_request");
        Map<String, String> accepted = requestObjectQuery(sim, params, "response_type", "scope");
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), accepted)))).containsKey("code")
                .containsEntry("state", params.get("state"));
    }

    @Test
    void theQueryResponseTypeMustMatchTheRequestObjects(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        Map<String, String> query = requestObjectQuery(sim, params, "scope");
        query.put("response_type", "code id_token");
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), query)))).containsEntry("error",
                "invalid_request");
    }

    // ---- 3. metadata claims only together with the claim they describe

    private static Map<String, Object> idTokenClaims(ItsmeSimulator sim, Map<String, Object> claimsParameter,
            String scopes) {
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(SHARE, pkce, scopes);
        params.put("claims", Json(claimsParameter));
        Tokens tokens = RP.redeem(sim, RP.authorize(sim, params), pkce.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return RP.open(sim, tokens.idToken()).map();
    }

    private static String Json(Map<String, Object> value) {
        return io.github.itsmejakarta.testkit.internal.Json.write(value);
    }

    private static Map<String, Object> nulls(String... names) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name : names) {
            map.put(name, null);
        }
        return map;
    }

    @Test
    void metadataAskedAloneIsNotReturned(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Map<String, Object> claims = idTokenClaims(sim, Map.of("id_token", nulls(VALIDITY_TO, VERIFICATION_DATE,
                ISSUANCE_LOCALITY, "family_name")), "");
        assertThat(claims).containsKey("family_name").doesNotContainKeys(VALIDITY_TO, VERIFICATION_DATE,
                ISSUANCE_LOCALITY);
    }

    @Test
    void metadataComesWithTheClaimItDescribes(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Map<String, Object> claims = idTokenClaims(sim, Map.of("id_token", nulls(VALIDITY_TO, VERIFICATION_DATE,
                BE_EID_SN)), "");
        assertThat(claims).containsEntry(BE_EID_SN, "592123456789");
        assertThat(obj(claims.get(VALIDITY_TO))).containsOnlyKeys(BE_EID_SN);
        assertThat(obj(claims.get(VERIFICATION_DATE))).containsOnlyKeys(BE_EID_SN);
    }

    @Test
    void userinfoMetadataFollowsTheSameRule(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(SHARE, pkce, "eid");
        params.put("claims", Json(Map.of("userinfo", nulls(VALIDITY_FROM, "family_name"))));
        Tokens tokens = RP.redeem(sim, RP.authorize(sim, params), pkce.verifier());
        Map<String, Object> userinfo = RP.open(sim, RP.get(sim.userInfoEndpoint(), tokens.accessToken()).body())
                .map();
        assertThat(obj(userinfo.get(VALIDITY_FROM))).as("BEeidSn came with the eid scope").containsOnlyKeys(
                BE_EID_SN);

        Pkce pkce2 = pkce();
        Map<String, String> alone = RP.authorizationParams(SHARE, pkce2, "profile");
        alone.put("claims", Json(Map.of("userinfo", nulls(VALIDITY_FROM))));
        Tokens tokens2 = RP.redeem(sim, RP.authorize(sim, alone), pkce2.verifier());
        assertThat(RP.open(sim, RP.get(sim.userInfoEndpoint(), tokens2.accessToken()).body()).map())
                .containsKey("family_name").doesNotContainKey(VALIDITY_FROM);
    }

    // ---- 4. an essential acr asked through claims (OIDC Core 5.5.1.1)

    @Test
    void anEssentialAcrIsHonoured(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Map<String, Object> essential = Map.of("id_token", Map.of("acr", Map.of("essential", true, "values", List.of(
                ACR_ADVANCED))));
        assertThat(idTokenClaims(sim, essential, "profile")).containsEntry("acr", ACR_ADVANCED);
        Map<String, Object> single = Map.of("id_token", Map.of("acr", Map.of("essential", true, "value",
                ACR_ADVANCED.toUpperCase(java.util.Locale.ROOT).replace("V2", "v2"))));
        assertThat(idTokenClaims(sim, single, "profile")).as("compared case-insensitively").containsEntry("acr",
                ACR_ADVANCED);
        assertThat(idTokenClaims(sim, Map.of("id_token", nulls("family_name")), "")).as("nothing asked")
                .containsEntry("acr", ACR_BASIC);
    }

    @Test
    void anEssentialAcrThatCannotBeMetFailsTheAuthentication(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        params.put("claims", Json(Map.of("id_token", Map.of("acr", Map.of("essential", true, "values", List.of(
                "urn:example:loa:4"))))));
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).containsEntry("error",
                "access_denied").containsEntry("state", params.get("state")).doesNotContainKey("code");
        params.put("claims", Json(Map.of("id_token", Map.of("acr", Map.of("values", List.of("urn:example:loa:4",
                ACR_ADVANCED))))));
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).as("voluntary: honoured")
                .containsKey("code");
    }

    // ---- 5. the test persons in itsme's documented v2 shapes, the odd shapes as variants

    @Test
    void testPersonsCarryTheDocumentedShapes() {
        for (TestPerson person : TestPersons.all()) {
            assertThat(person.claim(ONGOING_CALL)).as(person.id()).containsInstanceOf(Boolean.class);
            assertThat(person.claim(IDENTIFICATION_MODE)).as(person.id()).hasValueSatisfying(mode -> assertThat(
                    mode).isIn("QR", "MSISDN", "a2a"));
            Map<String, Object> device = obj(person.claim(DEVICE).orElseThrow());
            assertThat(device).as(person.id()).containsKeys("msisdn", "deviceId", "os", "appName", "appRelease",
                    "deviceLabel", "debugEnabled", "osRelease", "manufacturer", "deviceLockLevel", "rooted",
                    "deviceModel").doesNotContainKeys("hasSimEnabled", "smsEnabled", "sdkRelease", "deviceID");
            assertThat(device.get("debugEnabled")).isInstanceOf(Boolean.class);
            assertThat(device.get("rooted")).isInstanceOf(Boolean.class);
        }
    }

    @Test
    void theOddShapesItsmeSentAreVariantsOfTheSamePerson(ItsmeSimulator sim) {
        TestPerson odd = TestPersons.withShapes(TestPersons.BELGIAN_EID_HOLDER, ClaimShape.BOOLEANS_AS_STRINGS,
                ClaimShape.DEVICE_ID_CAPITAL_D, ClaimShape.V1_DEVICE_MEMBERS);
        assertThat(odd.id()).isEqualTo(TestPersons.BELGIAN_EID_HOLDER.id());
        assertThat(odd.claim(ONGOING_CALL)).contains("false");
        Map<String, Object> device = obj(odd.claim(DEVICE).orElseThrow());
        assertThat(device).containsEntry("debugEnabled", "false").containsEntry("rooted", "false")
                .containsEntry("hasSimEnabled", "true").containsKeys("deviceID", "smsEnabled", "sdkRelease")
                .doesNotContainKeys("deviceId", "msisdn");
        assertThat(TestPersons.withShapes(TestPersons.BELGIAN_EID_HOLDER).claims()).as("no shape: unchanged")
                .isEqualTo(TestPersons.BELGIAN_EID_HOLDER.claims());

        sim.autoApprove(odd);
        Map<String, Object> claims = idTokenClaims(sim, Map.of("id_token", nulls(DEVICE, ONGOING_CALL)), "");
        assertThat(claims).containsEntry("sub", TestPersons.BELGIAN_EID_HOLDER.subFor(RP.clientId))
                .containsEntry(ONGOING_CALL, "false");
        assertThat(obj(claims.get(DEVICE))).containsKey("deviceID").containsEntry("rooted", "false");
    }

    // ---- 6. only the content encryptions discovery advertises

    @Test
    void requestObjectsUseAnAdvertisedContentEncryption(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        assertThat(list(json(RP.get(sim.discoveryUri()).body()).get(
                "request_object_encryption_enc_values_supported"))).doesNotContain("A192GCM", "A192CBC-HS384");
        for (String enc : List.of("A192GCM", "A192CBC-HS384")) {
            Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
            params.put("request", RP.requestObject(sim, new LinkedHashMap<>(params), "RSA-OAEP-256", enc));
            assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).as(enc).containsEntry(
                    "error", "invalid_request_object");
        }
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        params.put("request", RP.requestObject(sim, new LinkedHashMap<>(params), "RSA-OAEP-256", "A256GCM"));
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).containsKey("code");
    }

    private static String encryptedAssertion(ItsmeSimulator sim, String enc) {
        RsaJsonWebKey simEnc = simulatorKey(sim, Use.ENCRYPTION);
        return Jwt.issuer(RP.clientId).subject(RP.clientId).audience(sim.tokenEndpoint().toString()).claim("jti",
                UUID.randomUUID().toString()).expiresIn(120).jws().keyId(RP.signingKey.getKeyId()).innerSign(
                        RP.signingKey.getRsaPrivateKey())
                .keyAlgorithm(KeyEncryptionAlgorithm.RSA_OAEP_256)
                .contentAlgorithm(ContentEncryptionAlgorithm.fromAlgorithm(enc)).keyId(simEnc.getKeyId()).encrypt(
                        simEnc.getPublicKey());
    }

    @Test
    void nestedClientAssertionsUseAnAdvertisedContentEncryption(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        for (String enc : List.of("A192CBC-HS384", "A128CBC-HS256")) {
            Pkce pkce = pkce();
            String code = RP.authorize(sim, RP.authorizationParams(LOGIN, pkce, ""));
            Map<String, String> form = RP.tokenForm(sim, code, pkce.verifier());
            form.put("client_assertion", encryptedAssertion(sim, enc));
            Tokens tokens = post(sim, form);
            if (enc.equals("A192CBC-HS384")) {
                assertThat(tokens.json()).as(enc).containsEntry("error", "unauthorized_client");
            } else {
                assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
            }
        }
    }

    // ---- 7. state, nonce and PKCE: required by default, optional when lenient

    @Test
    void stateNonceAndPkceAreRequiredByDefault(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        for (String missing : List.of("state", "nonce", "code_challenge")) {
            Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
            params.remove(missing);
            if (missing.equals("code_challenge")) {
                params.remove("code_challenge_method");
            }
            assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).as(missing).containsEntry(
                    "error", "invalid_request").doesNotContainKey("code");
        }
    }

    @Test
    void aLenientSimulatorLetsARequestGoWithoutStateNonceAndPkce() {
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        params.keySet().removeAll(List.of("state", "nonce", "code_challenge", "code_challenge_method"));
        Map<String, String> answer = redirectParams(RP.get(uri(lenient.authorizationEndpoint(), params)));
        assertThat(answer).containsKey("code").doesNotContainKey("state");
        Map<String, String> form = RP.tokenForm(lenient, answer.get("code"), "unused");
        form.remove("code_verifier");
        Tokens tokens = post(lenient, form);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(RP.open(lenient, tokens.idToken()).map()).doesNotContainKey("nonce").containsKey("sub");
    }

    @Test
    void aLenientSimulatorStillChecksThePkceItWasGiven() {
        Pkce pkce = pkce();
        String code = RP.authorize(lenient, RP.authorizationParams(LOGIN, pkce, ""));
        Map<String, String> without = RP.tokenForm(lenient, code, pkce.verifier());
        without.remove("code_verifier");
        assertThat(post(lenient, without).json()).containsEntry("error", "invalid_request");
        String code2 = RP.authorize(lenient, RP.authorizationParams(LOGIN, pkce, ""));
        assertThat(post(lenient, RP.tokenForm(lenient, code2, pkce().verifier())).json()).containsEntry("error",
                "invalid_grant");
        String code3 = RP.authorize(lenient, RP.authorizationParams(LOGIN, pkce, ""));
        Tokens tokens = post(lenient, RP.tokenForm(lenient, code3, pkce.verifier()));
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(RP.open(lenient, tokens.idToken()).map()).containsKey("nonce");
    }

    // ---- 8. userinfo as application/json, configured (not only by the hook)

    @Test
    void userinfoIsApplicationJwtByDefault(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Tokens tokens = RP.login(sim, LOGIN, "profile");
        HttpResponse<String> userinfo = RP.get(sim.userInfoEndpoint(), tokens.accessToken());
        assertThat(userinfo.headers().firstValue("Content-Type")).hasValue("application/jwt");
    }

    @Test
    void theUserinfoContentTypeCanBeConfiguredAndTheHookStillWins() {
        try (ItsmeSimulator json = ItsmeSimulator.builder().client(RP.client()).userInfoContentType(
                "application/json").build().start()) {
            json.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
            Tokens tokens = RP.login(json, LOGIN, "profile");
            HttpResponse<String> userinfo = RP.get(json.userInfoEndpoint(), tokens.accessToken());
            assertThat(userinfo.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(RP.open(json, userinfo.body()).map()).as("the body is still the nested JWT").containsEntry(
                    "family_name", "Lambert");
            json.hooks().userInfoContentType("application/jwt");
            assertThat(RP.get(json.userInfoEndpoint(), tokens.accessToken()).headers().firstValue("Content-Type"))
                    .hasValue("application/jwt");
        }
    }
}

package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every hook a relying-party test drives, and that hooks fire once and are cleared by reset. */
class HooksTest {

    static final TestRelyingParty RP = new TestRelyingParty("hooks-client");

    @RegisterExtension
    static final ItsmeSimulatorExtension ITSME = ItsmeSimulatorExtension.builder().client(RP.client()).build();

    private static String segment(String token, int index) {
        return token.split("\\.", -1)[index];
    }

    private static Map<String, Object> decodeJson(String segment) {
        return json(new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8));
    }

    /** Logs in and returns the raw ID token (after the hooks set by the caller). */
    private String idToken(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Tokens tokens = RP.login(sim, LOGIN, "profile");
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return tokens.idToken();
    }

    // ---- authorization and token failures

    @Test
    void denyNextAnswersAccessDeniedOnceThenApprovesAgain(ItsmeSimulator sim, SimulatorHooks hooks) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        hooks.denyNext();
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        Map<String, String> result = redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)));
        assertThat(result).containsEntry("error", "access_denied").containsEntry("state", params.get("state"));
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), RP.authorizationParams(LOGIN, pkce(),
                ""))))).containsKey("code");
    }

    @Test
    void failNextAuthorizationUsesItsmeSpelling(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.failNextAuthorization("temporary_unavailable", "itsme is in maintenance");
        Map<String, String> params = RP.authorizationParams(LOGIN, pkce(), "");
        Map<String, String> result = redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)));
        assertThat(result).containsEntry("error", "temporary_unavailable")
                .containsEntry("error_description", "itsme is in maintenance")
                .containsEntry("state", params.get("state"));
    }

    @Test
    void failNextTokenAnswersTheGivenStatusErrorAndDetailOnce(ItsmeSimulator sim, SimulatorHooks hooks) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        hooks.failNextToken(400, "invalid_grant", "code expired");
        Tokens failed = RP.login(sim, LOGIN, "");
        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.json()).containsEntry("error", "invalid_grant").containsEntry("detail", "code expired");
        assertThat(RP.login(sim, LOGIN, "").status()).isEqualTo(200);
    }

    // ---- ID token alterations

    @Test
    void alteredClaimsAreStillProperlySignedAndEncrypted(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.alterNextIdToken(t -> t.claim("iss", "https://evil.example").removeClaim("nonce").claim("aud",
                List.of("a", "b")));
        Map<String, Object> claims = RP.open(sim, idToken(sim)).map();
        assertThat(claims).containsEntry("iss", "https://evil.example").doesNotContainKey("nonce")
                .containsEntry("aud", List.of("a", "b")).containsKey("sub");
        assertThat(RP.open(sim, idToken(sim)).map()).as("one shot").containsEntry("iss", sim.issuer())
                .containsKey("nonce");
    }

    @Test
    void removedExpStaysRemoved(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.alterNextIdToken(t -> t.removeClaim("exp").removeClaim("iat"));
        assertThat(RP.open(sim, idToken(sim)).map()).doesNotContainKeys("exp", "iat");
    }

    @Test
    void algNoneHasAnEmptySignature(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.alterNextIdToken(t -> t.signatureAlgorithm("none"));
        String inner = RP.decrypt(idToken(sim)).getValue();
        assertThat(decodeJson(segment(inner, 0))).containsEntry("alg", "none");
        assertThat(segment(inner, 2)).isEmpty();
        assertThat(decodeJson(segment(inner, 1))).containsKey("nonce");
    }

    @Test
    void hs256IsKeyedWithThePublicModulus(ItsmeSimulator sim, SimulatorHooks hooks) throws Exception {
        hooks.alterNextIdToken(t -> t.signatureAlgorithm("HS256"));
        String inner = RP.decrypt(idToken(sim)).getValue();
        assertThat(decodeJson(segment(inner, 0))).containsEntry("alg", "HS256");
        RsaJsonWebKey sig = simulatorKey(sim, "sig");
        byte[] modulus = sig.getRsaPublicKey().getModulus().toByteArray();
        if (modulus[0] == 0) {
            modulus = Arrays.copyOfRange(modulus, 1, modulus.length);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(modulus, "HmacSHA256"));
        byte[] expected = mac.doFinal((segment(inner, 0) + "." + segment(inner, 1)).getBytes(
                StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(segment(inner, 2))).isEqualTo(expected);
        assertThat(new BigInteger(1, modulus)).isEqualTo(sig.getRsaPublicKey().getModulus());
    }

    @Test
    void foreignKeySignatureVerifiesWithThatKeyOnly(ItsmeSimulator sim, SimulatorHooks hooks) throws Exception {
        RsaJsonWebKey foreign = TestRelyingParty.generate("x", "sig");
        String simKid = simulatorKey(sim, "sig").getKeyId();
        hooks.alterNextIdToken(t -> t.signWith(foreign.getRsaPrivateKey(), simKid));
        String inner = RP.decrypt(idToken(sim)).getValue();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(inner);
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(simKid);
        jws.setKey(foreign.getPublicKey());
        assertThat(jws.verifySignature()).isTrue();
        jws.setKey(simulatorKey(sim, "sig").getPublicKey());
        assertThat(jws.verifySignature()).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"PS256", "PS512", "RS384"})
    void otherRsaAlgorithmsReallySignWithTheSimulatorsKey(String alg, ItsmeSimulator sim, SimulatorHooks hooks)
            throws Exception {
        hooks.alterNextIdToken(t -> t.signatureAlgorithm(alg));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setCompactSerialization(RP.decrypt(idToken(sim)).getValue());
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo(alg);
        jws.setKey(simulatorKey(sim, "sig").getPublicKey());
        assertThat(jws.verifySignature()).isTrue();
    }

    @Test
    void es256SignsWithAnEcKeyOrGivesMeaninglessBytes(ItsmeSimulator sim, SimulatorHooks hooks) throws Exception {
        org.jose4j.jwk.EllipticCurveJsonWebKey ec = org.jose4j.jwk.EcJwkGenerator.generateJwk(
                org.jose4j.keys.EllipticCurves.P256);
        hooks.alterNextIdToken(t -> t.signatureAlgorithm("ES256").signWith(ec.getPrivateKey(), "ec1"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(RP.decrypt(idToken(sim)).getValue());
        jws.setKey(ec.getPublicKey());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo("ec1");

        hooks.alterNextIdToken(t -> t.signatureAlgorithm("ES256"));
        String inner = RP.decrypt(idToken(sim)).getValue();
        assertThat(decodeJson(segment(inner, 0))).containsEntry("alg", "ES256");
        assertThat(segment(inner, 2)).isNotEmpty();
    }

    @Test
    void corruptedSignatureNoLongerVerifies(ItsmeSimulator sim, SimulatorHooks hooks) throws Exception {
        hooks.alterNextIdToken(TokenAlteration::corruptSignature);
        String inner = RP.decrypt(idToken(sim)).getValue();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(inner);
        jws.setKey(simulatorKey(sim, "sig").getPublicKey());
        assertThat(jws.verifySignature()).isFalse();
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
    }

    @Test
    void untouchedHandMadeTokenStillVerifies(ItsmeSimulator sim, SimulatorHooks hooks) {
        // the accepting twin of the signature tampering tests: an alteration that changes nothing verifies
        hooks.alterNextIdToken(t -> t.claim("extra", "x"));
        assertThat(RP.open(sim, idToken(sim)).map()).containsEntry("extra", "x");
    }

    @Test
    void headerEntriesCanBeSetAndRemoved(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.alterNextIdToken(t -> t.header("kid", null).header("crit", List.of("exp")).header("jku",
                "https://evil.example/jwks"));
        Map<String, Object> header = decodeJson(segment(RP.decrypt(idToken(sim)).getValue(), 0));
        assertThat(header).doesNotContainKey("kid").containsEntry("crit", List.of("exp"))
                .containsEntry("jku", "https://evil.example/jwks");
    }

    @Test
    void unsignedPutsPlainJsonInTheJwe(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.alterNextIdToken(TokenAlteration::unsigned);
        Map.Entry<JsonWebEncryption, String> opened = RP.decrypt(idToken(sim));
        assertThat(json(opened.getValue())).containsKeys("iss", "sub", "nonce");
        assertThat(opened.getKey().getHeader("cty")).isNull();
    }

    @Test
    void jweAlgorithmAndEncCanBeChanged(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.alterNextIdToken(t -> t.jweAlgorithm("RSA1_5").contentEncryption("A192GCM"));
        Map.Entry<JsonWebEncryption, String> opened = RP.decrypt(idToken(sim));
        assertThat(opened.getKey().getAlgorithmHeaderValue()).isEqualTo("RSA1_5");
        assertThat(opened.getKey().getEncryptionMethodHeaderParameter()).isEqualTo("A192GCM");
        assertThat(opened.getValue().split("\\.")).hasSize(3);
    }

    @Test
    void jweAlgorithmTheKeyCannotServeIsOnlyDeclared(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.alterNextIdToken(t -> t.jweAlgorithm("dir"));
        String token = idToken(sim);
        assertThat(token.split("\\.", -1)).hasSize(5);
        assertThat(decodeJson(segment(token, 0))).containsEntry("alg", "dir");
    }

    @Test
    void jweKeyIdCanBeOmittedOrChangedAndHeadersAdded(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.alterNextIdToken(t -> t.jweKeyId(null).jweHeader("zip", "DEF"));
        Map.Entry<JsonWebEncryption, String> opened = RP.decrypt(idToken(sim));
        assertThat(opened.getKey().getKeyIdHeaderValue()).isNull();
        assertThat(opened.getKey().getHeader("zip")).isEqualTo("DEF");
        assertThat(opened.getValue().split("\\.")).hasSize(3);
        hooks.alterNextIdToken(t -> t.jweKeyId("e-unknown"));
        assertThat(RP.decrypt(idToken(sim)).getKey().getKeyIdHeaderValue()).isEqualTo("e-unknown");
    }

    @Test
    void noEncryptionSendsTheBareJws(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.alterNextIdToken(TokenAlteration::noEncryption);
        String token = idToken(sim);
        assertThat(token.split("\\.", -1)).hasSize(3);
        assertThat(decodeJson(segment(token, 0))).containsEntry("alg", "RS256");
    }

    @Test
    void rawTokenIsSentVerbatim(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.alterNextIdToken(t -> t.rawToken("not.a.token"));
        assertThat(idToken(sim)).isEqualTo("not.a.token");
    }

    @Test
    void corruptJweTampersWithEachSegmentSoDecryptionFails(ItsmeSimulator sim, SimulatorHooks hooks) {
        for (int segment = 0; segment <= 4; segment++) {
            int index = segment;
            hooks.alterNextIdToken(t -> t.corruptJwe(index));
            String token = idToken(sim);
            assertThat(token.split("\\.", -1)).hasSize(5);
            assertThatThrownBy(() -> RP.decrypt(token)).as("segment %d", index).isInstanceOf(AssertionError.class);
        }
        // the twin: the same hand-made path without tampering decrypts
        hooks.alterNextIdToken(t -> t.claim("extra", 1));
        assertThat(RP.decrypt(idToken(sim)).getValue().split("\\.")).hasSize(3);
    }

    @Test
    void corruptedJweHeaderIsStillJson(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.alterNextIdToken(t -> t.corruptJwe(0));
        assertThat(decodeJson(segment(idToken(sim), 0))).containsEntry("x-tampered", true).containsKey("alg");
    }

    // ---- token response

    @Test
    void alterNextTokenResponseChangesTheJsonOnce(ItsmeSimulator sim, SimulatorHooks hooks) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        hooks.alterNextTokenResponse(m -> {
            m.put("token_type", "bEaReR");
            m.remove("expires_in");
        });
        Tokens odd = RP.login(sim, LOGIN, "");
        assertThat(odd.json()).containsEntry("token_type", "bEaReR").doesNotContainKey("expires_in")
                .containsKey("id_token");
        assertThat(RP.open(sim, odd.idToken()).map()).containsKey("nonce");
        assertThat(RP.login(sim, LOGIN, "").json()).containsEntry("token_type", "Bearer").containsKey("expires_in");
    }

    @Test
    void respondNextTokenSendsExactlyThat(ItsmeSimulator sim, SimulatorHooks hooks) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        hooks.respondNextToken(200, "application/json", "[1,2]");
        Pkce pkce = pkce();
        String code = RP.authorize(sim, RP.authorizationParams(LOGIN, pkce, ""));
        HttpResponse<String> response = RP.postForm(sim.tokenEndpoint(), RP.tokenForm(sim, code, pkce.verifier()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[1,2]");
        // the code was not consumed by the scripted answer
        assertThat(RP.redeem(sim, code, pkce.verifier()).status()).isEqualTo(200);
    }

    // ---- userinfo alterations

    @Test
    void alterNextUserInfoChangesOnlyTheNextUserinfo(ItsmeSimulator sim, SimulatorHooks hooks) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Tokens tokens = RP.login(sim, LOGIN, "profile");
        hooks.alterNextUserInfo(t -> t.claim("sub", "other"));
        assertThat(RP.open(sim, RP.get(sim.userInfoEndpoint(), tokens.accessToken()).body()).map())
                .containsEntry("sub", "other");
        assertThat(RP.open(sim, RP.get(sim.userInfoEndpoint(), tokens.accessToken()).body()).map())
                .containsEntry("sub", TestPersons.BELGIAN_EID_HOLDER.subFor(RP.clientId));
    }

    @Test
    void userInfoAsPlainJson(ItsmeSimulator sim, SimulatorHooks hooks) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Tokens tokens = RP.login(sim, LOGIN, "profile");
        hooks.alterNextUserInfo(t -> t.unsigned().noEncryption()).userInfoContentType("application/json");
        HttpResponse<String> response = RP.get(sim.userInfoEndpoint(), tokens.accessToken());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response.body())).containsEntry("family_name", "Lambert");
    }

    // ---- keys

    @Test
    void rotationPublishesTheNewKeyKeepsTheOldAndSignsWithTheNew(ItsmeSimulator sim, SimulatorHooks hooks)
            throws Exception {
        String oldKid = simulatorKey(sim, "sig").getKeyId();
        String newKid = hooks.rotateSigningKey();
        assertThat(newKid).isNotEqualTo(oldKid);
        JsonWebKeySet published = new JsonWebKeySet(RP.get(sim.jwksUri()).body());
        assertThat(published.getJsonWebKeys()).extracting(k -> k.getKeyId()).contains(oldKid, newKid).hasSize(3);
        assertThat(RP.open(sim, idToken(sim)).jws().getKeyIdHeaderValue()).isEqualTo(newKid);

        String newest = hooks.rotateSigningKey(false);
        JsonWebKeySet after = new JsonWebKeySet(RP.get(sim.jwksUri()).body());
        assertThat(after.getJsonWebKeys()).extracting(k -> k.getKeyId()).contains(newest)
                .doesNotContain(oldKid, newKid).hasSize(2);
        assertThat(RP.open(sim, idToken(sim)).jws().getKeyIdHeaderValue()).isEqualTo(newest);
    }

    @Test
    void extraKeysArePublishedAsGivenUntilReset(ItsmeSimulator sim, SimulatorHooks hooks) throws Exception {
        RsaJsonWebKey small = org.jose4j.jwk.RsaJwkGenerator.generateJwk(1024);
        small.setKeyId("small");
        small.setUse("sig");
        hooks.publishExtraKey(small.toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).publishExtraKey(
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\",\"kid\":\"okp\"}");
        List<Object> keys = list(json(RP.get(sim.jwksUri()).body()).get("keys"));
        assertThat(keys).extracting(k -> obj(k).get("kid")).contains("small", "okp");
        assertThat(keys).hasSize(4);
        hooks.alterNextIdToken(t -> t.signWith(small.getRsaPrivateKey(), "small"));
        assertThat(decodeJson(segment(RP.decrypt(idToken(sim)).getValue(), 0))).containsEntry("kid", "small");
        sim.reset();
        assertThat(list(json(RP.get(sim.jwksUri()).body()).get("keys"))).hasSize(2);
        assertThatThrownBy(() -> hooks.publishExtraKey("{\"n\":\"x\"}")).isInstanceOf(
                IllegalArgumentException.class);
    }

    // ---- slow, silent and failing endpoints

    @Test
    void delayMakesAShortTimeoutFireAndResetRemovesIt(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.delay(Endpoint.DISCOVERY, Duration.ofSeconds(3));
        HttpRequest request = HttpRequest.newBuilder(sim.discoveryUri()).timeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> RP.http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        sim.reset();
        assertThat(RP.get(sim.discoveryUri()).statusCode()).isEqualTo(200);
    }

    @Test
    void delayedEndpointStillAnswers(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.delay(Endpoint.JWKS, Duration.ofMillis(200));
        assertThat(RP.get(sim.jwksUri()).statusCode()).isEqualTo(200);
    }

    @Test
    void hangNeverAnswersUntilReset(ItsmeSimulator sim, SimulatorHooks hooks) throws Exception {
        hooks.hang(Endpoint.TOKEN);
        HttpRequest request = HttpRequest.newBuilder(sim.tokenEndpoint()).timeout(Duration.ofMillis(500))
                .POST(HttpRequest.BodyPublishers.ofString("")).build();
        assertThatThrownBy(() -> RP.http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(RP.get(sim.discoveryUri()).statusCode()).as("other endpoints unaffected").isEqualTo(200);
        sim.reset();
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        assertThat(RP.login(sim, LOGIN, "").status()).isEqualTo(200);
    }

    @Test
    void serverErrorAnswersTheStatusUntilReset(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.serverError(Endpoint.USERINFO, 503);
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Tokens tokens = RP.login(sim, LOGIN, "");
        assertThat(RP.get(sim.userInfoEndpoint(), tokens.accessToken()).statusCode()).isEqualTo(503);
        hooks.serverError(Endpoint.USERINFO, 500);
        assertThat(RP.get(sim.userInfoEndpoint(), tokens.accessToken()).statusCode()).isEqualTo(500);
        sim.reset();
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Tokens again = RP.login(sim, LOGIN, "");
        assertThat(RP.get(sim.userInfoEndpoint(), again.accessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void serverErrorRefusesNon5xx(SimulatorHooks hooks) {
        assertThatThrownBy(() -> hooks.serverError(Endpoint.TOKEN, 404)).isInstanceOf(
                IllegalArgumentException.class);
    }

    // ---- recording

    @Test
    void recordsWhatTheRelyingPartySent(ItsmeSimulator sim) {
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        Tokens tokens = RP.login(sim, LOGIN, "profile");
        RP.get(sim.userInfoEndpoint(), tokens.accessToken());
        List<RecordedRequest> all = sim.recordedRequests();
        assertThat(all).extracting(RecordedRequest::path).containsExactly("/v2/authorization", "/v2/token",
                "/v2/userinfo");
        RecordedRequest token = sim.recordedRequests(Endpoint.TOKEN).get(0);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.formParameter("grant_type")).hasValue("authorization_code");
        assertThat(token.formParameter("code_verifier")).isPresent();
        assertThat(token.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(
                "application/x-www-form-urlencoded"));
        RecordedRequest authorization = sim.recordedRequests(Endpoint.AUTHORIZATION).get(0);
        assertThat(authorization.queryParameter("client_id")).hasValue(RP.clientId);
        assertThat(sim.recordedRequests(Endpoint.USERINFO).get(0).header("authorization"))
                .hasValue("Bearer " + tokens.accessToken());
        sim.reset();
        assertThat(sim.recordedRequests()).isEmpty();
    }

    @Test
    void resetClearsEveryHook(ItsmeSimulator sim, SimulatorHooks hooks) {
        hooks.denyNext().failNextToken(500, "server_error", null).alterNextIdToken(TokenAlteration::unsigned)
                .serverError(Endpoint.JWKS, 502);
        sim.reset();
        assertThat(RP.get(sim.jwksUri()).statusCode()).isEqualTo(200);
        assertThat(RP.open(sim, idToken(sim)).map()).containsKey("nonce");
    }
}

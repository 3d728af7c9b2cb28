package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.build.Jwt;

/** The token endpoint: private_key_jwt, single-use codes, redirect URI, PKCE, itsme's error shape. */
class TokenEndpointTest {

    static final TestRelyingParty RP = new TestRelyingParty("token-client");
    static final TestRelyingParty OTHER = new TestRelyingParty("token-other");

    private final MutableClock clock = new MutableClock(Instant.now());
    private ItsmeSimulator sim;
    private Pkce pkce;
    private String code;

    @BeforeEach
    void start() {
        sim = ItsmeSimulator.builder().clock(clock).client(RP.client()).client(OTHER.clientBuilder().build()).build()
                .start();
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        pkce = pkce();
        code = RP.authorize(sim, RP.authorizationParams(LOGIN, pkce, ""));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Tokens post(Map<String, String> form) {
        HttpResponse<String> response = RP.postForm(sim.tokenEndpoint(), form);
        return new Tokens(response.statusCode(), json(response.body()), response.body());
    }

    private Map<String, String> form() {
        Map<String, String> form = RP.tokenForm(sim, code, pkce.verifier());
        // the simulator's clock may have been moved: the assertion follows it
        form.put("client_assertion", assertion(RP.signingKey, RP.clientId, RP.clientId, sim.tokenEndpoint()
                .toString(), 60, UUID.randomUUID().toString()));
        return form;
    }

    private String assertion(RsaJsonWebKey key, String iss, String sub, Object aud, long expiresIn, String jti) {
        var builder = Jwt.issuer(iss).subject(sub).claim("jti", jti).issuedAt(clock.instant().getEpochSecond())
                .expiresAt(clock.instant().getEpochSecond() + expiresIn);
        builder = aud instanceof String s ? builder.audience(s) : builder.audience(java.util.Set.of((String[]) aud));
        return builder.jws().keyId(key.getKeyId()).sign(key.getRsaPrivateKey());
    }

    private void assertError(Tokens tokens, String error) {
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(400);
        assertThat(tokens.json()).containsEntry("error", error).containsKey("detail")
                .doesNotContainKeys("error_description", "id_token", "access_token");
    }

    @Test
    void validRequestGetsTokens() {
        Tokens tokens = post(form());
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.json()).containsOnlyKeys("access_token", "token_type", "expires_in", "id_token");
    }

    @Test
    void assertionAudienceMayBeAnArrayWithTheTokenEndpointButNotTheIssuer() {
        Map<String, String> form = form();
        form.put("client_assertion", assertion(RP.signingKey, RP.clientId, RP.clientId, sim.issuer(), 60, UUID
                .randomUUID().toString()));
        assertError(post(form), "unauthorized_client");

        String code2 = RP.authorize(sim, RP.authorizationParams(LOGIN, pkce, ""));
        Map<String, String> form2 = RP.tokenForm(sim, code2, pkce.verifier());
        form2.put("client_assertion", assertion(RP.signingKey, RP.clientId, RP.clientId, new String[]{
                sim.tokenEndpoint().toString(), "https://elsewhere"}, 60, UUID.randomUUID().toString()));
        assertThat(post(form2).status()).isEqualTo(200);
    }

    @Test
    void errorsAreHttp400JsonWithDetail() {
        Map<String, String> form = form();
        form.put("grant_type", "refresh_token");
        Tokens tokens = post(form);
        assertError(tokens, "invalid_request");
        assertThat(RP.postForm(sim.tokenEndpoint(), form).headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void missingClientAuthenticationIsInvalidClient() {
        Map<String, String> form = form();
        form.remove("client_assertion");
        assertError(post(form), "invalid_client");
        Map<String, String> secret = form();
        secret.put("client_assertion_type", "client_secret_post");
        assertError(post(secret), "invalid_client");
    }

    @Test
    void unknownClientIsInvalidClient() {
        Map<String, String> form = form();
        form.put("client_assertion", assertion(RP.signingKey, "nobody", "nobody", sim.tokenEndpoint().toString(),
                60, "j1"));
        assertError(post(form), "invalid_client");
    }

    @Test
    void wrongAudienceIsRefused() {
        Map<String, String> form = form();
        form.put("client_assertion", assertion(RP.signingKey, RP.clientId, RP.clientId, "https://idp.prd.itsme"
                + ".services/v2/token", 60, "j2"));
        assertError(post(form), "unauthorized_client");
    }

    @Test
    void subjectMustEqualIssuer() {
        Map<String, String> form = form();
        form.put("client_assertion", assertion(RP.signingKey, RP.clientId, "someone", sim.tokenEndpoint()
                .toString(), 60, "j3"));
        assertError(post(form), "unauthorized_client");
    }

    @Test
    void expiredAssertionIsRefused() {
        Map<String, String> form = form();
        form.put("client_assertion", assertion(RP.signingKey, RP.clientId, RP.clientId, sim.tokenEndpoint()
                .toString(), -120, "j4"));
        assertError(post(form), "unauthorized_client");
    }

    @Test
    void assertionLivingLongerThanFiveMinutesIsRefused() {
        Map<String, String> form = form();
        form.put("client_assertion", assertion(RP.signingKey, RP.clientId, RP.clientId, sim.tokenEndpoint()
                .toString(), 3600, "j5"));
        assertError(post(form), "unauthorized_client");
    }

    @Test
    void replayedJtiIsRefused() {
        String assertion = RP.clientAssertion(sim.tokenEndpoint().toString());
        Map<String, String> form = form();
        form.put("client_assertion", assertion);
        assertThat(post(form).status()).isEqualTo(200);
        String code2 = RP.authorize(sim, RP.authorizationParams(LOGIN, pkce, ""));
        Map<String, String> again = RP.tokenForm(sim, code2, pkce.verifier());
        again.put("client_assertion", assertion);
        assertError(post(again), "unauthorized_client");
    }

    @Test
    void assertionSignedWithAKeyOutsideTheClientsJwksIsRefused() {
        RsaJsonWebKey stranger = TestRelyingParty.generate("s1", "sig");
        Map<String, String> form = form();
        form.put("client_assertion", assertion(stranger, RP.clientId, RP.clientId, sim.tokenEndpoint().toString(),
                60, "j6"));
        assertError(post(form), "unauthorized_client");
    }

    @Test
    void assertionWithUnknownKidOrTheEncryptionKidIsRefused() {
        Map<String, String> form = form();
        RsaJsonWebKey renamed = TestRelyingParty.generate("s9", "sig");
        form.put("client_assertion", assertion(renamed, RP.clientId, RP.clientId, sim.tokenEndpoint().toString(),
                60, "j7"));
        assertError(post(form), "unauthorized_client");
        Map<String, String> encKid = form();
        encKid.put("client_assertion", Jwt.issuer(RP.clientId).subject(RP.clientId).audience(sim.tokenEndpoint()
                .toString()).claim("jti", "j8").expiresIn(60).jws().keyId("e1").sign(RP.encryptionKey
                        .getRsaPrivateKey()));
        assertError(post(encKid), "unauthorized_client");
    }

    @Test
    void assertionIssuedInTheFutureOrWithAnotherRsaAlgorithmIsRefused() {
        Map<String, String> future = form();
        future.put("client_assertion", Jwt.issuer(RP.clientId).subject(RP.clientId).audience(sim.tokenEndpoint()
                .toString()).claim("jti", "j10").issuedAt(clock.instant().getEpochSecond() + 600).expiresAt(clock
                        .instant().getEpochSecond() + 200)
                .jws().keyId("s1").sign(RP.signingKey
                        .getRsaPrivateKey()));
        assertError(post(future), "unauthorized_client");
        Map<String, String> ps256 = form();
        ps256.put("client_assertion", Jwt.issuer(RP.clientId).subject(RP.clientId).audience(sim.tokenEndpoint()
                .toString()).claim("jti", "j11").expiresAt(clock.instant().getEpochSecond() + 60).jws().algorithm(
                        io.smallrye.jwt.algorithm.SignatureAlgorithm.PS256)
                .keyId("s1").sign(RP.signingKey
                        .getRsaPrivateKey()));
        assertError(post(ps256), "unauthorized_client");
    }

    @Test
    void assertionForAnotherClientIdParameterIsRefused() {
        Map<String, String> form = form();
        form.put("client_id", OTHER.clientId);
        assertError(post(form), "invalid_client");
        Map<String, String> same = form();
        same.put("client_id", RP.clientId);
        assertThat(post(same).status()).isEqualTo(200);
    }

    @Test
    void hmacAssertionIsRefused() {
        Map<String, String> form = form();
        form.put("client_assertion", Jwt.issuer(RP.clientId).subject(RP.clientId).audience(sim.tokenEndpoint()
                .toString()).claim("jti", "j9").expiresIn(60).jws().keyId("s1").signWithSecret(
                        "0123456789abcdef0123456789abcdef"));
        assertError(post(form), "unauthorized_client");
    }

    @Test
    void otherClientsAssertionCannotRedeemTheCode() {
        Map<String, String> form = form();
        form.put("client_assertion", OTHER.clientAssertion(sim.tokenEndpoint().toString()));
        assertError(post(form), "invalid_grant");
    }

    @Test
    void codeIsSingleUseAndReuseRevokesTheAccessToken() {
        Tokens first = post(form());
        assertThat(first.status()).isEqualTo(200);
        assertThat(RP.get(sim.userInfoEndpoint(), first.accessToken()).statusCode()).isEqualTo(200);
        assertError(post(form()), "invalid_grant");
        assertThat(RP.get(sim.userInfoEndpoint(), first.accessToken()).statusCode()).isEqualTo(401);
    }

    @Test
    void codeExpiresAfterThreeMinutes() {
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertError(post(form()), "invalid_grant");
    }

    @Test
    void codeJustInsideItsLifetimeIsAccepted() {
        clock.advance(Duration.ofMinutes(2).plusSeconds(50));
        assertThat(post(form()).status()).isEqualTo(200);
    }

    @Test
    void unknownCodeIsInvalidGrant() {
        Map<String, String> form = form();
        form.put("code", UUID.randomUUID().toString());
        assertError(post(form), "invalid_grant");
    }

    @Test
    void differentRedirectUriIsInvalidGrant() {
        Map<String, String> form = form();
        form.put("redirect_uri", REDIRECT + "/");
        assertError(post(form), "invalid_grant");
    }

    @Test
    void wrongCodeVerifierIsInvalidGrant() {
        Map<String, String> form = form();
        form.put("code_verifier", pkce().verifier());
        assertError(post(form), "invalid_grant");
    }

    @Test
    void missingOrMalformedCodeVerifierIsInvalidRequest() {
        Map<String, String> form = form();
        form.remove("code_verifier");
        assertError(post(form), "invalid_request");
        Map<String, String> shortOne = form();
        shortOne.put("code_verifier", "short");
        assertError(post(shortOne), "invalid_request");
    }

    @Test
    void expiresInTellsAnHourAndTheAccessTokenDiesAfterIt() {
        Tokens tokens = post(form());
        clock.advance(Duration.ofSeconds(3599));
        assertThat(RP.get(sim.userInfoEndpoint(), tokens.accessToken()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        assertThat(RP.get(sim.userInfoEndpoint(), tokens.accessToken()).statusCode()).isEqualTo(401);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

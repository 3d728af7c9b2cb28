package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.ItsmeClaimNames.*;
import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which claims go where (scopes, the claims parameter), userinfo and picture access, the test persons. */
class ClaimsAndUserInfoTest {

    static final TestRelyingParty RP = new TestRelyingParty("claims-client");
    static final TestRelyingParty OTHER = new TestRelyingParty("claims-other");

    @RegisterExtension
    static final ItsmeSimulatorExtension ITSME = ItsmeSimulatorExtension.builder().client(RP.client())
            .client(OTHER.client()).build();

    private Tokens login(ItsmeSimulator sim, TestPerson person, String service, String scopes, String claims) {
        sim.autoApprove(person);
        Pkce pkce = pkce();
        Map<String, String> params = RP.authorizationParams(service, pkce, scopes);
        if (claims != null) {
            params.put("claims", claims);
        }
        Tokens tokens = RP.redeem(sim, RP.authorize(sim, params), pkce.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return tokens;
    }

    private Map<String, Object> userInfo(ItsmeSimulator sim, Tokens tokens) {
        HttpResponse<String> response = RP.get(sim.userInfoEndpoint(), tokens.accessToken());
        assertThat(response.statusCode()).isEqualTo(200);
        return RP.open(sim, response.body()).map();
    }

    @Test
    void loginWithoutScopesGivesOnlySubInUserinfoAndNoPersonalClaimsInTheIdToken(ItsmeSimulator sim) {
        Tokens tokens = login(sim, TestPersons.BELGIAN_EID_HOLDER, LOGIN, "", null);
        assertThat(userInfo(sim, tokens)).containsOnlyKeys("sub", "iss", "aud", "iat", "exp", "jti");
        assertThat(RP.open(sim, tokens.idToken()).map()).doesNotContainKeys("name", "family_name", "address");
    }

    @Test
    void scopesReleaseTheirClaimsInUserinfo(ItsmeSimulator sim) {
        Tokens tokens = login(sim, TestPersons.BELGIAN_EID_HOLDER, SHARE, "profile email phone address eid "
                + "idDocument", null);
        Map<String, Object> info = userInfo(sim, tokens);
        assertThat(info).containsEntry("name", "Marie Lambert").containsEntry("gender", "female")
                .containsEntry("locale", "FR").containsEntry("birthdate", "1985-03-14")
                .containsEntry("email", "marie.lambert@example.be").containsEntry("email_verified", false)
                .containsEntry("phone_number", "+32 485123456").containsEntry("phone_number_verified", true)
                .containsEntry(BE_NATIONAL_NUMBER, "85031412401").containsEntry(BE_EID_SN, "592123456789")
                .doesNotContainKeys(ID_DOCUMENT_SN, DEVICE);
        assertThat(obj(info.get("address"))).containsEntry("street_address", "Rue de la Loi 16")
                .containsEntry("formatted", "Rue de la Loi 16\n1000 Bruxelles").containsEntry("country", "BE");
    }

    @Test
    void claimsParameterAddsClaimsToTheIdTokenAndUserinfo(ItsmeSimulator sim) {
        String claims = "{\"id_token\":{\"" + PHYSICAL_PERSON_PHOTO + "\":{\"essential\":true},\"" + DEVICE
                + "\":null,\"" + VALIDITY_TO + "\":null,\"" + BE_EID_SN
                + "\":null,\"age_gte_18\":null,\"age_gte_30\":null,\"name\":null},"
                + "\"userinfo\":{\"" + PLACE_OF_BIRTH + "\":null,\"" + CITIZENSHIP_AS_ISO + "\":null}}";
        Tokens tokens = login(sim, TestPersons.BELGIAN_EID_HOLDER, SHARE, "", claims);
        Map<String, Object> id = RP.open(sim, tokens.idToken()).map();
        assertThat(id).containsEntry("name", "Marie Lambert").containsEntry(AGE_GTE_18, true)
                .containsEntry(AGE_GTE_30, true).doesNotContainKey(PLACE_OF_BIRTH);
        assertThat(obj(id.get(PHYSICAL_PERSON_PHOTO))).containsEntry("format", "image/jpeg");
        byte[] jpeg = java.util.Base64.getDecoder().decode((String) obj(id.get(PHYSICAL_PERSON_PHOTO)).get("value"));
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(obj(id.get(DEVICE))).containsEntry("os", "ANDROID").containsEntry("rooted", false)
                .containsKey("deviceId").containsKey("msisdn");
        assertThat(obj(id.get(VALIDITY_TO))).containsEntry(BE_EID_SN, "2028-11-10T00:00:00Z");
        Map<String, Object> info = userInfo(sim, tokens);
        assertThat(info).containsEntry(CITIZENSHIP_AS_ISO, "BEL").doesNotContainKey(DEVICE);
        assertThat(obj(info.get(PLACE_OF_BIRTH))).containsEntry("city", "Namur");
    }

    @Test
    void dutchDocumentHolderHasNoAddressNorGivenName(ItsmeSimulator sim) {
        String claims = "{\"id_token\":{\"address\":null,\"given_name\":null,\"family_name\":null,\"" + ID_DOCUMENT_SN
                + "\":null,\"" + ID_DOCUMENT_TYPE + "\":null,\"" + ID_ISSUING_COUNTRY + "\":null,\"age_gte_30\":null}}";
        Tokens tokens = login(sim, TestPersons.DUTCH_DOCUMENT_HOLDER, SHARE, "address profile idDocument", claims);
        Map<String, Object> id = RP.open(sim, tokens.idToken()).map();
        assertThat(id).containsEntry("family_name", "van den Berg").containsEntry(ID_DOCUMENT_TYPE, "PASSPORT")
                .containsEntry(ID_ISSUING_COUNTRY, "NLD").containsEntry(ID_DOCUMENT_SN, "NXC1234R5")
                .containsEntry(AGE_GTE_30, false).doesNotContainKeys("address", "given_name");
        assertThat(userInfo(sim, tokens)).doesNotContainKeys("address", "given_name", BE_NATIONAL_NUMBER);
    }

    @Test
    void subIsPairwisePerClientAnd36Characters() {
        for (TestPerson person : TestPersons.all()) {
            assertThat(person.subFor("a")).hasSize(36).isEqualTo(person.subFor("a")).isNotEqualTo(person.subFor("b"));
        }
        assertThat(TestPersons.BELGIAN_EID_HOLDER.subFor("a")).isNotEqualTo(TestPersons.DUTCH_DOCUMENT_HOLDER
                .subFor("a"));
    }

    @Test
    void belgianNationalNumbersHaveValidCheckDigits() {
        for (TestPerson person : TestPersons.all()) {
            person.claim(BE_NATIONAL_NUMBER).ifPresent(value -> {
                String nn = (String) value;
                long base = Long.parseLong(nn.substring(0, 9));
                assertThat(97 - base % 97).isEqualTo(Long.parseLong(nn.substring(9)));
            });
        }
        assertThat(TestPersons.DUTCH_DOCUMENT_HOLDER.claim(BE_NATIONAL_NUMBER)).isEmpty();
    }

    @Test
    void userinfoWithoutOrWithABadTokenIs401WithABearerChallenge(ItsmeSimulator sim) {
        HttpResponse<String> none = RP.get(sim.userInfoEndpoint());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
        HttpResponse<String> bad = RP.get(sim.userInfoEndpoint(), "not-a-token");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void userinfoSubEqualsTheIdTokenSubAndCarriesIssAndAud(ItsmeSimulator sim) {
        Tokens tokens = login(sim, TestPersons.SECOND_BELGIAN_EID_HOLDER, LOGIN, "profile", null);
        Map<String, Object> info = userInfo(sim, tokens);
        assertThat(info.get("sub")).isEqualTo(RP.open(sim, tokens.idToken()).map().get("sub"));
        assertThat(info).containsEntry("iss", sim.issuer()).containsEntry("aud", RP.clientId);
    }

    @Test
    void pictureNeedsABearerTokenAndTheProfileScope(ItsmeSimulator sim) {
        Tokens tokens = login(sim, TestPersons.BELGIAN_EID_HOLDER, LOGIN, "profile", null);
        URI picture = URI.create((String) userInfo(sim, tokens).get("picture"));
        assertThat(picture.toString()).isEqualTo(sim.issuer() + "/picture");
        HttpResponse<byte[]> ok = RP.getBytes(picture, tokens.accessToken());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(ok.body()).isEqualTo(TestPersons.BELGIAN_EID_HOLDER.photoJpeg().orElseThrow());
        assertThat(RP.getBytes(picture, "bad").statusCode()).isEqualTo(401);

        Tokens noProfile = login(sim, TestPersons.BELGIAN_EID_HOLDER, LOGIN, "email", null);
        assertThat(RP.getBytes(picture, noProfile.accessToken()).statusCode()).isEqualTo(404);
        Tokens noPhoto = login(sim, TestPersons.SECOND_BELGIAN_EID_HOLDER, LOGIN, "profile", null);
        assertThat(userInfo(sim, noPhoto)).doesNotContainKey("picture");
    }

    @Test
    void malformedClaimsParameterIsInvalidRequest(ItsmeSimulator sim) {
        Map<String, String> params = RP.authorizationParams(SHARE, pkce(), "");
        params.put("claims", "{not json");
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).containsEntry("error",
                "invalid_request");
        params.put("claims", "{\"id_token\":[1]}");
        assertThat(redirectParams(RP.get(uri(sim.authorizationEndpoint(), params)))).containsEntry("error",
                "invalid_request");
    }

    @Test
    void customPersonsCanBeAdded() {
        TestPerson custom = TestPerson.builder("custom").displayName("Custom").claim("family_name", "X").claim(
                "birthdate", "2010-01-01").build();
        try (ItsmeSimulator sim = ItsmeSimulator.builder().client(RP.client()).person(custom).build().start()) {
            assertThat(sim.persons()).contains(custom, TestPersons.BELGIAN_EID_HOLDER);
            Tokens tokens = login(sim, custom, LOGIN, "profile", "{\"id_token\":{\"age_gte_18\":null}}");
            assertThat(RP.open(sim, tokens.idToken()).map()).containsEntry(AGE_GTE_18, false);
            assertThat(userInfo(sim, tokens)).containsEntry("family_name", "X");
        }
    }
}

package io.github.itsmejakarta.core.claims;

import static io.github.itsmejakarta.core.claims.ClaimNames.ITSME_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.itsmejakarta.core.ItsmeIdentity;
import io.github.itsmejakarta.core.ItsmeUserInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ItsmeClaims: typed accessors, v1 aliases, unknown claims kept")
class ItsmeClaimsTest {
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    /** A Belgian eID holder's claims as itsme v2 sends them (parsed from JSON, as the token processor does). */
    static Map<String, Object> belgian() throws Exception {
        String json = """
                {
                  "sub": "0123456789abcdef0123456789abcdef0123",
                  "family_name": "Peeters", "given_name": "An", "name": "An Peeters",
                  "gender": "female", "locale": "NL", "birthdate": "1985-04-12",
                  "email": "an@example.be", "email_verified": false,
                  "phone_number": "+32 485694175", "phone_number_verified": "true",
                  "address": {"formatted": "Wetstraat 16\\n1000 Brussel", "street_address": "Wetstraat 16",
                              "postal_code": "1000", "locality": "Brussel", "country": "BE"},
                  "http://itsme.services/v2/claim/BENationalNumber": "85041212345",
                  "http://itsme.services/v2/claim/BEeidSn": "592123456789",
                  "age_gte_16": true, "age_gte_18": "true", "age_gte_21": "TRUE", "age_gte_30": false,
                  "http://itsme.services/v2/claim/official_gender": "F",
                  "http://itsme.services/v2/claim/claim_citizenship": "Belg",
                  "http://itsme.services/v2/claim/claim_citizenship_as_iso": "BEL",
                  "http://itsme.services/v2/claim/birthdate_as_string": "12 APR 1985",
                  "http://itsme.services/v2/claim/place_of_birth": {"formatted": "Gent, BE", "city": "Gent", "country": "BE"},
                  "http://itsme.services/v2/claim/physical_person_photo": {"format": "image/jpeg", "value": "%s"},
                  "http://itsme.services/v2/claim/claim_device": {"os": "ANDROID", "appName": "itsme",
                      "appRelease": "3.1.2", "deviceLabel": "An's phone", "deviceID": "dev-42",
                      "debugEnabled": "false", "osRelease": "14", "manufacturer": "samsung", "model": "SM-S911B",
                      "hasSimEnabled": "true"},
                  "http://itsme.services/v2/claim/validityFrom": {"http://itsme.services/v2/claim/BEeidSn": "2018-11-10T00:00:00Z"},
                  "http://itsme.services/v2/claim/validityTo": {"http://itsme.services/v2/claim/BEeidSn": "2028-11-10T00:00:00Z"},
                  "http://itsme.services/v2/claim/verificationDate": {"http://itsme.services/v2/claim/BEeidSn": "2026-01-02T03:04:05+01:00"},
                  "http://itsme.services/v2/claim/issuance_locality": {"http://itsme.services/v2/claim/BEeidSn": "Gent"},
                  "http://itsme.services/v2/claim/transaction_ip": "192.0.2.1",
                  "x-custom": {"nested": [1, 2, {"a": null}]}
                }
                """
                .formatted(Base64.getEncoder().encodeToString(JPEG));
        return JsonUtil.parseJson(json);
    }

    @Test
    @DisplayName("each typed accessor reads its claim")
    void typed_accessors() throws Exception {
        ItsmeClaims c = ItsmeClaims.of(belgian());
        assertThat(c.familyName()).contains("Peeters");
        assertThat(c.givenName()).contains("An");
        assertThat(c.name()).contains("An Peeters");
        assertThat(c.gender()).contains("female");
        assertThat(c.locale()).contains("NL");
        assertThat(c.birthdate()).contains(LocalDate.of(1985, 4, 12));
        assertThat(c.birthdateAsString()).contains("12 APR 1985");
        assertThat(c.email()).contains("an@example.be");
        assertThat(c.emailVerified()).contains(false);
        assertThat(c.phoneNumber()).contains("+32 485694175");
        assertThat(c.phoneNumberVerified()).as("\"true\" string").contains(true);
        assertThat(c.address()).contains(new Address("Wetstraat 16\n1000 Brussel", "Wetstraat 16", "1000", "Brussel",
                "BE"));
        assertThat(c.belgianNationalNumber()).contains("85041212345");
        assertThat(c.eidCardNumber()).contains("592123456789");
        assertThat(c.ageAtLeast(16)).contains(true);
        assertThat(c.ageAtLeast(18)).contains(true);
        assertThat(c.ageAtLeast(21)).contains(true);
        assertThat(c.ageAtLeast(30)).contains(false);
        assertThatThrownBy(() -> c.ageAtLeast(25)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.officialGender()).contains("F");
        assertThat(c.citizenship()).contains("Belg");
        assertThat(c.citizenshipIso()).contains("BEL");
        assertThat(c.placeOfBirth()).contains(new PlaceOfBirth("Gent, BE", "Gent", "BE"));
        assertThat(c.photo()).hasValueSatisfying(p -> {
            assertThat(p.mediaType()).isEqualTo("image/jpeg");
            assertThat(p.bytes()).isEqualTo(JPEG);
        });
        assertThat(c.device()).hasValueSatisfying(d -> {
            assertThat(d.os()).isEqualTo("ANDROID");
            assertThat(d.appName()).isEqualTo("itsme");
            assertThat(d.appRelease()).isEqualTo("3.1.2");
            assertThat(d.deviceLabel()).isEqualTo("An's phone");
            assertThat(d.deviceId()).as("from deviceID").isEqualTo("dev-42");
            assertThat(d.debugEnabled()).as("\"false\" string").isFalse();
            assertThat(d.osRelease()).isEqualTo("14");
            assertThat(d.manufacturer()).isEqualTo("samsung");
            assertThat(d.model()).isEqualTo("SM-S911B");
            assertThat(d.raw()).containsEntry("hasSimEnabled", "true");
        });
        assertThat(c.validityFrom(ClaimNames.BE_EID_SN)).contains(Instant.parse("2018-11-10T00:00:00Z"));
        assertThat(c.validityTo(ClaimNames.BE_EID_SN)).contains(Instant.parse("2028-11-10T00:00:00Z"));
        assertThat(c.verificationDate(ClaimNames.BE_EID_SN)).contains(Instant.parse("2026-01-02T02:04:05Z"));
        assertThat(c.issuanceLocality(ClaimNames.BE_EID_SN)).contains("Gent");
        assertThat(c.validityTo(ClaimNames.ID_DOCUMENT_SN)).isEmpty();
        assertThat(c.idDocument()).isEmpty();
    }

    @Test
    @DisplayName("the simulator's test persons read through every accessor")
    void simulator_test_persons() {
        ItsmeClaims marie = ItsmeClaims.of(io.github.itsmejakarta.testkit.TestPersons.BELGIAN_EID_HOLDER.claims());
        assertThat(marie.birthdate()).contains(LocalDate.of(1985, 3, 14));
        assertThat(marie.address()).hasValueSatisfying(a -> assertThat(a.postalCode()).isEqualTo("1000"));
        assertThat(marie.photo()).hasValueSatisfying(p -> {
            assertThat(p.mediaType()).isEqualTo("image/jpeg");
            assertThat(p.bytes()).startsWith((byte) 0xFF, (byte) 0xD8);
        });
        assertThat(marie.device()).hasValueSatisfying(d -> {
            assertThat(d.debugEnabled()).isFalse();
            assertThat(d.deviceId()).isNotBlank();
            assertThat(d.model()).isEqualTo("Pixel 8");
        });
        assertThat(marie.validityTo(ClaimNames.BE_EID_SN)).contains(Instant.parse("2028-11-10T00:00:00Z"));
        assertThat(marie.issuanceLocality(ClaimNames.BE_EID_SN)).contains("Bruxelles");
        assertThat(marie.phoneNumberVerified()).contains(true);
        ItsmeClaims dutch = ItsmeClaims.of(io.github.itsmejakarta.testkit.TestPersons.DUTCH_DOCUMENT_HOLDER.claims());
        assertThat(dutch.idDocument()).hasValueSatisfying(d -> assertThat(d.issuingCountry()).isEqualTo("NLD"));
        assertThat(dutch.address()).isEmpty();
        assertThat(dutch.givenName()).isEmpty();
        assertThat(marie.addressAssuranceLevel()).contains("HIGH");
        assertThat(marie.studentAttestationGrant()).as("not a student").isEmpty();
        assertThat(dutch.studentAttestationGrant()).hasValueSatisfying(g -> assertThat(g).startsWith("https://"));
        assertThat(dutch.addressAssuranceLevel()).as("no address").isEmpty();
        ItsmeClaims jan = ItsmeClaims.of(io.github.itsmejakarta.testkit.TestPersons.SECOND_BELGIAN_EID_HOLDER.claims());
        assertThat(jan.device()).hasValueSatisfying(d -> assertThat(d.deviceId()).isNotBlank());
    }

    @Test
    @DisplayName("absent claims give empty results")
    void absent() {
        ItsmeClaims c = ItsmeClaims.of(Map.of("sub", "x"));
        assertThat(c.familyName()).isEmpty();
        assertThat(c.birthdate()).isEmpty();
        assertThat(c.address()).isEmpty();
        assertThat(c.photo()).isEmpty();
        assertThat(c.device()).isEmpty();
        assertThat(c.ageAtLeast(18)).isEmpty();
        assertThat(c.validityTo(ClaimNames.BE_EID_SN)).isEmpty();
        assertThat(ItsmeClaims.empty().raw()).isEmpty();
    }

    @Test
    @DisplayName("the Dutch document holder: idDocument record, no address, no given name")
    void id_document() {
        ItsmeClaims c = ItsmeClaims.of(Map.of(ClaimNames.ID_DOCUMENT_SN, "NX1234567", ClaimNames.ID_DOCUMENT_TYPE,
                "PASSPORT", ClaimNames.ID_ISSUING_COUNTRY, "NLD", "family_name", "de Vries"));
        assertThat(c.idDocument()).contains(new IdDocument("NX1234567", "PASSPORT", "NLD"));
        assertThat(c.givenName()).isEmpty();
        assertThat(c.address()).isEmpty();
    }

    @Test
    @DisplayName("v1 names (tag:sixdots.be,...) are folded to v2, v2 wins when both are present")
    void v1_aliases() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag:sixdots.be,2016-06:claim_nationality", "Belg");
        m.put("tag:sixdots.be,2016-06:claim_eid", "591000000001");
        m.put("tag:sixdots.be,2016-06:claim_city_of_birth", "Brugge");
        m.put("tag:sixdots.be,2017-05:claim_device", Map.of("os", "IOS", "deviceId", "d1", "debugEnabled", true));
        m.put("tag:sixdots.be,2016-06:BENationalNumber", "v1-number");
        m.put(ClaimNames.BE_NATIONAL_NUMBER, "v2-number");
        m.put("tag:sixdots.be,2016-06:validityTo", Map.of("tag:sixdots.be,2016-06:claim_eid", "2030-01-01"));
        m.put("locale", "fr");
        ItsmeClaims c = ItsmeClaims.of(m);
        assertThat(c.citizenship()).contains("Belg");
        assertThat(c.eidCardNumber()).contains("591000000001");
        assertThat(c.placeOfBirth()).contains(new PlaceOfBirth("Brugge", "Brugge", null));
        assertThat(c.device()).hasValueSatisfying(d -> {
            assertThat(d.os()).isEqualTo("IOS");
            assertThat(d.deviceId()).isEqualTo("d1");
            assertThat(d.debugEnabled()).isTrue();
        });
        assertThat(c.belgianNationalNumber()).contains("v2-number");
        assertThat(c.validityTo(ClaimNames.BE_EID_SN)).contains(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(c.validityTo("tag:sixdots.be,2016-06:claim_eid")).contains(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(c.locale()).as("v1 lower case normalised").contains("FR");
        assertThat(c.get("tag:sixdots.be,2016-06:claim_nationality")).contains("Belg");
        assertThat(c.names()).noneMatch(n -> n.startsWith("tag:"));
        assertThat(ClaimNames.toV2("tag:sixdots.be,2016-06:claim_something_new"))
                .isEqualTo(ITSME_PREFIX + "claim_something_new");
        assertThat(ClaimNames.toV2("family_name")).isEqualTo("family_name");
    }

    @Test
    @DisplayName("address sent as a JSON string (v1) becomes the same record")
    void address_as_json_string() {
        ItsmeClaims c = ItsmeClaims.of(Map.of("address",
                "{\"formatted\":\"Rue Royale 82 1000 Bruxelles\",\"street_address\":\"Rue Royale 82\","
                        + "\"postal_code\":\"1000\",\"locality\":\"Bruxelles\"}"));
        assertThat(c.address()).contains(new Address("Rue Royale 82 1000 Bruxelles", "Rue Royale 82", "1000",
                "Bruxelles", null));
    }

    @Test
    @DisplayName("values that cannot be typed give empty (documented rule) and stay readable raw")
    void untypable_values() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("birthdate", "12/04/1985");
        m.put("email_verified", "maybe");
        m.put("address", 42);
        m.put("family_name", List.of("a"));
        m.put(ClaimNames.PHYSICAL_PERSON_PHOTO, Map.of("format", "image/jpeg", "value", "!!not base64!!"));
        m.put(ClaimNames.VALIDITY_TO, Map.of(ClaimNames.BE_EID_SN, "someday"));
        ItsmeClaims c = ItsmeClaims.of(m);
        assertThat(c.birthdate()).isEmpty();
        assertThat(c.emailVerified()).isEmpty();
        assertThat(c.address()).isEmpty();
        assertThat(c.familyName()).isEmpty();
        assertThat(c.photo()).isEmpty();
        assertThat(c.validityTo(ClaimNames.BE_EID_SN)).isEmpty();
        assertThat(c.get("birthdate")).contains("12/04/1985");
        assertThat(c.get("address")).contains(42);
    }

    @Test
    @DisplayName("unknown claims are kept, deeply immutable")
    void unknown_kept() throws Exception {
        ItsmeClaims c = ItsmeClaims.of(belgian());
        assertThat(c.get("x-custom")).hasValueSatisfying(v -> assertThat(v).isInstanceOf(Map.class));
        assertThat(c.get(ClaimNames.TRANSACTION_IP)).contains("192.0.2.1");
        assertThat(c.getString(ClaimNames.TRANSACTION_IP)).contains("192.0.2.1");
        assertThat(c.contains("x-custom")).isTrue();
        assertThatThrownBy(() -> c.raw().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) c.raw().get("x-custom");
        assertThatThrownBy(() -> nested.put("y", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(c.toString()).contains("family_name").doesNotContain("Peeters");
    }

    @Test
    @DisplayName("the source map is copied: later changes do not leak in")
    void defensive_copy() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family_name", "A");
        ItsmeClaims c = ItsmeClaims.of(m);
        m.put("family_name", "B");
        assertThat(c.familyName()).contains("A");
    }

    @Test
    @DisplayName("ItsmeIdentity and ItsmeUserInfo survive Java serialization (HTTP session), without the nonce")
    void serializable() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>(belgian());
        m.put("nonce", "secret-nonce");
        ItsmeIdentity id = ItsmeIdentity.of("sub-1", "https://idp", List.of("client"),
                "http://itsme.services/v2/claim/acr_advanced", Instant.EPOCH, Instant.EPOCH.plusSeconds(1),
                Instant.EPOCH.plusSeconds(300), ItsmeClaims.of(m));
        assertThat(id.claims().contains("nonce")).isFalse();
        ItsmeIdentity copy = roundTrip(id);
        assertThat(copy).isEqualTo(id);
        assertThat(copy.claims().photo()).hasValueSatisfying(p -> assertThat(p.bytes()).isEqualTo(JPEG));
        assertThat(copy.acr()).contains(io.github.itsmejakarta.core.Acr.ADVANCED);
        assertThat(copy.toString()).doesNotContain("Peeters").doesNotContain("secret-nonce");
        ItsmeUserInfo info = ItsmeUserInfo.of("sub-1", ItsmeClaims.of(belgian()));
        assertThat(roundTrip(info)).isEqualTo(info);
    }

    @Test
    @DisplayName("Photo copies its bytes in and out")
    void photo_copies() {
        byte[] b = JPEG.clone();
        Photo p = new Photo("image/jpeg", b);
        b[0] = 0;
        assertThat(p.bytes()[0]).isEqualTo((byte) 0xFF);
        p.bytes()[0] = 0;
        assertThat(p.bytes()[0]).isEqualTo((byte) 0xFF);
        assertThat(p).isEqualTo(new Photo("image/jpeg", JPEG));
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}

package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.ItsmeClaimNames.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready-made test persons with realistic itsme claims. Every value is fictitious (national numbers have valid check
 * digits but belong to nobody). The persons are immutable; thread-safe.
 */
public final class TestPersons {

    /**
     * Marie Lambert, French-speaking Belgian with an eID card: national number, eID serial number, address, birth
     * date and place, photo, an Android device, validity metadata of her card; started with the QR code.
     */
    public static final TestPerson BELGIAN_EID_HOLDER = belgianEidHolder();

    /**
     * Sanne van den Berg, Dutch citizen identified with her passport: {@code IDDocumentSN}, {@code IDDocumentType}
     * {@code PASSPORT}, {@code IDIssuingCountry} {@code NLD}, a Dutch national number (BSN), a student attestation
     * ({@code student_attestation_ag}, released by Data Sharing services only); no address and no {@code given_name}
     * (itsme leaves them out for such documents).
     */
    public static final TestPerson DUTCH_DOCUMENT_HOLDER = dutchDocumentHolder();

    /**
     * Jan Peeters, Dutch-speaking Belgian with an eID card and no photo, an address without {@code country}; started
     * from his phone number ({@code MSISDN}) with a call going on ({@code ongoing_call} true).
     */
    public static final TestPerson SECOND_BELGIAN_EID_HOLDER = secondBelgianEidHolder();

    private TestPersons() {
    }

    /** Every ready-made person, in page order. */
    public static List<TestPerson> all() {
        return List.of(BELGIAN_EID_HOLDER, DUTCH_DOCUMENT_HOLDER, SECOND_BELGIAN_EID_HOLDER);
    }

    private static TestPerson belgianEidHolder() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("formatted", "Rue de la Loi 16\n1000 Bruxelles");
        address.put("street_address", "Rue de la Loi 16");
        address.put("postal_code", "1000");
        address.put("locality", "Bruxelles");
        address.put("country", "BE");
        Map<String, Object> device = device("ANDROID", "4.12.1", "Marie's phone",
                "a8f2f7c6-7d0b-4c4e-9b52-3c1f0e7d2a11",
                "14", "Google", "FINGERPRINT", "Pixel 8", "0032485123456");
        return TestPerson.builder("belgian-eid-holder")
                .displayName("Marie Lambert (Belgian eID)")
                .claim("family_name", "Lambert")
                .claim("given_name", "Marie")
                .claim("name", "Marie Lambert")
                .claim("gender", "female")
                .claim("locale", "FR")
                .claim("birthdate", "1985-03-14")
                .claim(BIRTHDATE_AS_STRING, "14/03/1985")
                .claim("email", "marie.lambert@example.be")
                .claim("email_verified", false)
                .claim("phone_number", "+32 485123456")
                .claim("phone_number_verified", true)
                .claim("address", address)
                .claim(ADDRESS_ASSURANCE_LEVEL, "HIGH")
                .claim(BE_NATIONAL_NUMBER, "85031412401")
                .claim(BE_EID_SN, "592123456789")
                .claim(OFFICIAL_GENDER, "F")
                .claim(CITIZENSHIP, "Belg")
                .claim(CITIZENSHIP_AS_ISO, "BEL")
                .claim(PLACE_OF_BIRTH, Map.of("formatted", "Namur, Belgique", "city", "Namur", "country", "BE"))
                .photoJpeg(resource("photo-belgian-eid-holder.jpg"))
                .claim(DEVICE, device)
                .claim(TRANSACTION_IP, "203.0.113.24")
                .claim(ONGOING_CALL, false)
                .claim(IDENTIFICATION_MODE, "QR")
                .claim(VALIDITY_FROM, Map.of(BE_EID_SN, "2018-11-10T00:00:00Z"))
                .claim(VALIDITY_TO, Map.of(BE_EID_SN, "2028-11-10T00:00:00Z"))
                .claim(VERIFICATION_DATE, Map.of(BE_EID_SN, "2026-01-05T09:30:00Z"))
                .claim(ISSUANCE_LOCALITY, Map.of(BE_EID_SN, "Bruxelles"))
                .build();
    }

    private static TestPerson dutchDocumentHolder() {
        Map<String, Object> device = device("IOS", "4.12.0", "iPhone van Sanne", "5b0c3e9a-1f44-4a0e-8d2c-7e6b9a4f1c30",
                "18.1", "Apple", "FACEID", "iPhone15,2", "0031612345678");
        return TestPerson.builder("dutch-document-holder")
                .displayName("S. van den Berg (Dutch passport)")
                .claim("family_name", "van den Berg")
                .claim("name", "van den Berg")
                .claim("gender", "female")
                .claim("locale", "NL")
                .claim("birthdate", "2002-07-21")
                .claim(BIRTHDATE_AS_STRING, "21/07/2002")
                .claim("email", "s.vandenberg@example.nl")
                .claim("email_verified", false)
                .claim("phone_number", "+31 612345678")
                .claim("phone_number_verified", true)
                .claim(ID_DOCUMENT_SN, "NXC1234R5")
                .claim(ID_DOCUMENT_TYPE, "PASSPORT")
                .claim(ID_ISSUING_COUNTRY, "NLD")
                .claim(NL_NATIONAL_NUMBER, "123456782")
                .claim(STUDENT_ATTESTATION_AG,
                        "https://pod.athumi.example/sanne-van-den-berg/access-grants/6d1f0c7e-5a2b-4c39-9e84-2b7f4a1d0c55")
                .claim(OFFICIAL_GENDER, "V")
                .claim(CITIZENSHIP, "Nederlandse")
                .claim(CITIZENSHIP_AS_ISO, "NLD")
                .claim(PLACE_OF_BIRTH, Map.of("formatted", "Utrecht, Nederland", "city", "Utrecht", "country", "NL"))
                .photoJpeg(resource("photo-dutch-document-holder.jpg"))
                .claim(DEVICE, device)
                .claim(IDENTIFICATION_MODE, "a2a")
                .claim(TRANSACTION_IP, "198.51.100.7")
                .claim(ONGOING_CALL, false)
                .claim(VALIDITY_FROM, Map.of(ID_DOCUMENT_SN, "2021-04-02T00:00:00Z"))
                .claim(VALIDITY_TO, Map.of(ID_DOCUMENT_SN, "2031-04-02T00:00:00Z"))
                .claim(VERIFICATION_DATE, Map.of(ID_DOCUMENT_SN, "2025-12-12T14:05:00Z"))
                .build();
    }

    private static TestPerson secondBelgianEidHolder() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("formatted", "Meir 50\n2000 Antwerpen");
        address.put("street_address", "Meir 50");
        address.put("postal_code", "2000");
        address.put("locality", "Antwerpen");
        Map<String, Object> device = device("IOS", "4.11.7", "Jan zijn iPhone", "0e6f9c3a-2b7d-4f18-a3c5-9d8e7f6a5b41",
                "17.6", "Apple", "TOUCHID", "iPhone14,5", "0032470987654");
        return TestPerson.builder("second-belgian-eid-holder")
                .displayName("Jan Peeters (Belgian eID, no photo)")
                .claim("family_name", "Peeters")
                .claim("given_name", "Jan Karel")
                .claim("name", "Jan Karel Peeters")
                .claim("gender", "male")
                .claim("locale", "NL")
                .claim("birthdate", "1962-10-01")
                .claim(BIRTHDATE_AS_STRING, "01/10/1962")
                .claim("email", "jan.peeters@example.be")
                .claim("email_verified", false)
                .claim("phone_number", "+32 470987654")
                .claim("phone_number_verified", true)
                .claim("address", address)
                .claim(ADDRESS_ASSURANCE_LEVEL, "MEDIUM")
                .claim(BE_NATIONAL_NUMBER, "62100103348")
                .claim(BE_EID_SN, "591987654321")
                .claim(OFFICIAL_GENDER, "M")
                .claim(CITIZENSHIP, "Belg")
                .claim(CITIZENSHIP_AS_ISO, "BEL")
                .claim(PLACE_OF_BIRTH, Map.of("formatted", "Antwerpen, België", "city", "Antwerpen", "country", "BE"))
                .claim(DEVICE, device)
                .claim(IDENTIFICATION_MODE, "MSISDN")
                .claim(TRANSACTION_IP, "192.0.2.58")
                .claim(ONGOING_CALL, true)
                .claim(VALIDITY_FROM, Map.of(BE_EID_SN, "2020-02-14T00:00:00Z"))
                .claim(VALIDITY_TO, Map.of(BE_EID_SN, "2030-02-14T00:00:00Z"))
                .claim(VERIFICATION_DATE, Map.of(BE_EID_SN, "2025-10-20T08:00:00Z"))
                .build();
    }

    /**
     * The same person (same id, same {@code sub}) with claims in shapes itsme has sent but no longer documents. Add it
     * with {@link ItsmeSimulator.Builder#person(TestPerson)} (it replaces the documented one) or auto-approve it.
     */
    public static TestPerson withShapes(TestPerson person, ClaimShape... shapes) {
        Map<String, Object> claims = new LinkedHashMap<>(person.claims());
        java.util.Set<ClaimShape> wanted = java.util.EnumSet.noneOf(ClaimShape.class);
        wanted.addAll(List.of(shapes));
        if (claims.get(DEVICE) instanceof Map<?, ?> original) {
            Map<String, Object> device = new LinkedHashMap<>();
            original.forEach((k, v) -> device.put(String.valueOf(k), v));
            if (wanted.contains(ClaimShape.V1_DEVICE_MEMBERS)) {
                device.remove("msisdn");
                device.put("hasSimEnabled", true);
                device.put("smsEnabled", true);
                device.put("sdkRelease", "34");
            }
            if (wanted.contains(ClaimShape.BOOLEANS_AS_STRINGS)) {
                device.replaceAll((k, v) -> v instanceof Boolean b ? b.toString() : v);
            }
            if (wanted.contains(ClaimShape.DEVICE_ID_CAPITAL_D) && device.containsKey("deviceId")) {
                Map<String, Object> renamed = new LinkedHashMap<>();
                device.forEach((k, v) -> renamed.put(k.equals("deviceId") ? "deviceID" : k, v));
                device.clear();
                device.putAll(renamed);
            }
            claims.put(DEVICE, device);
        }
        if (wanted.contains(ClaimShape.BOOLEANS_AS_STRINGS) && claims.get(ONGOING_CALL) instanceof Boolean b) {
            claims.put(ONGOING_CALL, b.toString());
        }
        return TestPerson.builder(person.id()).displayName(person.displayName()).claims(claims).build();
    }

    /** {@code claim_device} in itsme's documented v2 shape (itsme's claims page and its userinfo example). */
    private static Map<String, Object> device(String os, String appRelease, String label, String deviceId,
            String osRelease, String manufacturer, String lockLevel, String model, String msisdn) {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("os", os);
        device.put("appName", "itsme");
        device.put("appRelease", appRelease);
        device.put("deviceLabel", label);
        device.put("debugEnabled", false);
        device.put("deviceId", deviceId);
        device.put("osRelease", osRelease);
        device.put("manufacturer", manufacturer);
        device.put("deviceLockLevel", lockLevel);
        device.put("rooted", false);
        device.put("deviceModel", model);
        device.put("msisdn", msisdn);
        return device;
    }

    private static byte[] resource(String name) {
        try (InputStream in = TestPersons.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

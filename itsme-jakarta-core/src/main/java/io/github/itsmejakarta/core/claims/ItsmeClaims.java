package io.github.itsmejakarta.core.claims;

import static io.github.itsmejakarta.core.claims.ClaimNames.*;

import io.github.itsmejakarta.core.ItsmeMessage;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * A typed, immutable view over the claims of an ID token or a userinfo answer, after itsme's claims page.
 *
 * <p>Normalisation, done once when the view is built:
 * <ul>
 * <li>v1 names ({@code tag:sixdots.be,2016-06:...}) are folded to their v2 names ({@link ClaimNames#toV2(String)}),
 * also inside the metadata objects ({@code validityTo} etc.); when both spellings are present the v2 value wins;</li>
 * <li>every claim is kept, including those this class has no accessor for: {@link #get(String)}, {@link #raw()}.</li>
 * </ul>
 *
 * <p><b>Rule for values that cannot be typed</b>: a typed accessor returns {@link Optional#empty()} when the claim is
 * absent <em>or</em> when its value cannot be read as the accessor's type (a birthdate that is not
 * {@code YYYY-MM-DD}, a boolean that is neither a JSON boolean nor the string {@code "true"}/{@code "false"}...). The
 * latter is logged once per call at WARNING with message ITSME-1601 and the claim's name (never its value); the value
 * stays available, untouched, through {@link #get(String)}. The claims are signed by itsme, so a malformed value is
 * itsme's data problem, not an attack: the login itself is not failed for it.
 *
 * <p>Immutable, thread-safe and {@link Serializable} (plain JSON values: strings, numbers, booleans, lists, maps).
 * {@link #toString()} lists claim names only, never values (they are personal data).
 */
public final class ItsmeClaims implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ItsmeClaims.class.getName());
    private static final Set<String> METADATA = Set.of(VALIDITY_FROM, VALIDITY_TO, VERIFICATION_DATE,
            ISSUANCE_LOCALITY);
    private static final ItsmeClaims EMPTY = new ItsmeClaims(Map.of());

    private final Map<String, Object> claims;

    private ItsmeClaims(Map<String, Object> frozen) {
        this.claims = frozen;
    }

    /**
     * A view over {@code claims} (JSON values as produced by a JSON parser). The map is copied deeply; v1 names are
     * folded.
     */
    public static ItsmeClaims of(Map<String, ?> claims) {
        if (claims == null || claims.isEmpty()) {
            return EMPTY;
        }
        Map<String, Object> out = new LinkedHashMap<>(claims.size() * 2);
        // v2 names first so that they win over a v1 spelling of the same claim
        for (Map.Entry<String, ?> e : claims.entrySet()) {
            if (!e.getKey().startsWith(V1_PREFIX)) {
                out.put(e.getKey(), freeze(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<String, ?> e : claims.entrySet()) {
            if (e.getKey().startsWith(V1_PREFIX)) {
                String v2 = ClaimNames.toV2(e.getKey());
                out.putIfAbsent(v2, freeze(v2, e.getValue()));
            }
        }
        return new ItsmeClaims(Collections.unmodifiableMap(out));
    }

    /** No claims at all. */
    public static ItsmeClaims empty() {
        return EMPTY;
    }

    /** A copy without the named claims (e.g. {@code nonce}, which belongs to the login, not to the user). */
    public ItsmeClaims without(String... names) {
        Map<String, Object> out = new LinkedHashMap<>(claims);
        for (String n : names) {
            out.remove(n);
        }
        return new ItsmeClaims(Collections.unmodifiableMap(out));
    }

    private static Object freeze(String name, Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
            boolean foldKeys = name != null && METADATA.contains(name);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                copy.put(foldKeys ? ClaimNames.toV2(key) : key, freeze(null, e.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object o : list) {
                copy.add(freeze(null, o));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    // ---------------------------------------------------------------- raw access

    /** The value of a claim as it came (JSON types), looked up by its v2 or v1 name. */
    public Optional<Object> get(String name) {
        return Optional.ofNullable(claims.get(ClaimNames.toV2(name)));
    }

    /** A claim that must be a string; empty when absent or not a string. */
    public Optional<String> getString(String name) {
        return string(ClaimNames.toV2(name));
    }

    /** Whether a claim is present (by v2 or v1 name). */
    public boolean contains(String name) {
        return claims.containsKey(ClaimNames.toV2(name));
    }

    /** Every claim with v2 names, unmodifiable, in the order received. */
    public Map<String, Object> raw() {
        return claims;
    }

    /** The claim names, v2 spelling. */
    public Set<String> names() {
        return claims.keySet();
    }

    // ---------------------------------------------------------------- profile

    public Optional<String> familyName() {
        return string(FAMILY_NAME);
    }

    /** Often absent (itsme: MAY NOT for every country). */
    public Optional<String> givenName() {
        return string(GIVEN_NAME);
    }

    public Optional<String> name() {
        return string(NAME);
    }

    /** {@code female}, {@code male}, {@code unknown} or {@code n/a}, as sent. */
    public Optional<String> gender() {
        return string(GENDER);
    }

    /** The app's language, upper case ({@code NL FR DE EN}); v1 sent lower case. */
    public Optional<String> locale() {
        return string(LOCALE).map(s -> s.toUpperCase(Locale.ROOT));
    }

    /** The {@code picture} URL (fetching it needs the access token). */
    public Optional<String> picture() {
        return string(PICTURE);
    }

    /** {@code birthdate} ({@code YYYY-MM-DD}, OIDC Core 5.1). */
    public Optional<LocalDate> birthdate() {
        return string(BIRTHDATE).flatMap(s -> {
            try {
                return Optional.of(LocalDate.parse(s));
            } catch (DateTimeException e) {
                return invalid(BIRTHDATE, "a date (YYYY-MM-DD)");
            }
        });
    }

    /** The birth date exactly as printed on the document (may be partial). */
    public Optional<String> birthdateAsString() {
        return string(BIRTHDATE_AS_STRING);
    }

    public Optional<String> email() {
        return string(EMAIL);
    }

    public Optional<Boolean> emailVerified() {
        return bool(EMAIL_VERIFIED);
    }

    /** e.g. {@code "+32 485694175"}. */
    public Optional<String> phoneNumber() {
        return string(PHONE_NUMBER);
    }

    public Optional<Boolean> phoneNumberVerified() {
        return bool(PHONE_NUMBER_VERIFIED);
    }

    /** The {@code address} object; v1's JSON-string form is parsed to the same record. */
    public Optional<Address> address() {
        Object v = claims.get(ADDRESS);
        Map<?, ?> map = objectOrJsonString(v);
        if (v == null) {
            return Optional.empty();
        }
        if (map == null) {
            return invalid(ADDRESS, "an address object");
        }
        return Optional.of(new Address(str(map, "formatted"), str(map, "street_address"), str(map, "postal_code"),
                str(map, "locality"), str(map, "country")));
    }

    // ---------------------------------------------------------------- eid, idDocument

    /** The Belgian national register number (11 digits, {@code YYMMDDxxxcd}). */
    public Optional<String> belgianNationalNumber() {
        return string(BE_NATIONAL_NUMBER);
    }

    /** The Belgian eID card number ({@code BEeidSn}). */
    public Optional<String> eidCardNumber() {
        return string(BE_EID_SN);
    }

    /** The identity document, present when any of its three claims is. */
    public Optional<IdDocument> idDocument() {
        String sn = string(ID_DOCUMENT_SN).orElse(null);
        String type = string(ID_DOCUMENT_TYPE).orElse(null);
        String country = string(ID_ISSUING_COUNTRY).orElse(null);
        if (sn == null && type == null && country == null) {
            return Optional.empty();
        }
        return Optional.of(new IdDocument(sn, type, country));
    }

    // ---------------------------------------------------------------- one by one

    /**
     * {@code age_gte_<years>}.
     *
     * @param years 16, 18, 21 or 30 (the ones itsme offers)
     * @throws IllegalArgumentException for other ages
     */
    public Optional<Boolean> ageAtLeast(int years) {
        return switch (years) {
            case 16 -> bool(AGE_GTE_16);
            case 18 -> bool(AGE_GTE_18);
            case 21 -> bool(AGE_GTE_21);
            case 30 -> bool(AGE_GTE_30);
            default -> throw new IllegalArgumentException("itsme offers age_gte_16, 18, 21 and 30 only");
        };
    }

    public Optional<String> officialGender() {
        return string(OFFICIAL_GENDER);
    }

    /**
     * How well the address is assured ({@code address_assurance_level}, e.g. {@code HIGH}), sent with the
     * {@code address} scope.
     */
    public Optional<String> addressAssuranceLevel() {
        return string(ADDRESS_ASSURANCE_LEVEL);
    }

    /**
     * The access grant to the person's student attestation ({@code student_attestation_ag}), released by a Data
     * Sharing service only.
     */
    public Optional<String> studentAttestationGrant() {
        return string(STUDENT_ATTESTATION_AG);
    }

    /** Citizenship as written on the document. */
    public Optional<String> citizenship() {
        return string(CITIZENSHIP);
    }

    /** Citizenship as ISO 3166-1 alpha-3. */
    public Optional<String> citizenshipIso() {
        return string(CITIZENSHIP_ISO);
    }

    /** {@code place_of_birth}: an object, or (v1) a plain string taken as the city. */
    public Optional<PlaceOfBirth> placeOfBirth() {
        Object v = claims.get(PLACE_OF_BIRTH);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            Map<?, ?> parsed = objectOrJsonString(s);
            if (parsed == null) {
                return Optional.of(new PlaceOfBirth(s, s, null));
            }
            v = parsed;
        }
        if (v instanceof Map<?, ?> map) {
            return Optional.of(new PlaceOfBirth(str(map, "formatted"), str(map, "city"), str(map, "country")));
        }
        return invalid(PLACE_OF_BIRTH, "a place of birth object");
    }

    /** {@code physical_person_photo}: {@code {format, value (base64)}} decoded. */
    public Optional<Photo> photo() {
        Object v = claims.get(PHYSICAL_PERSON_PHOTO);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> map && map.get("value") instanceof String b64) {
            try {
                String clean = b64.replaceAll("\\s", "");
                byte[] bytes = clean.indexOf('-') >= 0 || clean.indexOf('_') >= 0
                        ? Base64.getUrlDecoder().decode(clean)
                        : Base64.getDecoder().decode(clean);
                return Optional.of(new Photo(str(map, "format"), bytes));
            } catch (IllegalArgumentException e) {
                return invalid(PHYSICAL_PERSON_PHOTO, "a base64 image");
            }
        }
        return invalid(PHYSICAL_PERSON_PHOTO, "a photo object");
    }

    /** {@code claim_device}. */
    public Optional<Device> device() {
        Object v = claims.get(DEVICE);
        if (v == null) {
            return Optional.empty();
        }
        Map<?, ?> map = objectOrJsonString(v);
        if (map == null) {
            return invalid(DEVICE, "a device object");
        }
        String id = str(map, "deviceId");
        if (id == null) {
            id = str(map, "deviceID");
        }
        Object debug = map.get("debugEnabled");
        Boolean debugEnabled = debug == null ? null : toBoolean(debug);
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) freeze(null, map);
        return Optional.of(new Device(str(map, "os"), str(map, "appName"), str(map, "appRelease"),
                str(map, "deviceLabel"), id, debugEnabled, str(map, "osRelease"), str(map, "manufacturer"),
                str(map, "model") != null ? str(map, "model") : str(map, "deviceModel"), raw));
    }

    // ---------------------------------------------------------------- metadata

    /** When the document behind {@code claim} became valid ({@code validityFrom}). */
    public Optional<Instant> validityFrom(String claim) {
        return metadataInstant(VALIDITY_FROM, claim);
    }

    /** When the document behind {@code claim} stops being valid ({@code validityTo}). */
    public Optional<Instant> validityTo(String claim) {
        return metadataInstant(VALIDITY_TO, claim);
    }

    /** When itsme last verified {@code claim} ({@code verificationDate}). */
    public Optional<Instant> verificationDate(String claim) {
        return metadataInstant(VERIFICATION_DATE, claim);
    }

    /** Where the document behind {@code claim} was issued ({@code issuance_locality}). */
    public Optional<String> issuanceLocality(String claim) {
        if (!(claims.get(ISSUANCE_LOCALITY) instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        return Optional.ofNullable(str(map, ClaimNames.toV2(claim)));
    }

    private Optional<Instant> metadataInstant(String metadata, String claim) {
        Object container = claims.get(metadata);
        if (container == null) {
            return Optional.empty();
        }
        if (!(container instanceof Map<?, ?> map)) {
            return invalid(metadata, "an object keyed by claim name");
        }
        Object v = map.get(ClaimNames.toV2(claim));
        if (v == null) {
            return Optional.empty();
        }
        Instant instant = toInstant(v);
        return instant == null ? invalid(metadata, "an instant") : Optional.of(instant);
    }

    // ---------------------------------------------------------------- helpers

    private Optional<String> string(String name) {
        Object v = claims.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        return invalid(name, "a string");
    }

    private Optional<Boolean> bool(String name) {
        Object v = claims.get(name);
        if (v == null) {
            return Optional.empty();
        }
        Boolean b = toBoolean(v);
        return b == null ? invalid(name, "a boolean") : Optional.of(b);
    }

    private static Boolean toBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            if ("true".equalsIgnoreCase(s.trim())) {
                return Boolean.TRUE;
            }
            if ("false".equalsIgnoreCase(s.trim())) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    private static Instant toInstant(Object v) {
        if (v instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        if (!(v instanceof String s)) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeException e) {
            // fall through to the looser forms seen in itsme's examples
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            // fall through
        }
        try {
            // "+00Z"-style offsets: drop the trailing Z after an explicit offset
            if (s.endsWith("Z") && s.length() > 3
                    && (s.charAt(s.length() - 4) == '+' || s.charAt(s.length() - 4) == '-')) {
                return OffsetDateTime.parse(s.substring(0, s.length() - 1) + ":00").toInstant();
            }
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Map<?, ?> objectOrJsonString(Object v) {
        if (v instanceof Map<?, ?> map) {
            return map;
        }
        if (v instanceof String s && s.trim().startsWith("{")) {
            try {
                return JsonUtil.parseJson(s);
            } catch (JoseException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static String str(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static <T> Optional<T> invalid(String name, String type) {
        LOG.log(Level.WARNING, () -> ItsmeMessage.CLAIM_VALUE_INVALID.format(name, type));
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItsmeClaims c && claims.equals(c.claims);
    }

    @Override
    public int hashCode() {
        return claims.hashCode();
    }

    /** Claim names only: the values are personal data. */
    @Override
    public String toString() {
        return "ItsmeClaims" + claims.keySet();
    }
}

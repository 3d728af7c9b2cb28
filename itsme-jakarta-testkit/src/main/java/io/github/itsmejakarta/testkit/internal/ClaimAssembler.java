package io.github.itsmejakarta.testkit.internal;

import static io.github.itsmejakarta.testkit.ItsmeClaimNames.*;

import io.github.itsmejakarta.testkit.ServiceType;
import io.github.itsmejakarta.testkit.TestPerson;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which claims go into an ID token and a userinfo response (OIDC Core 5.4, 5.5; itsme-protocol.md "Claims"):
 * the ID token carries the protocol claims plus what {@code claims.id_token} asks for; userinfo carries {@code sub},
 * the claims of the granted scopes and what {@code claims.userinfo} asks for. Approved confirm values are echoed in
 * both. Claims the person does not have are left out, as itsme does; metadata claims come only with the claim they
 * describe; third-party claims ({@code student_attestation_ag}) only from a Data Sharing service. Thread-safe.
 */
public final class ClaimAssembler {

    /** ID token lifetime, as itsme's (about 300 s). */
    public static final long ID_TOKEN_LIFETIME_SECONDS = 300;

    private static final Map<String, List<String>> SCOPE_CLAIMS = Map.of(
            "profile", List.of("family_name", "given_name", "name", "gender", "locale", "picture", "birthdate"),
            "email", List.of("email", "email_verified"),
            "phone", List.of("phone_number", "phone_number_verified"),
            "address", List.of("address", ADDRESS_ASSURANCE_LEVEL),
            "eid", List.of(BE_NATIONAL_NUMBER, BE_EID_SN),
            "idDocument", List.of(ID_DOCUMENT_SN, ID_DOCUMENT_TYPE, ID_ISSUING_COUNTRY));
    private static final Map<String, Integer> AGE_CLAIMS = Map.of(AGE_GTE_16, 16, AGE_GTE_18, 18, AGE_GTE_21, 21,
            AGE_GTE_30, 30);

    /** Claims from third-party sources: only a Data Sharing service releases them. */
    private static final java.util.Set<String> THIRD_PARTY_CLAIMS = java.util.Set.of(STUDENT_ATTESTATION_AG);

    /** Claims that describe other claims: objects keyed by the claim they describe. */
    private static final List<String> METADATA_CLAIMS = List.of(VALIDITY_FROM, VALIDITY_TO, VERIFICATION_DATE,
            ISSUANCE_LOCALITY);

    /** The protocol claims, never taken from a person. */
    private static final java.util.Set<String> PROTOCOL_CLAIMS = java.util.Set.of("iss", "sub", "aud", "exp", "iat",
            "nbf", "auth_time", "nonce", "acr", "amr", "azp", "at_hash", "jti");

    private final String issuer;
    private final Clock clock;

    public ClaimAssembler(String issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Every claim name the simulator can release, for discovery's {@code claims_supported}. */
    public static List<String> supportedClaims() {
        List<String> names = new java.util.ArrayList<>(List.of("iss", "sub", "aud", "exp", "iat", "auth_time",
                "nonce", "acr"));
        SCOPE_CLAIMS.values().forEach(names::addAll);
        names.addAll(List.of(BIRTHDATE_AS_STRING, AGE_GTE_16, AGE_GTE_18, AGE_GTE_21, AGE_GTE_30, OFFICIAL_GENDER,
                CITIZENSHIP, CITIZENSHIP_AS_ISO, PLACE_OF_BIRTH, PHYSICAL_PERSON_PHOTO, DEVICE, APP, ACCOUNT,
                IDENTIFICATION_MODE, TRANSACTION_IP, ONGOING_CALL, NL_NATIONAL_NUMBER, VALIDITY_FROM, VALIDITY_TO,
                VERIFICATION_DATE, ISSUANCE_LOCALITY, ADDRESS_ASSURANCE_LEVEL, STUDENT_ATTESTATION_AG,
                APPROVAL_TEMPLATE_NAME, APPROVAL_TEXT_KEY, APPROVAL_AMOUNT_KEY,
                APPROVAL_CURRENCY_KEY, APPROVAL_IBAN_KEY));
        return names;
    }

    /** The ID token's claims, issued now. */
    public Map<String, Object> idToken(Grant grant) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", grant.sub());
        claims.put("aud", grant.request().client().clientId());
        claims.put("exp", now + ID_TOKEN_LIFETIME_SECONDS);
        claims.put("iat", now);
        claims.put("auth_time", grant.authTime().getEpochSecond());
        if (grant.request().nonce() != null) {
            claims.put("nonce", grant.request().nonce());
        }
        claims.put("acr", grant.request().acr());
        for (String name : grant.request().claims().idToken().keySet()) {
            if (!claims.containsKey(name)) {
                value(grant, name).ifPresent(v -> claims.put(name, v));
            }
        }
        grant.request().approval().forEach(claims::putIfAbsent);
        keepMetadataOfReleasedClaims(claims);
        return claims;
    }

    /**
     * The userinfo claims: {@code sub}, {@code iss}, {@code aud}, {@code iat}, {@code exp} and the granted claims.
     */
    public Map<String, Object> userInfo(Grant grant) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", grant.sub());
        // OIDC Core 5.3.2: a signed userinfo response should carry iss and aud; iat/exp by the injected clock
        claims.put("iss", issuer);
        claims.put("aud", grant.request().client().clientId());
        claims.put("iat", now);
        claims.put("exp", now + ID_TOKEN_LIFETIME_SECONDS);
        for (String scope : grant.request().scopes()) {
            for (String name : SCOPE_CLAIMS.getOrDefault(scope, List.of())) {
                value(grant, name).ifPresent(v -> claims.put(name, v));
            }
        }
        for (String name : grant.request().claims().userinfo().keySet()) {
            if (!claims.containsKey(name)) {
                value(grant, name).ifPresent(v -> claims.put(name, v));
            }
        }
        grant.request().approval().forEach(claims::putIfAbsent);
        keepMetadataOfReleasedClaims(claims);
        return claims;
    }

    /**
     * itsme returns a metadata claim ({@code validityTo}, {@code verificationDate}, ...) only together with the
     * attribute it describes ("can only be returned in combination with" it, itsme's claims page): each metadata
     * object keeps the members whose claim is in the same response, and a metadata claim left empty is dropped.
     */
    private static void keepMetadataOfReleasedClaims(Map<String, Object> claims) {
        for (String name : METADATA_CLAIMS) {
            if (claims.get(name) instanceof Map<?, ?> described) {
                Map<String, Object> kept = new LinkedHashMap<>();
                described.forEach((claim, value) -> {
                    if (claims.containsKey(String.valueOf(claim))) {
                        kept.put(String.valueOf(claim), value);
                    }
                });
                if (kept.isEmpty()) {
                    claims.remove(name);
                } else {
                    claims.put(name, kept);
                }
            }
        }
    }

    private Optional<Object> value(Grant grant, String name) {
        if (grant.request().approval().containsKey(name)) {
            return Optional.of(grant.request().approval().get(name));
        }
        TestPerson person = grant.person();
        if ("picture".equals(name)) {
            return person.photoJpeg().map(photo -> issuer + "/picture");
        }
        if (AGE_CLAIMS.containsKey(name) && !person.claims().containsKey(name)) {
            return age(person).map(age -> age >= AGE_CLAIMS.get(name));
        }
        if (PROTOCOL_CLAIMS.contains(name)) {
            return Optional.empty();
        }
        if (THIRD_PARTY_CLAIMS.contains(name) && grant.request().serviceType() != ServiceType.DATA_SHARING) {
            return Optional.empty();
        }
        return person.claim(name);
    }

    private Optional<Integer> age(TestPerson person) {
        if (!(person.claims().get("birthdate") instanceof String birthdate)) {
            return Optional.empty();
        }
        try {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Brussels"));
            return Optional.of(Period.between(LocalDate.parse(birthdate), today).getYears());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

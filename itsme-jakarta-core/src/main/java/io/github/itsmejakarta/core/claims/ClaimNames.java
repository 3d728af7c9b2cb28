package io.github.itsmejakarta.core.claims;

/**
 * Claim names as itsme sends them in v2 (itsme's claims page; OIDC Core 5.1 for the standard ones). itsme's own
 * claims carry the prefix {@value #ITSME_PREFIX}; the v1 names ({@code tag:sixdots.be,2016-06:...}) are folded to
 * these by {@link ItsmeClaims}.
 *
 * <p>Constants only.
 */
public final class ClaimNames {
    /** Prefix of itsme's own v2 claims. */
    public static final String ITSME_PREFIX = "http://itsme.services/v2/claim/";
    /** Prefix of the end-of-life v1 claim names, followed by a date and a colon. */
    public static final String V1_PREFIX = "tag:sixdots.be,";

    // JWT and ID token claims (RFC 7519 4.1, OIDC Core 2)
    public static final String ISS = "iss";
    public static final String SUB = "sub";
    public static final String AUD = "aud";
    /** Authorized party (OIDC Core 2): the client the ID token was issued to. */
    public static final String AZP = "azp";
    public static final String EXP = "exp";
    public static final String IAT = "iat";
    public static final String AUTH_TIME = "auth_time";
    public static final String NONCE = "nonce";
    public static final String ACR = "acr";

    // profile, email, phone, address scopes (OIDC Core 5.1)
    public static final String FAMILY_NAME = "family_name";
    public static final String GIVEN_NAME = "given_name";
    public static final String NAME = "name";
    public static final String GENDER = "gender";
    public static final String LOCALE = "locale";
    public static final String PICTURE = "picture";
    public static final String BIRTHDATE = "birthdate";
    public static final String EMAIL = "email";
    public static final String EMAIL_VERIFIED = "email_verified";
    public static final String PHONE_NUMBER = "phone_number";
    public static final String PHONE_NUMBER_VERIFIED = "phone_number_verified";
    public static final String ADDRESS = "address";

    // itsme claims asked one by one
    public static final String BIRTHDATE_AS_STRING = ITSME_PREFIX + "birthdate_as_string";
    public static final String AGE_GTE_16 = "age_gte_16";
    public static final String AGE_GTE_18 = "age_gte_18";
    public static final String AGE_GTE_21 = "age_gte_21";
    public static final String AGE_GTE_30 = "age_gte_30";
    public static final String OFFICIAL_GENDER = ITSME_PREFIX + "official_gender";
    public static final String CITIZENSHIP = ITSME_PREFIX + "claim_citizenship";
    public static final String CITIZENSHIP_ISO = ITSME_PREFIX + "claim_citizenship_as_iso";
    public static final String PLACE_OF_BIRTH = ITSME_PREFIX + "place_of_birth";
    public static final String PHYSICAL_PERSON_PHOTO = ITSME_PREFIX + "physical_person_photo";
    public static final String DEVICE = ITSME_PREFIX + "claim_device";
    public static final String APP = ITSME_PREFIX + "app";
    public static final String ACCOUNT = ITSME_PREFIX + "account";
    public static final String IDENTIFICATION_MODE = ITSME_PREFIX + "identification_mode";
    public static final String TRANSACTION_IP = ITSME_PREFIX + "transaction_ip";
    public static final String ONGOING_CALL = ITSME_PREFIX + "ongoing_call";

    // eid and idDocument scopes
    public static final String BE_NATIONAL_NUMBER = ITSME_PREFIX + "BENationalNumber";
    public static final String BE_EID_SN = ITSME_PREFIX + "BEeidSn";
    public static final String ID_DOCUMENT_SN = ITSME_PREFIX + "IDDocumentSN";
    public static final String ID_DOCUMENT_TYPE = ITSME_PREFIX + "IDDocumentType";
    public static final String ID_ISSUING_COUNTRY = ITSME_PREFIX + "IDIssuingCountry";

    /** How well the address is assured (e.g. {@code HIGH}); released with the {@code address} scope. */
    public static final String ADDRESS_ASSURANCE_LEVEL = ITSME_PREFIX + "address_assurance_level";
    /**
     * The access grant to the person's student attestation, a third-party claim released by itsme's Data Sharing
     * service only.
     */
    public static final String STUDENT_ATTESTATION_AG = ITSME_PREFIX + "student_attestation_ag";

    // metadata: objects keyed by the claim they describe
    public static final String VALIDITY_FROM = ITSME_PREFIX + "validityFrom";
    public static final String VALIDITY_TO = ITSME_PREFIX + "validityTo";
    public static final String VERIFICATION_DATE = ITSME_PREFIX + "verificationDate";
    public static final String ISSUANCE_LOCALITY = ITSME_PREFIX + "issuance_locality";

    // confirmation (approval)
    public static final String APPROVAL_TEMPLATE_NAME = ITSME_PREFIX + "claim_approval_template_name";
    public static final String APPROVAL_TEXT_KEY = ITSME_PREFIX + "claim_approval_text_key";
    public static final String APPROVAL_AMOUNT_KEY = ITSME_PREFIX + "claim_approval_amount_key";
    public static final String APPROVAL_CURRENCY_KEY = ITSME_PREFIX + "claim_approval_currency_key";
    public static final String APPROVAL_IBAN_KEY = ITSME_PREFIX + "claim_approval_iban_key";

    private ClaimNames() {
    }

    /**
     * The v2 name for {@code name}: v1 names ({@code tag:sixdots.be,<date>:<suffix>}) become {@value #ITSME_PREFIX}
     * plus the suffix, with the v1 suffixes that were renamed in v2 mapped ({@code claim_nationality} to
     * {@code claim_citizenship}, {@code claim_eid} to {@code BEeidSn}, {@code claim_photo} to
     * {@code physical_person_photo}, {@code claim_city_of_birth} to {@code place_of_birth}); other names are returned
     * unchanged.
     */
    public static String toV2(String name) {
        if (name == null || !name.startsWith(V1_PREFIX)) {
            return name;
        }
        int colon = name.indexOf(':', V1_PREFIX.length());
        if (colon < 0 || colon == name.length() - 1) {
            return name;
        }
        String suffix = name.substring(colon + 1);
        return switch (suffix) {
            case "claim_nationality" -> CITIZENSHIP;
            case "claim_eid" -> BE_EID_SN;
            case "claim_photo" -> PHYSICAL_PERSON_PHOTO;
            case "claim_city_of_birth" -> PLACE_OF_BIRTH;
            default -> ITSME_PREFIX + suffix;
        };
    }
}

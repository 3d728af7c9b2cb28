package io.github.itsmejakarta.testkit;

/**
 * itsme's v2 claim names (itsme-protocol.md, "Claims"), for test persons and assertions. Standard OpenID Connect
 * claims ({@code name}, {@code address}, ...) and the age claims have no prefix; itsme's own claims carry
 * {@link #PREFIX}. Constants only; thread-safe.
 */
public final class ItsmeClaimNames {

    /** The prefix of itsme's own v2 claims. */
    public static final String PREFIX = "http://itsme.services/v2/claim/";

    public static final String BE_NATIONAL_NUMBER = PREFIX + "BENationalNumber";
    public static final String BE_EID_SN = PREFIX + "BEeidSn";
    public static final String ID_DOCUMENT_SN = PREFIX + "IDDocumentSN";
    public static final String ID_DOCUMENT_TYPE = PREFIX + "IDDocumentType";
    public static final String ID_ISSUING_COUNTRY = PREFIX + "IDIssuingCountry";
    public static final String NL_NATIONAL_NUMBER = PREFIX + "NLNationalNumber";
    public static final String OFFICIAL_GENDER = PREFIX + "official_gender";
    public static final String CITIZENSHIP = PREFIX + "claim_citizenship";
    public static final String CITIZENSHIP_AS_ISO = PREFIX + "claim_citizenship_as_iso";
    public static final String PLACE_OF_BIRTH = PREFIX + "place_of_birth";
    public static final String PHYSICAL_PERSON_PHOTO = PREFIX + "physical_person_photo";
    public static final String DEVICE = PREFIX + "claim_device";
    public static final String APP = PREFIX + "app";
    public static final String ACCOUNT = PREFIX + "account";
    public static final String IDENTIFICATION_MODE = PREFIX + "identification_mode";
    public static final String TRANSACTION_IP = PREFIX + "transaction_ip";
    public static final String ONGOING_CALL = PREFIX + "ongoing_call";
    public static final String VALIDITY_FROM = PREFIX + "validityFrom";
    public static final String VALIDITY_TO = PREFIX + "validityTo";
    public static final String VERIFICATION_DATE = PREFIX + "verificationDate";
    public static final String ISSUANCE_LOCALITY = PREFIX + "issuance_locality";
    /** How well the address is assured; released with the {@code address} scope (itsme-protocol.md, December 2026). */
    public static final String ADDRESS_ASSURANCE_LEVEL = PREFIX + "address_assurance_level";
    /**
     * The access grant to the person's student attestation (a verifiable credential in their Athumi pod), a
     * third-party claim that only a Data Sharing service releases.
     */
    public static final String STUDENT_ATTESTATION_AG = PREFIX + "student_attestation_ag";

    public static final String APPROVAL_TEMPLATE_NAME = PREFIX + "claim_approval_template_name";
    public static final String APPROVAL_TEXT_KEY = PREFIX + "claim_approval_text_key";
    public static final String APPROVAL_AMOUNT_KEY = PREFIX + "claim_approval_amount_key";
    public static final String APPROVAL_CURRENCY_KEY = PREFIX + "claim_approval_currency_key";
    public static final String APPROVAL_IBAN_KEY = PREFIX + "claim_approval_iban_key";

    public static final String BIRTHDATE_AS_STRING = "birthdate_as_string";
    public static final String AGE_GTE_16 = "age_gte_16";
    public static final String AGE_GTE_18 = "age_gte_18";
    public static final String AGE_GTE_21 = "age_gte_21";
    public static final String AGE_GTE_30 = "age_gte_30";

    /** {@code acr} of a basic login (fingerprint or PIN). */
    public static final String ACR_BASIC = PREFIX + "acr_basic";
    /** {@code acr} of an advanced login (PIN forced); stricter than {@link #ACR_BASIC}. */
    public static final String ACR_ADVANCED = PREFIX + "acr_advanced";

    private ItsmeClaimNames() {
    }
}

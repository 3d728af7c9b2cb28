package io.github.itsmejakarta.core;

/**
 * Every message the library can raise, each with a stable id of the form {@code ITSME-1xxx}.
 *
 * <p>Ranges: 10xx configuration, 11xx discovery, keys and communication, 12xx the authorization response
 * (callback), 13xx the token endpoint, 14xx ID token and JOSE processing, 15xx userinfo, 16xx claims,
 * 17xx the Jakarta integration. Ids are never reused or renumbered; the README lists them all.
 *
 * <p>Message texts never contain tokens, codes, verifiers or key material: only names, ids and limits. The
 * {@code %s} placeholders are filled with such safe values by the code that raises the message.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum ItsmeMessage implements MessageId {
    // 10xx: configuration
    CONFIG_MISSING("ITSME-1001", "Required setting '%s' is missing"),
    CONFIG_INVALID("ITSME-1002", "Setting '%s' is invalid: %s"),
    CONFIG_INSECURE_URI("ITSME-1003", "'%s' must use https (plain http is allowed only to loopback addresses): %s"),
    CONFIG_NO_MICROPROFILE_CONFIG("ITSME-1004",
            "No MicroProfile Config implementation was found, yet smallrye-jwt-build needs one to sign JWTs. Outside a Jakarta container add io.smallrye.config:smallrye-config-core to the class path"),
    CONFIG_PROBLEMS("ITSME-1005", "The itsme client settings have %s problems: %s"),
    CONFIG_NO_JSON_IMPLEMENTATION("ITSME-1006",
            "No %s implementation was found. On Open Liberty enable the feature %s; outside a Jakarta container add %s to the class path"),
    CONFIG_REQUEST_URI_BASE_MISSING("ITSME-1007",
            "Request objects by reference need the setting 'requestUriBase' (where the application serves them)"),
    KEYS_UNREADABLE("ITSME-1010", "The private JWK set could not be read: %s"),
    KEYS_INCOMPLETE("ITSME-1011", "The private JWK set is incomplete: %s"),
    KEYS_WEAK("ITSME-1012", "Key '%s' is too weak: RSA keys need at least 2048 bits"),
    KEYS_INVALID("ITSME-1013", "The private JWK set holds unusable keys: %s"),
    KEY_UNKNOWN("ITSME-1014", "The private JWK set holds no key with kid '%s'"),
    KEYS_GENERATION_FAILED("ITSME-1015", "RSA keys could not be generated: %s"),
    DISCOVERY_UNSUPPORTED("ITSME-1016", "itsme's discovery document does not offer what this client needs: %s"),

    // 1020-1029: itsme's service catalogue
    SERVICE_NEEDS_USER_CLAIM("ITSME-1020",
            "itsme's %s service (service code '%s') needs at least one user claim: ask for a scope such as profile, or for a claim in 'claims'"),

    // 1030-1039: importing existing keys (PKCS#12 keystores, PEM files)
    KEYSTORE_UNREADABLE("ITSME-1030", "The PKCS#12 keystore %s could not be read: %s"),
    KEYSTORE_ALIAS_UNKNOWN("ITSME-1031",
            "The keystore holds no private key under alias '%s' (its private key aliases: %s)"),
    KEY_IMPORT_UNUSABLE("ITSME-1032", "Key %s cannot be imported: %s"),
    PEM_UNREADABLE("ITSME-1033", "The PEM %s could not be read: %s"),
    CERTIFICATE_MISMATCH("ITSME-1034", "The certificate chain of key %s does not start with a certificate of that key"),
    KEY_IMPORTED_TWICE("ITSME-1035",
            "Key '%s' appears twice in the set (signing and encryption each need a key of their own)"),

    // 11xx: discovery, itsme's keys, communication
    DISCOVERY_UNAVAILABLE("ITSME-1101", "The discovery document could not be fetched from %s: %s"),
    DISCOVERY_INVALID("ITSME-1102", "The discovery document is invalid: %s"),
    DISCOVERY_ISSUER_MISMATCH("ITSME-1103", "The discovery document's issuer '%s' is not the expected '%s'"),
    DISCOVERY_FAILURE_REMEMBERED("ITSME-1104",
            "The discovery document could not be read and is not tried again before %s: %s"),
    DISCOVERY_NEVER_READ("ITSME-1105",
            "The discovery document at %s has never been read since this client was built (%s): this looks like a configuration problem (the environment, the discovery URI or the network route to itsme), not an outage"),
    JWKS_UNAVAILABLE("ITSME-1110", "itsme's JWK set could not be fetched: %s"),
    JWKS_INVALID("ITSME-1111", "itsme's JWK set is invalid: %s"),
    JWKS_REFETCH_REFUSED("ITSME-1130",
            "A token names a signing key that itsme's JWK set does not hold; the set was fetched %s s ago, less than the refetch interval of %s s, so it is not fetched again and the token is refused (ITSME-1407). If itsme has just rotated its keys, logins work again once the interval has passed (setting: itsme.jwks-refetch-interval)"),
    HTTP_TIMEOUT("ITSME-1120", "itsme did not answer within %s (%s)"),
    HTTP_UNREACHABLE("ITSME-1121", "itsme could not be reached (%s)"),
    HTTP_SERVER_ERROR("ITSME-1122", "itsme answered HTTP %s (%s)"),
    HTTP_RESPONSE_TOO_LARGE("ITSME-1123", "itsme's answer exceeded %s bytes (%s)"),

    // 12xx: the authorization response (callback)
    CALLBACK_ERROR("ITSME-1201", "itsme answered the authorization request with error '%s'"),
    CALLBACK_STATE_MISSING("ITSME-1202", "The callback carries no state"),
    CALLBACK_STATE_MISMATCH("ITSME-1203", "The callback's state does not match a login in progress"),
    CALLBACK_STATE_EXPIRED("ITSME-1204", "The login in progress has expired"),
    CALLBACK_STATE_USED("ITSME-1205", "The login in progress was already completed"),
    CALLBACK_CODE_MISSING("ITSME-1206", "The callback carries no authorization code"),
    CALLBACK_ISSUER_MISMATCH("ITSME-1207", "The callback's iss parameter '%s' is not the expected issuer"),
    CALLBACK_PARAMETER_REPEATED("ITSME-1208", "The callback repeats parameter '%s'"),

    // 13xx: the token endpoint
    TOKEN_ERROR("ITSME-1301", "The token endpoint answered with error '%s'"),
    TOKEN_RESPONSE_INVALID("ITSME-1302", "The token endpoint's answer is invalid: %s"),

    // 14xx: ID token and JOSE processing
    TOKEN_MALFORMED("ITSME-1401", "The %s is malformed: %s"),
    TOKEN_TOO_LARGE("ITSME-1402", "The %s exceeds %s bytes"),
    JWE_ALGORITHM_REFUSED("ITSME-1403", "The %s is encrypted with a refused algorithm: %s"),
    JWE_DECRYPTION_FAILED("ITSME-1404", "The %s could not be decrypted"),
    JWE_NOT_NESTED("ITSME-1405", "The %s is not a signed JWT inside a JWE"),
    JWS_ALGORITHM_REFUSED("ITSME-1406", "The %s is signed with a refused algorithm: %s"),
    JWS_SIGNATURE_INVALID("ITSME-1407", "The %s's signature is not valid for any of itsme's keys"),
    JOSE_HEADER_REFUSED("ITSME-1408", "The %s carries a refused header: %s"),
    CLAIM_ISSUER_INVALID("ITSME-1410", "The %s's iss is missing or not the expected issuer"),
    CLAIM_AUDIENCE_INVALID("ITSME-1411", "The %s's aud is missing or does not contain the client id"),
    CLAIM_SUBJECT_INVALID("ITSME-1412", "The %s's sub is missing or not a string"),
    CLAIM_EXPIRED("ITSME-1413", "The %s's exp is missing or in the past"),
    CLAIM_ISSUED_AT_INVALID("ITSME-1414", "The %s's iat is missing, in the future or too old"),
    CLAIM_NONCE_INVALID("ITSME-1415", "The %s's nonce is missing or does not match the login in progress"),
    CLAIM_ACR_INSUFFICIENT("ITSME-1416", "The %s's acr '%s' is weaker than the requested '%s'"),
    CLAIM_TYPE_INVALID("ITSME-1417", "The %s's claim '%s' has the wrong type"),
    CLAIM_AUDIENCE_UNTRUSTED("ITSME-1418", "The %s's aud holds %s audience(s) besides the client id, e.g. '%s'"),
    CLAIM_AZP_INVALID("ITSME-1419", "The %s's azp is %s"),

    // 15xx: userinfo
    USERINFO_ERROR("ITSME-1501", "The userinfo endpoint refused the access token with error '%s'"),
    USERINFO_SUBJECT_MISMATCH("ITSME-1502", "The userinfo sub does not match the ID token's sub"),
    USERINFO_NOT_JWT("ITSME-1503", "The userinfo answer is not a nested JWT"),

    // 16xx: claims
    CLAIM_VALUE_INVALID("ITSME-1601", "Claim '%s' has a value that cannot be read as %s");

    private final String id;
    private final String template;

    ItsmeMessage(String id, String template) {
        this.id = id;
        this.template = template;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String template() {
        return template;
    }
}

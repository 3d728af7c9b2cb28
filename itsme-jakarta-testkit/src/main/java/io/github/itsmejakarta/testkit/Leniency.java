package io.github.itsmejakarta.testkit;

import java.util.Locale;

/**
 * Places where the simulator can be told to accept what it refuses by default. The default is strict: what itsme
 * documents as required, or what OpenID Connect requires, is required. A lenient simulator shows an application what
 * happens where itsme is more forgiving than its documentation, or where itsme only recommends. Enable with
 * {@link ItsmeSimulator.Builder#lenient(Leniency...)}, {@link ItsmeSimulatorExtension.Builder#lenient(Leniency...)}
 * or the standalone {@code --lenient} option. Immutable.
 */
public enum Leniency {

    /**
     * A client assertion whose {@code aud} is the issuer is accepted besides the token endpoint URL. itsme documents
     * the token endpoint URL only ({@code https://idp.[e2e/prd].itsme.services/v2/token}); RFC 7523 3 and OIDC Core 9
     * allow the issuer, so some clients send it.
     */
    ISSUER_AS_ASSERTION_AUDIENCE,

    /**
     * {@code state}, {@code nonce} and PKCE ({@code code_challenge}) may be left out of the authorization request,
     * as itsme only recommends them (PKCE is enforced by itsme only when asked at onboarding). Without
     * {@code state} the answer carries none, without {@code nonce} the ID token carries none, and without a
     * {@code code_challenge} the token request needs no {@code code_verifier}.
     */
    OPTIONAL_STATE_NONCE_PKCE;

    /** The name used on the command line and in properties files, e.g. {@code optional-state-nonce-pkce}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads a command-line name ({@code issuer-as-assertion-audience}) or a constant name.
     *
     * @throws IllegalArgumentException when it names none
     */
    public static Leniency fromOptionName(String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Leniency leniency : values()) {
            if (leniency.name().equals(normalized)) {
                return leniency;
            }
        }
        throw new IllegalArgumentException("unknown leniency '" + name + "'; known: "
                + java.util.Arrays.stream(values()).map(Leniency::optionName).toList());
    }
}

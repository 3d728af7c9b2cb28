package io.github.itsmejakarta.core.internal.discovery;

import io.github.itsmejakarta.core.ItsmeConfigurationException;
import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.ItsmeProviderMetadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What this client needs from itsme, checked against what discovery advertises when it is first read, so that a
 * mismatch fails at once with ITSME-1016 naming it instead of after the user's round trip to itsme:
 * <ul>
 * <li>PKCE with {@code S256} (RFC 7636 4.2; {@code code_challenge_methods_supported}, RFC 8414 2);</li>
 * <li>client authentication by {@code private_key_jwt} (OIDC Core 9; {@code token_endpoint_auth_methods_supported});
 * </li>
 * <li>request objects signed {@code RS256} and encrypted with an algorithm and content encryption core uses
 * (OIDC Core 6; the {@code request_object_*_values_supported} lists, Discovery 3);</li>
 * <li>{@code request_uri} when the client serves request objects by reference ({@code request_uri_parameter_supported},
 * whose absence means {@code true}, Discovery 3).</li>
 * </ul>
 * A list that discovery leaves out is not held against itsme (itsme's own document lists them all); a list that is
 * present and lacks what core uses is a mismatch.
 *
 * <p>Stateless and thread-safe.
 */
final class DiscoveryRequirements {
    private DiscoveryRequirements() {
    }

    static void check(ItsmeProviderMetadata m, boolean requestUriConfigured) throws ItsmeConfigurationException {
        List<String> mismatches = new ArrayList<>();
        if (requestUriConfigured && Boolean.FALSE.equals(m.requestUriParameterSupported())) {
            mismatches.add("request_uri_parameter_supported is false, yet request objects by reference are configured"
                    + " (requestUriBase)");
        }
        lacks(m.codeChallengeMethodsSupported(), List.of("S256"), "code_challenge_methods_supported", mismatches);
        lacks(m.tokenEndpointAuthMethodsSupported(), List.of("private_key_jwt"),
                "token_endpoint_auth_methods_supported", mismatches);
        lacks(m.requestObjectSigningAlgValuesSupported(), List.of("RS256"),
                "request_object_signing_alg_values_supported", mismatches);
        lacks(m.requestObjectEncryptionAlgValuesSupported(), ProviderContext.JWE_ALGORITHMS,
                "request_object_encryption_alg_values_supported", mismatches);
        lacks(m.requestObjectEncryptionEncValuesSupported(), ProviderContext.CONTENT_ENCRYPTIONS,
                "request_object_encryption_enc_values_supported", mismatches);
        if (!mismatches.isEmpty()) {
            throw new ItsmeConfigurationException(ItsmeMessage.DISCOVERY_UNSUPPORTED, String.join("; ", mismatches));
        }
    }

    private static void lacks(List<String> advertised, Collection<String> used, String name, List<String> mismatches) {
        if (!advertised.isEmpty() && used.stream().noneMatch(advertised::contains)) {
            mismatches.add(name + " lists none of " + String.join(", ", used));
        }
    }
}

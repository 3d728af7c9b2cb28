package io.github.itsmejakarta.core;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/**
 * itsme's discovery document (OpenID Connect Discovery 1.0, section 3), the members this library reads. Fetched once
 * per {@link ItsmeClient} and cached; its {@code issuer} is compared exactly with the expected one (Discovery 4.3).
 *
 * <p>Lists absent from the document are empty, never {@code null}; {@code requestUriParameterSupported} is
 * {@code null} when absent (Discovery 3: absent means {@code true}).
 *
 * <p>Immutable and thread-safe.
 */
public record ItsmeProviderMetadata(@JsonbProperty("issuer") String issuer,
        @JsonbProperty("authorization_endpoint") String authorizationEndpoint,
        @JsonbProperty("token_endpoint") String tokenEndpoint,
        @JsonbProperty("userinfo_endpoint") String userinfoEndpoint,
        @JsonbProperty("jwks_uri") String jwksUri,
        @JsonbProperty("scopes_supported") List<String> scopesSupported,
        @JsonbProperty("response_types_supported") List<String> responseTypesSupported,
        @JsonbProperty("acr_values_supported") List<String> acrValuesSupported,
        @JsonbProperty("claims_supported") List<String> claimsSupported,
        @JsonbProperty("ui_locales_supported") List<String> uiLocalesSupported,
        @JsonbProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
        @JsonbProperty("id_token_signing_alg_values_supported") List<String> idTokenSigningAlgValuesSupported,
        @JsonbProperty("id_token_encryption_alg_values_supported") List<String> idTokenEncryptionAlgValuesSupported,
        @JsonbProperty("id_token_encryption_enc_values_supported") List<String> idTokenEncryptionEncValuesSupported,
        @JsonbProperty("userinfo_encryption_alg_values_supported") List<String> userinfoEncryptionAlgValuesSupported,
        @JsonbProperty("userinfo_encryption_enc_values_supported") List<String> userinfoEncryptionEncValuesSupported,
        @JsonbProperty("request_object_signing_alg_values_supported") List<String> requestObjectSigningAlgValuesSupported,
        @JsonbProperty("request_object_encryption_alg_values_supported") List<String> requestObjectEncryptionAlgValuesSupported,
        @JsonbProperty("request_object_encryption_enc_values_supported") List<String> requestObjectEncryptionEncValuesSupported,
        @JsonbProperty("code_challenge_methods_supported") List<String> codeChallengeMethodsSupported,
        @JsonbProperty("request_uri_parameter_supported") Boolean requestUriParameterSupported) {

    /** Replaces absent lists with empty ones, so that readers never meet {@code null}. */
    public ItsmeProviderMetadata {
        scopesSupported = copy(scopesSupported);
        responseTypesSupported = copy(responseTypesSupported);
        acrValuesSupported = copy(acrValuesSupported);
        claimsSupported = copy(claimsSupported);
        uiLocalesSupported = copy(uiLocalesSupported);
        tokenEndpointAuthMethodsSupported = copy(tokenEndpointAuthMethodsSupported);
        idTokenSigningAlgValuesSupported = copy(idTokenSigningAlgValuesSupported);
        idTokenEncryptionAlgValuesSupported = copy(idTokenEncryptionAlgValuesSupported);
        idTokenEncryptionEncValuesSupported = copy(idTokenEncryptionEncValuesSupported);
        userinfoEncryptionAlgValuesSupported = copy(userinfoEncryptionAlgValuesSupported);
        userinfoEncryptionEncValuesSupported = copy(userinfoEncryptionEncValuesSupported);
        requestObjectSigningAlgValuesSupported = copy(requestObjectSigningAlgValuesSupported);
        requestObjectEncryptionAlgValuesSupported = copy(requestObjectEncryptionAlgValuesSupported);
        requestObjectEncryptionEncValuesSupported = copy(requestObjectEncryptionEncValuesSupported);
        codeChallengeMethodsSupported = copy(codeChallengeMethodsSupported);
    }

    private static List<String> copy(List<String> list) {
        if (list == null) {
            return List.of();
        }
        return list.stream().filter(s -> s != null).toList();
    }
}

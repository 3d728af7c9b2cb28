package io.github.itsmejakarta.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v2/.well-known/openid-configuration} (OpenID Connect Discovery 1.0, section 3), with itsme's values.
 * Thread-safe (the document is built once).
 */
public final class DiscoveryEndpoint {

    private static final List<String> JWE_ALGS = List.of("RSA-OAEP", "RSA-OAEP-256");

    private final String document;

    public DiscoveryEndpoint(SimulatorContext ctx) {
        String issuer = ctx.issuer;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", ctx.authorizationEndpoint());
        doc.put("token_endpoint", ctx.tokenEndpoint());
        doc.put("userinfo_endpoint", ctx.userInfoEndpoint());
        doc.put("jwks_uri", ctx.jwksUri());
        List<String> scopes = new java.util.ArrayList<>(List.of("openid"));
        scopes.addAll(List.of("profile", "email", "address", "phone", "eid", "idDocument"));
        doc.put("scopes_supported", scopes);
        doc.put("response_types_supported", List.of("code"));
        doc.put("response_modes_supported", List.of("query"));
        doc.put("grant_types_supported", List.of("authorization_code"));
        doc.put("acr_values_supported", List.of(io.github.itsmejakarta.testkit.ItsmeClaimNames.ACR_BASIC,
                io.github.itsmejakarta.testkit.ItsmeClaimNames.ACR_ADVANCED));
        doc.put("subject_types_supported", List.of("pairwise"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("id_token_encryption_alg_values_supported", JWE_ALGS);
        doc.put("id_token_encryption_enc_values_supported", ctx.contentEncryptions);
        doc.put("userinfo_signing_alg_values_supported", List.of("RS256"));
        doc.put("userinfo_encryption_alg_values_supported", JWE_ALGS);
        doc.put("userinfo_encryption_enc_values_supported", ctx.contentEncryptions);
        doc.put("request_object_signing_alg_values_supported", List.of("RS256"));
        doc.put("request_object_encryption_alg_values_supported", JWE_ALGS);
        doc.put("request_object_encryption_enc_values_supported", ctx.contentEncryptions);
        doc.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        doc.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
        doc.put("display_values_supported", List.of("page"));
        doc.put("claim_types_supported", List.of("normal"));
        doc.put("claims_supported", ClaimAssembler.supportedClaims());
        doc.put("claims_parameter_supported", true);
        doc.put("request_parameter_supported", true);
        doc.put("request_uri_parameter_supported", true);
        doc.put("require_request_uri_registration", false);
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("ui_locales_supported", List.of("fr", "nl", "de", "en"));
        this.document = Json.write(doc);
    }

    public SimResponse handle(SimRequest request) {
        return SimResponse.jsonDocument(document);
    }
}

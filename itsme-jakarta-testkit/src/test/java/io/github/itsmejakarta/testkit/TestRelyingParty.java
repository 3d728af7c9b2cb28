package io.github.itsmejakarta.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.Use;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

import io.smallrye.jwt.algorithm.ContentEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.KeyEncryptionAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Plays the relying party by hand (jose4j, smallrye-jwt-build, java.net.http), independently of itsme-jakarta-core:
 * its keys, client assertions, PKCE, request objects, and the decryption and verification of itsme's tokens.
 */
final class TestRelyingParty {

    static final String REDIRECT = "http://127.0.0.1:8080/app/itsme/callback";
    static final String LOGIN = "LOGIN_CODE";
    static final String SHARE = "SHARE_CODE";
    static final String CONFIRM = "CONFIRM_CODE";

    private static final SecureRandom RANDOM = new SecureRandom();

    final String clientId;
    final RsaJsonWebKey signingKey;
    final RsaJsonWebKey encryptionKey;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    TestRelyingParty(String clientId) {
        this.clientId = clientId;
        this.signingKey = generate("s1", Use.SIGNATURE);
        this.encryptionKey = generate("e1", Use.ENCRYPTION);
    }

    static RsaJsonWebKey generate(String kid, String use) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setUse(use);
            return key;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String publicJwks() {
        return new JsonWebKeySet(List.<JsonWebKey>of(signingKey, encryptionKey))
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    SimulatedClient.Builder clientBuilder() {
        return SimulatedClient.builder(clientId).publicJwks(publicJwks()).redirectUri(REDIRECT)
                .service(LOGIN, ServiceType.LOGIN).service(SHARE, ServiceType.SHARE_DATA)
                .service(CONFIRM, ServiceType.CONFIRM);
    }

    SimulatedClient client() {
        return clientBuilder().build();
    }

    // ---- PKCE, state, nonce

    record Pkce(String verifier, String challenge) {
    }

    static Pkce pkce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A complete, valid authorization request's parameters. */
    Map<String, String> authorizationParams(String serviceCode, Pkce pkce, String scopes) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", clientId);
        p.put("redirect_uri", REDIRECT);
        p.put("scope", "openid service:" + serviceCode + (scopes.isEmpty() ? "" : " " + scopes));
        p.put("state", random());
        p.put("nonce", random());
        p.put("code_challenge", pkce.challenge());
        p.put("code_challenge_method", "S256");
        return p;
    }

    static URI uri(URI base, Map<String, String> params) {
        String query = params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + "?" + query);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- HTTP

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    HttpResponse<String> get(URI uri, String bearer) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer).GET().build());
    }

    HttpResponse<byte[]> getBytes(URI uri, String bearer) {
        try {
            return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> result = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            result.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }

    static Map<String, String> redirectParams(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no Location; status " + response.statusCode() + " body " + response.body()));
        return query(URI.create(location));
    }

    // ---- client assertion

    String clientAssertion(String audience) {
        return Jwt.issuer(clientId).subject(clientId).audience(audience).claim("jti", UUID.randomUUID().toString())
                .issuedAt(System.currentTimeMillis() / 1000).expiresIn(120).jws().keyId(signingKey.getKeyId())
                .sign(signingKey.getRsaPrivateKey());
    }

    Map<String, String> tokenForm(ItsmeSimulator sim, String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT);
        form.put("code_verifier", verifier);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", clientAssertion(sim.tokenEndpoint().toString()));
        return form;
    }

    // ---- request objects

    String requestObject(ItsmeSimulator sim, Map<String, Object> claims, String alg, String enc) {
        RsaJsonWebKey simEnc = simulatorKey(sim, Use.ENCRYPTION);
        return Jwt.claims(claims).issuer(clientId).audience(sim.issuer()).expiresIn(300).jws()
                .keyId(signingKey.getKeyId()).innerSign(signingKey.getRsaPrivateKey())
                .keyAlgorithm(KeyEncryptionAlgorithm.fromAlgorithm(alg))
                .contentAlgorithm(ContentEncryptionAlgorithm.fromAlgorithm(enc)).keyId(simEnc.getKeyId())
                .encrypt(simEnc.getPublicKey());
    }

    static RsaJsonWebKey simulatorKey(ItsmeSimulator sim, String use) {
        try {
            for (JsonWebKey key : new JsonWebKeySet(sim.publicJwks()).getJsonWebKeys()) {
                if (use.equals(key.getUse())) {
                    return (RsaJsonWebKey) key;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no " + use + " key");
    }

    // ---- itsme's tokens

    /** The outer JWE's header and the inner JWS's header and claims of a nested token. */
    record Opened(JsonWebEncryption jwe, JsonWebSignature jws, JwtClaims claims) {
        Map<String, Object> map() {
            return claims.getClaimsMap();
        }
    }

    /** Decrypts with the RP's key, verifies against the simulator's JWKS (fetched over HTTP), no claim checks. */
    Opened open(ItsmeSimulator sim, String token) {
        return open(get(sim.jwksUri()).body(), token);
    }

    /** Decrypts with the RP's key, verifies against the given JWKS, no claim checks. */
    Opened open(String jwks, String token) {
        try {
            JwtConsumer consumer = new JwtConsumerBuilder().setDecryptionKey(encryptionKey.getPrivateKey())
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                            new JsonWebKeySet(jwks).getJsonWebKeys()))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                    .setJweAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RSA-OAEP",
                            "RSA-OAEP-256")
                    .setEnableRequireEncryption().setEnableRequireIntegrity().setSkipAllValidators()
                    .build();
            JwtContext context = consumer.process(token);
            JsonWebEncryption jwe = (JsonWebEncryption) context.getJoseObjects().get(1);
            JsonWebSignature jws = (JsonWebSignature) context.getJoseObjects().get(0);
            return new Opened(jwe, jws, context.getJwtClaims());
        } catch (Exception e) {
            throw new AssertionError("cannot open the token: " + e, e);
        }
    }

    /** Decrypts only (for altered tokens): the JWE header and the raw payload. */
    Map.Entry<JsonWebEncryption, String> decrypt(String token) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            jwe.setContentEncryptionAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            jwe.setCompactSerialization(token);
            jwe.setKey(encryptionKey.getPrivateKey());
            return Map.entry(jwe, jwe.getPayload());
        } catch (Exception e) {
            throw new AssertionError("cannot decrypt: " + e, e);
        }
    }

    // ---- whole flows

    /** What the token endpoint answered, parsed. */
    record Tokens(int status, Map<String, Object> json, String body) {
        String idToken() {
            return (String) json.get("id_token");
        }

        String accessToken() {
            return (String) json.get("access_token");
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object value) {
        return (Map<String, Object>) value;
    }

    static Map<String, Object> json(String body) {
        return io.github.itsmejakarta.testkit.internal.Json.parseObject(body);
    }

    /** Authorization code from an auto-approving simulator. */
    String authorize(ItsmeSimulator sim, Map<String, String> params) {
        HttpResponse<String> response = get(uri(sim.authorizationEndpoint(), params));
        if (response.statusCode() != 302) {
            throw new AssertionError("expected 302, got " + response.statusCode() + ": " + response.body());
        }
        Map<String, String> result = redirectParams(response);
        if (!params.get("state").equals(result.get("state")) || result.get("code") == null) {
            throw new AssertionError("unexpected authorization response " + result);
        }
        return result.get("code");
    }

    Tokens redeem(ItsmeSimulator sim, String code, String verifier) {
        HttpResponse<String> response = postForm(sim.tokenEndpoint(), tokenForm(sim, code, verifier));
        return new Tokens(response.statusCode(), json(response.body()), response.body());
    }

    /** A whole login; returns the token response. */
    Tokens login(ItsmeSimulator sim, String serviceCode, String scopes) {
        Pkce pkce = pkce();
        String code = authorize(sim, authorizationParams(serviceCode, pkce, scopes));
        return redeem(sim, code, pkce.verifier());
    }
}

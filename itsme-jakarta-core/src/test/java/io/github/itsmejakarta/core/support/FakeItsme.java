package io.github.itsmejakarta.core.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.smallrye.jwt.algorithm.ContentEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.KeyEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deliberately minimal OpenID provider on 127.0.0.1 for the cases the simulator cannot produce (malformed token
 * responses, oversized bodies): discovery, JWKS, and a token endpoint whose answer each test scripts. It mints a
 * valid nested ID token on request, so that accepting twins run the whole exchange.
 */
public final class FakeItsme implements AutoCloseable {
    /** A scripted answer. */
    public record Answer(int status, String contentType, byte[] body, long delayMillis) {
        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body.getBytes(StandardCharsets.UTF_8), 0);
        }
    }

    /** Builds the token endpoint's answer; {@code idToken} is a valid ID token for the current nonce. */
    @FunctionalInterface
    public interface TokenScript {
        Answer answer(FakeItsme fake);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final KeyPair signing;
    private final RelyingPartyKeys rpKeys;
    private final String issuer;
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private volatile TokenScript tokenScript = f -> Answer.json(500, "{}");
    private volatile String nonce;
    private volatile Answer discoveryScript;
    private volatile String clientId;

    public FakeItsme(RelyingPartyKeys rpKeys) throws Exception {
        this.rpKeys = rpKeys;
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        this.signing = gen.generateKeyPair();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/v2";
        server.createContext("/v2/.well-known/openid-configuration",
                ex -> send(ex, discoveryScript != null ? discoveryScript : Answer.json(200, discovery())));
        server.createContext("/v2/jwks", ex -> send(ex, Answer.json(200, jwks())));
        server.createContext("/v2/token", ex -> {
            tokenCalls.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            send(ex, tokenScript.answer(this));
        });
        server.setExecutor(executor);
        server.start();
    }

    public String issuer() {
        return issuer;
    }

    public URI discoveryUri() {
        return URI.create(issuer + "/.well-known/openid-configuration");
    }

    /** The paths requested so far, in order. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    public int tokenCalls() {
        return tokenCalls.get();
    }

    /** Serves this discovery answer instead of the valid document. */
    public void discovery(Answer answer) {
        this.discoveryScript = answer;
    }

    /** The valid discovery document with {@code from} replaced by {@code to}. */
    public String discoveryWith(String from, String to) {
        return discovery().replace(from, to);
    }

    public void script(TokenScript script) {
        this.tokenScript = script;
    }

    /** The login the next ID token is for. */
    public void expect(String clientId, String nonce) {
        this.clientId = clientId;
        this.nonce = nonce;
    }

    /** A valid nested ID token for the expected client and nonce. */
    public String idToken() {
        long now = Instant.now().getEpochSecond();
        RSAPrivateCrtKey encKey = (RSAPrivateCrtKey) rpKeys.decryptionKeys().get(0).privateKey();
        RSAPublicKey encPublic;
        try {
            encPublic = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(encKey.getModulus(), encKey.getPublicExponent()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Jwt.claims(Map.of("sub", "0123456789abcdef0123456789abcdef0123", "nonce", nonce, "acr",
                "http://itsme.services/v2/claim/acr_basic", "auth_time", now)).issuer(issuer).audience(clientId)
                .issuedAt(now).expiresAt(now + 300).jws().keyId("fake-sig").algorithm(SignatureAlgorithm.RS256)
                .innerSign(signing.getPrivate()).keyAlgorithm(KeyEncryptionAlgorithm.RSA_OAEP_256)
                .contentAlgorithm(ContentEncryptionAlgorithm.A128CBC_HS256)
                .keyId(rpKeys.decryptionKeys().get(0).kid()).encrypt(encPublic);
    }

    private String discovery() {
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorization\","
                + "\"token_endpoint\":\"" + issuer + "/token\",\"userinfo_endpoint\":\"" + issuer + "/userinfo\","
                + "\"jwks_uri\":\"" + issuer + "/jwks\",\"response_types_supported\":[\"code\"],"
                + "\"id_token_encryption_alg_values_supported\":[\"RSA-OAEP-256\",\"RSA-OAEP\"],"
                + "\"id_token_encryption_enc_values_supported\":[\"A128CBC-HS256\"]}";
    }

    private String jwks() {
        RSAPublicKey pub = (RSAPublicKey) signing.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"fake-sig\",\"n\":\""
                + b64.encodeToString(unsigned(pub.getModulus().toByteArray())) + "\",\"e\":\""
                + b64.encodeToString(unsigned(pub.getPublicExponent().toByteArray())) + "\"}]}";
    }

    private static byte[] unsigned(byte[] b) {
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private void send(HttpExchange ex, Answer answer) throws IOException {
        paths.add(ex.getRequestURI().getPath());
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            ex.getResponseHeaders().set("Content-Type", answer.contentType());
            ex.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout, size bound): nothing to answer
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

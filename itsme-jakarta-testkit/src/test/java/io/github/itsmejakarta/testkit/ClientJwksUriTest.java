package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.build.Jwt;

/** The RP's public keys fetched from its jwks_uri, cached by max-age, refetched on an unknown kid. */
class ClientJwksUriTest {

    private final TestRelyingParty rp = new TestRelyingParty("jwks-uri-client");
    private final AtomicReference<String> jwks = new AtomicReference<>();
    private final AtomicReference<String> cacheControl = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer rpServer;
    private ItsmeSimulator sim;

    @BeforeEach
    void start() throws IOException {
        jwks.set(rp.publicJwks());
        rpServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rpServer.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (cacheControl.get() != null) {
                exchange.getResponseHeaders().set("Cache-Control", cacheControl.get());
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        rpServer.start();
        URI jwksUri = URI.create("http://127.0.0.1:" + rpServer.getAddress().getPort() + "/jwks");
        sim = ItsmeSimulator.builder().client(SimulatedClient.builder(rp.clientId).jwksUri(jwksUri)
                .redirectUri(REDIRECT).service(LOGIN, ServiceType.LOGIN).build()).build().start();
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
    }

    @AfterEach
    void stop() {
        sim.close();
        rpServer.stop(0);
    }

    @Test
    void keysAreFetchedFromTheJwksUriAndTheTokenIsEncryptedToTheFetchedKey() {
        Tokens tokens = rp.login(sim, LOGIN, "");
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(fetches.get()).isPositive();
        assertThat(rp.open(sim, tokens.idToken()).jwe().getKeyIdHeaderValue()).isEqualTo("e1");
    }

    @Test
    void withoutMaxAgeEveryUseFetchesAgain() {
        rp.login(sim, LOGIN, "");
        int first = fetches.get();
        rp.login(sim, LOGIN, "");
        assertThat(fetches.get()).isGreaterThan(first);
    }

    @Test
    void maxAgeIsHonoured() {
        cacheControl.set("public, max-age=3600");
        rp.login(sim, LOGIN, "");
        int first = fetches.get();
        assertThat(rp.login(sim, LOGIN, "").status()).isEqualTo(200);
        assertThat(fetches.get()).isEqualTo(first);
    }

    @Test
    void anUnknownKidTriggersARefetchSoARotatedSigningKeyWorks() throws Exception {
        cacheControl.set("max-age=3600");
        rp.login(sim, LOGIN, "");
        int before = fetches.get();
        RsaJsonWebKey rotated = TestRelyingParty.generate("s2", "sig");
        jwks.set(new JsonWebKeySet(List.<JsonWebKey>of(rp.signingKey, rotated, rp.encryptionKey)).toJson(
                JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        Pkce pkce = pkce();
        String code = rp.authorize(sim, rp.authorizationParams(LOGIN, pkce, ""));
        var form = rp.tokenForm(sim, code, pkce.verifier());
        form.put("client_assertion", Jwt.issuer(rp.clientId).subject(rp.clientId).audience(sim.tokenEndpoint()
                .toString()).claim("jti", java.util.UUID.randomUUID().toString()).expiresIn(60).jws().keyId("s2")
                .sign(rotated.getRsaPrivateKey()));
        assertThat(rp.postForm(sim.tokenEndpoint(), form).statusCode()).isEqualTo(200);
        assertThat(fetches.get()).isGreaterThan(before);
    }

    @Test
    void aClientWithoutEncryptionKeyGetsNoTokens() throws Exception {
        jwks.set(new JsonWebKeySet(List.<JsonWebKey>of(rp.signingKey)).toJson(
                JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        Tokens tokens = rp.login(sim, LOGIN, "");
        assertThat(tokens.status()).isEqualTo(400);
        assertThat(tokens.json()).containsEntry("error", "invalid_client");
    }

    @Test
    void clientAssertionMayBeEncryptedToTheSimulator() {
        Pkce pkce = pkce();
        String code = rp.authorize(sim, rp.authorizationParams(LOGIN, pkce, ""));
        var form = rp.tokenForm(sim, code, pkce.verifier());
        RsaJsonWebKey simEnc = simulatorKey(sim, "enc");
        form.put("client_assertion", Jwt.issuer(rp.clientId).subject(rp.clientId).audience(sim.tokenEndpoint()
                .toString()).claim("jti", "nested-1").expiresIn(60).jws().keyId("s1").innerSign(rp.signingKey
                        .getRsaPrivateKey())
                .keyId(simEnc.getKeyId()).encrypt(simEnc.getPublicKey()));
        assertThat(rp.postForm(sim.tokenEndpoint(), form).statusCode()).isEqualTo(200);
    }

    @Test
    void jwksUriMustBeHttpsUnlessLoopback() {
        ItsmeSimulator remote = ItsmeSimulator.builder().client(SimulatedClient.builder("remote").jwksUri(URI
                .create("http://example.com/jwks")).redirectUri(REDIRECT).service(LOGIN, ServiceType.LOGIN).build())
                .build().start();
        try {
            TestRelyingParty other = new TestRelyingParty("remote");
            remote.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
            Tokens tokens = other.login(remote, LOGIN, "");
            assertThat(tokens.status()).isEqualTo(400);
            assertThat((String) tokens.json().get("detail")).contains("https");
        } finally {
            remote.close();
        }
    }
}

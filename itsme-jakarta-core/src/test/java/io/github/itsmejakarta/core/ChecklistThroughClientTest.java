package io.github.itsmejakarta.core;

import com.sun.net.httpserver.HttpServer;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.support.Browser;
import io.github.itsmejakarta.core.support.MutableClock;
import io.github.itsmejakarta.core.support.Simulators;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.TestPersons;
import io.github.itsmejakarta.testkit.TokenAlteration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static io.github.itsmejakarta.core.support.Simulators.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checklist items 1 to 30 of security-checklist.md driven through the PUBLIC {@link ItsmeClient} (authorize, the
 * simulator's auto-approval, {@link ItsmeClient#exchange}, {@link ItsmeClient#userInfo}) against the real simulator on
 * loopback. Every bad token or answer is produced by the simulator's hooks; every rejection asserts the exception type
 * and message id, and every group has an accepting twin that runs the same path with a token that must pass (so a
 * check that rejects everything fails here). One simulator and one set of keys for the class; the simulator and the
 * client share one {@link MutableClock}, so time claims are set relative to it.
 *
 * <p>Where the rest lives:
 * <ul>
 * <li>Item 1 across several {@code enc} values on simulators configured for them: {@link KeyAndAlgorithmFlowTest}.</li>
 * <li>Item 20 timeout, item 23 slow and hanging token endpoint: {@link ErrorFlowTest} ({@code userInfoTimeout},
 * {@code slowToken}, {@code hangingToken}); their accepting twin is any login here.</li>
 * <li>Item 24 state missing / other login / used twice / code missing / wrong {@code iss}: {@link ErrorFlowTest};
 * the expiry twin (a login completed inside its lifetime) is added here, it was missing there. Item 27 rejection:
 * {@link ErrorFlowTest#issuerMismatch}; its accepting twin (explicit expected issuer) is here.</li>
 * <li>Items 31 to 33 are the container's (return URL, session id, cookies) or cross-cutting (logs): itsme-jakarta-cdi
 * and {@link LoginFlowTest#nothingSecretLogged}, {@link ErrorFlowTest#forgedError}.</li>
 * </ul>
 *
 * <p>What the simulator's hooks cannot shape: an RS256 header with an empty signature (item 3: {@code corruptSignature}
 * puts junk bytes where {@code none} has none), an IV of the wrong length or a truncated tag (item 15: {@code corruptJwe}
 * flips a byte or adds a header member), and a JWE naming one RP key's {@code kid} while encrypted to another (item
 * 16). For these the test mints the JWE itself ({@link #mintedJwe}) and the simulator sends it verbatim through
 * {@code rawToken}, so they still go through the client. Not produced at all through the client: an {@code enc} that
 * the client supports but the discovery document does not advertise (item 14: the simulator always advertises all
 * four; only unknown {@code enc} values are refused here, the rest is in {@code internal.jose.IdTokenChecklistTest}),
 * and the "before any key operation" part of item 13, which is not observable from outside (the declared-only
 * {@code dir}/{@code A128KW}/{@code PBES2}/{@code ECDH-ES} tokens, really encrypted with RSA-OAEP-256, are rejected
 * with ITSME-1403 here, so the header decided).
 *
 * <p>Not thread-safe; JUnit runs these tests one at a time.
 */
@DisplayName("security checklist 1-30 through ItsmeClient against the simulator")
class ChecklistThroughClientTest {
    private static final String SUB = TestPersons.BELGIAN_EID_HOLDER.subFor(CLIENT_ID);
    private static final MutableClock CLOCK = new MutableClock();
    private static RelyingPartyKeys keys;
    private static ItsmeSimulator sim;
    private static KeyPair attacker;
    private static KeyPair weak;
    private static KeyPair ec;
    private static String itsmeKid;
    /** The RP's keys after adding a second encryption key, and with only that new one (items 16, 30). */
    private static RelyingPartyKeys both;
    private static RelyingPartyKeys onlyNew;
    private ItsmeClient client;

    @BeforeAll
    static void start() throws Exception {
        keys = RelyingPartyKeys.generate();
        sim = Simulators.start(keys, CLOCK);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        attacker = rsa.generateKeyPair();
        rsa.initialize(1024);
        weak = rsa.generateKeyPair();
        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGen.generateKeyPair();
        both = keys.withNewEncryptionKey();
        onlyNew = both.withoutKey(keys.decryptionKeys().get(0).kid());
        itsmeKid = new JsonWebKeySet(sim.publicJwks()).getJsonWebKeys().stream()
                .filter(k -> "sig".equals(k.getUse())).findFirst().orElseThrow().getKeyId();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() throws Exception {
        sim.reset();
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        client = Simulators.client(sim, keys).clock(CLOCK).build();
    }

    // ---------------------------------------------------------------- helpers

    private static long now() {
        return CLOCK.instant().getEpochSecond();
    }

    private static ItsmeTokens login(ItsmeClient c, AuthorizationRequest request) throws Exception {
        PendingAuthorization p = c.authorize(request);
        return c.exchange(Browser.callback(p), p);
    }

    private ItsmeTokens login() throws Exception {
        return login(client, AuthorizationRequest.login(Simulators.LOGIN));
    }

    private ItsmeTokens loginWith(Consumer<TokenAlteration> alteration) throws Exception {
        sim.hooks().alterNextIdToken(alteration);
        return login();
    }

    private static void rejected(ThrowingCallable call, Class<? extends ItsmeException> type, String messageId) {
        assertThatThrownBy(call).isInstanceOf(type).satisfies(e -> assertThat(((ItsmeException) e).messageId())
                .as("message id of: %s", e.getMessage()).isEqualTo(messageId));
    }

    /** The ID token altered so: the exchange fails with this id. */
    private void rejectIdToken(Consumer<TokenAlteration> alteration, String messageId) {
        rejected(() -> loginWith(alteration), ItsmeRejectedException.class, messageId);
        assertThat(sim.recordedRequests(Endpoint.TOKEN)).isNotEmpty(); // the failure is the token's, not earlier
    }

    /** The ID token altered so: the exchange succeeds for the test person. */
    private ItsmeIdentity acceptIdToken(Consumer<TokenAlteration> alteration) throws Exception {
        ItsmeIdentity who = loginWith(alteration).identity();
        assertThat(who.sub()).isEqualTo(SUB);
        return who;
    }

    private void rejectUserInfo(Consumer<TokenAlteration> alteration, String messageId) throws Exception {
        ItsmeTokens tokens = login();
        sim.hooks().alterNextUserInfo(alteration);
        rejected(() -> client.userInfo(tokens), ItsmeRejectedException.class, messageId);
        assertThat(tokens.identity().sub()).isEqualTo(SUB);
    }

    private ItsmeUserInfo acceptUserInfo(Consumer<TokenAlteration> alteration) throws Exception {
        ItsmeTokens tokens = login();
        sim.hooks().alterNextUserInfo(alteration);
        ItsmeUserInfo info = client.userInfo(tokens);
        assertThat(info.sub()).isEqualTo(SUB);
        return info;
    }

    /** Forces the simulator's hand-assembled path without changing anything that matters. */
    private static void untouched(TokenAlteration t) {
        t.header("typ", "JWT");
    }

    private static String publicJwk(java.security.PublicKey key, String kid, String use) throws Exception {
        JsonWebKey jwk = key instanceof RSAPublicKey r
                ? new RsaJsonWebKey(r)
                : new EllipticCurveJsonWebKey((ECPublicKey) key);
        jwk.setKeyId(kid);
        if (use != null) {
            jwk.setUse(use);
        }
        return jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * For the few shapes no hook makes: a JWE minted here to the public half of the RP encryption key {@code kid} of
     * {@code set}, naming {@code headerKid}, around an inner JWS signed by nobody (RS256 header with itsme's kid, empty
     * signature). The simulator sends it verbatim ({@link TokenAlteration#rawToken}). Untampered it decrypts and then
     * fails on the signature (ITSME-1407): that is what tells a decryption failure (1404) apart.
     */
    private static String mintedJwe(RelyingPartyKeys set, String kid, String headerKid) throws Exception {
        PublicJsonWebKey rpKey = (PublicJsonWebKey) new JsonWebKeySet(set.publicJwkSetJson()).getJsonWebKeys().stream()
                .filter(k -> kid.equals(k.getKeyId())).findFirst().orElseThrow();
        String inner = b64("{\"alg\":\"RS256\",\"kid\":\"" + itsmeKid + "\"}") + "."
                + b64("{\"iss\":\"" + sim.issuer() + "\",\"aud\":\"" + CLIENT_ID + "\",\"sub\":\"" + SUB
                        + "\"}")
                + ".";
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue("RSA-OAEP-256");
        jwe.setEncryptionMethodHeaderParameter("A128CBC-HS256");
        if (headerKid != null) {
            jwe.setKeyIdHeaderValue(headerKid);
        }
        jwe.setContentTypeHeaderValue("JWT");
        jwe.setPayload(inner);
        jwe.setKey(rpKey.getPublicKey());
        return jwe.getCompactSerialization();
    }

    private static String oldEncKid() {
        return keys.decryptionKeys().get(0).kid();
    }

    private static String newEncKid() {
        return both.decryptionKeys().get(1).kid();
    }

    // ---------------------------------------------------------------- ID token

    @Nested
    @DisplayName("checklist 1: a valid nested ID token (RS256 JWS with kid in a JWE, cty JWT) is accepted")
    class Item01Valid {
        @Test
        @DisplayName("checklist 1: the simulator's faithful token")
        void faithful() throws Exception {
            ItsmeIdentity who = login().identity();
            assertThat(who.sub()).isEqualTo(SUB);
            assertThat(who.issuer()).isEqualTo(sim.issuer());
            assertThat(who.audience()).contains(CLIENT_ID);
        }

        @ParameterizedTest(name = "checklist 1: {0}")
        @ValueSource(strings = {"RSA-OAEP-256", "RSA-OAEP"})
        @DisplayName("checklist 1: RSA-OAEP-256 and RSA-OAEP, advertised enc values")
        void bothAlgorithms(String alg) throws Exception {
            acceptIdToken(t -> t.jweAlgorithm(alg));
            acceptIdToken(t -> t.jweAlgorithm(alg).contentEncryption("A256GCM"));
            acceptIdToken(t -> t.jweAlgorithm(alg).contentEncryption("A256CBC-HS512"));
        }
    }

    @Nested
    @DisplayName("checklist 2: altered signature bytes")
    class Item02Signature {
        @Test
        @DisplayName("checklist 2: signature bytes altered: ITSME-1407")
        void corrupted() {
            rejectIdToken(TokenAlteration::corruptSignature, "ITSME-1407");
        }

        @Test
        @DisplayName("checklist 2 twin: the same hand-assembled token with its signature intact is accepted")
        void twin() throws Exception {
            acceptIdToken(ChecklistThroughClientTest::untouched);
        }
    }

    @Nested
    @DisplayName("checklist 3: inner JWS algorithm other than RS256")
    class Item03JwsAlgorithm {
        @Test
        @DisplayName("checklist 3: alg none (empty signature), and none with junk bytes: ITSME-1406")
        void none() {
            rejectIdToken(t -> t.signatureAlgorithm("none"), "ITSME-1406");
            rejectIdToken(t -> t.signatureAlgorithm("none").corruptSignature(), "ITSME-1406");
        }

        @ParameterizedTest(name = "checklist 3: {0}")
        @ValueSource(strings = {"HS256", "HS512", "PS256", "RS384", "RS512"})
        @DisplayName("checklist 3: HS256 keyed with the public modulus, PS256 and other RSA variants: ITSME-1406")
        void otherAlgorithms(String alg) {
            rejectIdToken(t -> t.signatureAlgorithm(alg), "ITSME-1406");
        }

        @Test
        @DisplayName("checklist 3: ES256 under itsme's kid: ITSME-1406")
        void es256() {
            rejectIdToken(t -> t.signatureAlgorithm("ES256").signWith(ec.getPrivate(), itsmeKid), "ITSME-1406");
        }

        @Test
        @DisplayName("checklist 3: RS256 header with an empty signature (minted here, sent verbatim): ITSME-1407")
        void emptySignature() throws Exception {
            String token = mintedJwe(keys, oldEncKid(), oldEncKid());
            rejectIdToken(t -> t.rawToken(token), "ITSME-1407");
        }

        @Test
        @DisplayName("checklist 3 twin: RS256 named explicitly is accepted")
        void twin() throws Exception {
            acceptIdToken(t -> t.signatureAlgorithm("RS256"));
        }
    }

    @Nested
    @DisplayName("checklist 4: signed by a key not in itsme's JWKS")
    class Item04ForeignKey {
        @Test
        @DisplayName("checklist 4: foreign key with its own kid, with itsme's kid, without kid: ITSME-1407")
        void foreign() {
            rejectIdToken(t -> t.signWith(attacker.getPrivate(), "attacker-1"), "ITSME-1407");
            rejectIdToken(t -> t.signWith(attacker.getPrivate(), itsmeKid), "ITSME-1407");
            rejectIdToken(t -> t.signWith(attacker.getPrivate(), null), "ITSME-1407");
        }

        @Test
        @DisplayName("checklist 4 twin: itsme's key, with and without kid, is accepted")
        void twin() throws Exception {
            acceptIdToken(ChecklistThroughClientTest::untouched);
            acceptIdToken(t -> t.header("kid", null));
        }
    }

    @Nested
    @DisplayName("checklist 5: iss and aud")
    class Item05IssuerAudience {
        @Test
        @DisplayName("checklist 5: iss wrong, with a trailing slash, missing, not a string: ITSME-1410")
        void issuer() {
            rejectIdToken(t -> t.claim("iss", "https://evil.example/v2"), "ITSME-1410");
            rejectIdToken(t -> t.claim("iss", sim.issuer() + "/"), "ITSME-1410");
            rejectIdToken(t -> t.removeClaim("iss"), "ITSME-1410");
            rejectIdToken(t -> t.claim("iss", List.of(sim.issuer())), "ITSME-1410");
        }

        @Test
        @DisplayName("checklist 5: aud missing, another client, an array without the client id: ITSME-1411")
        void audience() {
            rejectIdToken(t -> t.removeClaim("aud"), "ITSME-1411");
            rejectIdToken(t -> t.claim("aud", "other-client"), "ITSME-1411");
            rejectIdToken(t -> t.claim("aud", List.of("other-client", "x")), "ITSME-1411");
            rejectIdToken(t -> t.claim("aud", List.of()), "ITSME-1411");
        }

        @Test
        @DisplayName("checklist 34: an audience besides the client id (ITSME-1418), an azp of another client (ITSME-1419)")
        void untrustedAudienceOrForeignAzp() {
            rejectIdToken(t -> t.claim("aud", List.of("other", CLIENT_ID)), "ITSME-1418");
            rejectIdToken(t -> t.claim("azp", "other"), "ITSME-1419");
        }

        @Test
        @DisplayName("checklist 5 and 34 twin: aud as a one-element array, azp equal to the client id, are accepted")
        void twin() throws Exception {
            assertThat(acceptIdToken(t -> t.claim("aud", List.of(CLIENT_ID))).audience()).containsExactly(CLIENT_ID);
            assertThat(acceptIdToken(t -> t.claim("aud", List.of(CLIENT_ID)).claim("azp", CLIENT_ID)).audience())
                    .containsExactly(CLIENT_ID);
        }
    }

    @Nested
    @DisplayName("checklist 6: sub")
    class Item06Subject {
        @Test
        @DisplayName("checklist 6: sub missing, a number, an array, empty: ITSME-1412")
        void bad() {
            rejectIdToken(t -> t.removeClaim("sub"), "ITSME-1412");
            rejectIdToken(t -> t.claim("sub", 12345), "ITSME-1412");
            rejectIdToken(t -> t.claim("sub", List.of(SUB)), "ITSME-1412");
            rejectIdToken(t -> t.claim("sub", ""), "ITSME-1412");
        }

        @Test
        @DisplayName("checklist 6 twin: a string sub is accepted")
        void twin() throws Exception {
            acceptIdToken(t -> t.claim("sub", SUB));
        }
    }

    @Nested
    @DisplayName("checklist 7: exp (clock skew 30 s)")
    class Item07Expiry {
        @Test
        @DisplayName("checklist 7: exp missing, not a number, past beyond the skew: ITSME-1413")
        void bad() {
            rejectIdToken(t -> t.removeClaim("exp"), "ITSME-1413");
            rejectIdToken(t -> t.claim("exp", "tomorrow"), "ITSME-1413");
            rejectIdToken(t -> t.claim("exp", now() - 60).claim("iat", now() - 360), "ITSME-1413");
            rejectIdToken(t -> t.claim("exp", now() - 30).claim("iat", now() - 330), "ITSME-1413");
        }

        @Test
        @DisplayName("checklist 7 twin: exp just past but within the skew is accepted")
        void twin() throws Exception {
            acceptIdToken(t -> t.claim("exp", now() - 10).claim("iat", now() - 310));
            acceptIdToken(t -> t.claim("exp", now() + 5));
        }
    }

    @Nested
    @DisplayName("checklist 8: iat (skew 30 s, max age 10 min)")
    class Item08IssuedAt {
        @Test
        @DisplayName("checklist 8: iat missing, in the future beyond skew, far in the past: ITSME-1414")
        void bad() {
            rejectIdToken(t -> t.removeClaim("iat"), "ITSME-1414");
            rejectIdToken(t -> t.claim("iat", "now"), "ITSME-1414");
            rejectIdToken(t -> t.claim("iat", now() + 120), "ITSME-1414");
            rejectIdToken(t -> t.claim("iat", now() - 3600), "ITSME-1414"); // exp still ahead: only age catches it
        }

        @Test
        @DisplayName("checklist 8 twin: iat slightly ahead (within skew) or a few minutes old is accepted")
        void twin() throws Exception {
            acceptIdToken(t -> t.claim("iat", now() + 20));
            acceptIdToken(t -> t.claim("iat", now() - 500));
        }

        @Test
        @DisplayName("checklist 7/8: time moves on the shared clock; tokens minted then are still accepted")
        void timeMoves() throws Exception {
            CLOCK.advance(Duration.ofMinutes(20));
            assertThat(login().identity().issuedAt()).isAfterOrEqualTo(CLOCK.instant().minusSeconds(5));
        }
    }

    @Nested
    @DisplayName("checklist 9: nonce")
    class Item09Nonce {
        @Test
        @DisplayName("checklist 9: nonce missing, different, not a string: ITSME-1415")
        void bad() {
            rejectIdToken(t -> t.removeClaim("nonce"), "ITSME-1415");
            rejectIdToken(t -> t.claim("nonce", "another-nonce"), "ITSME-1415");
            rejectIdToken(t -> t.claim("nonce", 42), "ITSME-1415");
        }

        @Test
        @DisplayName("checklist 9: the nonce of an earlier, completed login replayed: ITSME-1415")
        void replayed() throws Exception {
            PendingAuthorization earlier = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            assertThat(client.exchange(Browser.callback(earlier), earlier).identity().sub()).isEqualTo(SUB);
            rejectIdToken(t -> t.claim("nonce", earlier.nonce()), "ITSME-1415");
        }

        @Test
        @DisplayName("checklist 9 twin: the login's own nonce, set by the hook, is accepted")
        void twin() throws Exception {
            PendingAuthorization p = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            sim.hooks().alterNextIdToken(t -> t.claim("nonce", p.nonce()));
            assertThat(client.exchange(Browser.callback(p), p).identity().sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 10: acr")
    class Item10Acr {
        private void rejectWith(Consumer<TokenAlteration> alteration) throws Exception {
            PendingAuthorization p = client.authorize(AuthorizationRequest.login(Simulators.LOGIN).acr(Acr.ADVANCED));
            AuthorizationResponse response = Browser.callback(p);
            sim.hooks().alterNextIdToken(alteration);
            rejected(() -> client.exchange(response, p), ItsmeRejectedException.class, "ITSME-1416");
        }

        @Test
        @DisplayName("checklist 10: advanced asked, basic / missing / unknown returned: ITSME-1416")
        void weaker() throws Exception {
            rejectWith(t -> t.claim("acr", Acr.BASIC.uri()));
            rejectWith(t -> t.claim("acr", Acr.BASIC.uri().toUpperCase(java.util.Locale.ROOT)));
            rejectWith(t -> t.removeClaim("acr"));
            rejectWith(t -> t.claim("acr", "http://itsme.services/v2/claim/acr_unknown"));
        }

        @Test
        @DisplayName("checklist 10 twin: advanced returned in upper case is accepted; basic asked, basic accepted")
        void twin() throws Exception {
            PendingAuthorization p = client.authorize(AuthorizationRequest.login(Simulators.LOGIN).acr(Acr.ADVANCED));
            AuthorizationResponse response = Browser.callback(p);
            sim.hooks().alterNextIdToken(t -> t.claim("acr", Acr.ADVANCED.uri().toUpperCase(java.util.Locale.ROOT)));
            assertThat(client.exchange(response, p).identity().acr()).contains(Acr.ADVANCED);
            assertThat(login(client, AuthorizationRequest.login(Simulators.LOGIN).acr(Acr.BASIC)).identity().acr())
                    .contains(Acr.BASIC);
        }
    }

    @Nested
    @DisplayName("checklist 11: crit refused; jwk/jku/x5u/x5c never used and never fetched")
    class Item11Headers {
        private HttpServer server;
        private final AtomicInteger hits = new AtomicInteger();
        private String url;

        @BeforeEach
        void serve() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String jwks = "{\"keys\":[" + publicJwk(attacker.getPublic(), "attacker-1", "sig") + "]}";
            server.createContext("/", exchange -> {
                hits.incrementAndGet();
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        }

        @org.junit.jupiter.api.AfterEach
        void stopServer() {
            server.stop(0);
        }

        private Map<String, Object> attackerJwk() throws Exception {
            return new RsaJsonWebKey((RSAPublicKey) attacker.getPublic())
                    .toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        }

        @Test
        @DisplayName("checklist 11: crit in the inner JWS or in the JWE header: ITSME-1408")
        void crit() {
            rejectIdToken(t -> t.header("crit", List.of("exp")).header("exp", 1), "ITSME-1408");
            rejectIdToken(t -> t.jweHeader("crit", List.of("x")).jweHeader("x", "y"), "ITSME-1408");
        }

        @Test
        @DisplayName("checklist 11: attacker key announced in jwk, jku, x5u, x5c: ITSME-1407 and nothing fetched")
        void announcedKey() throws Exception {
            Map<String, Object> jwk = attackerJwk();
            rejectIdToken(t -> t.signWith(attacker.getPrivate(), "attacker-1").header("jwk", jwk).header("jku", url)
                    .header("x5u", url).header("x5c", List.of("MIIBogus")).jweHeader("jku", url), "ITSME-1407");
            assertThat(hits).hasValue(0);
        }

        @Test
        @DisplayName("checklist 11 twin: itsme's token with the same headers is accepted, nothing fetched")
        void twin() throws Exception {
            Map<String, Object> jwk = attackerJwk();
            acceptIdToken(t -> t.header("jwk", jwk).header("jku", url).header("x5u", url)
                    .header("x5c", List.of("MIIBogus")).jweHeader("jku", url));
            assertThat(hits).hasValue(0);
        }
    }

    @Nested
    @DisplayName("checklist 12: a JWE around plain JSON claims (never signed)")
    class Item12NotNested {
        @Test
        @DisplayName("checklist 12: encrypted unsigned claims, cty missing or other, bare JWS: ITSME-1405")
        void bad() {
            rejectIdToken(TokenAlteration::unsigned, "ITSME-1405");
            rejectIdToken(t -> t.unsigned().jweHeader("cty", "JWT"), "ITSME-1405");
            rejectIdToken(t -> t.jweHeader("cty", null), "ITSME-1405");
            rejectIdToken(t -> t.jweHeader("cty", "json"), "ITSME-1405");
            rejectIdToken(TokenAlteration::noEncryption, "ITSME-1405");
        }

        @Test
        @DisplayName("checklist 12 twin: signed then encrypted, cty in any case, is accepted")
        void twin() throws Exception {
            acceptIdToken(t -> t.jweHeader("cty", "jwt"));
        }
    }

    // ---------------------------------------------------------------- JWE handling

    @Nested
    @DisplayName("checklist 13: JWE alg other than RSA-OAEP-256 / RSA-OAEP")
    class Item13JweAlgorithm {
        @ParameterizedTest(name = "checklist 13: {0}")
        @ValueSource(strings = {"RSA1_5", "dir", "A128KW", "A256KW", "A128GCMKW", "PBES2-HS256+A128KW", "ECDH-ES",
                "ECDH-ES+A128KW"})
        @DisplayName("checklist 13: refused key management algorithms: ITSME-1403")
        void refused(String alg) {
            rejectIdToken(t -> t.jweAlgorithm(alg), "ITSME-1403");
        }

        @Test
        @DisplayName("checklist 13: alg missing from the JWE header: ITSME-1403")
        void missing() {
            rejectIdToken(t -> t.jweHeader("alg", null), "ITSME-1403");
        }

        @Test
        @DisplayName("checklist 13 twin: RSA-OAEP and RSA-OAEP-256 are both accepted")
        void twin() throws Exception {
            acceptIdToken(t -> t.jweAlgorithm("RSA-OAEP"));
            acceptIdToken(t -> t.jweAlgorithm("RSA-OAEP-256"));
        }
    }

    @Nested
    @DisplayName("checklist 14: enc not advertised, zip present")
    class Item14ContentEncryption {
        @ParameterizedTest(name = "checklist 14: {0}")
        @ValueSource(strings = {"A192GCM", "A128GCM-bogus", "A192CBC-HS384"})
        @DisplayName("checklist 14: enc not advertised: ITSME-1403")
        void notAdvertised(String enc) {
            rejectIdToken(t -> t.contentEncryption(enc), "ITSME-1403");
        }

        @Test
        @DisplayName("checklist 14: zip DEF (really compressed): ITSME-1408")
        void zip() {
            rejectIdToken(t -> t.jweHeader("zip", "DEF"), "ITSME-1408");
        }

        @ParameterizedTest(name = "checklist 14 twin: {0}")
        @ValueSource(strings = {"A128CBC-HS256", "A256CBC-HS512", "A128GCM", "A256GCM"})
        @DisplayName("checklist 14 twin: every advertised enc without zip is accepted")
        void twin(String enc) throws Exception {
            acceptIdToken(t -> t.contentEncryption(enc));
        }
    }

    @Nested
    @DisplayName("checklist 15: tampered JWE segments give one generic error")
    class Item15Tampering {
        @ParameterizedTest(name = "checklist 15: segment {0}")
        @ValueSource(ints = {0, 1, 2, 3, 4})
        @DisplayName("checklist 15: header, encrypted key, IV, ciphertext or tag tampered: ITSME-1404")
        void tampered(int segment) {
            rejectIdToken(t -> t.corruptJwe(segment), "ITSME-1404");
            rejectIdToken(t -> t.jweAlgorithm("RSA-OAEP").contentEncryption("A256GCM").corruptJwe(segment),
                    "ITSME-1404");
        }

        @Test
        @DisplayName("checklist 15: several segments at once: ITSME-1404")
        void several() {
            rejectIdToken(t -> t.corruptJwe(2).corruptJwe(3).corruptJwe(4), "ITSME-1404");
        }

        @Test
        @DisplayName("checklist 15: IV of the wrong length, truncated tag (minted here): ITSME-1404; untampered: 1407")
        void ivAndTagLength() throws Exception {
            String token = mintedJwe(keys, oldEncKid(), oldEncKid());
            String[] p = token.split("\\.");
            String shortIv = String.join(".", p[0], p[1], b64("0123456789ab"), p[3], p[4]);
            String shortTag = String.join(".", p[0], p[1], p[2], p[3], p[4].substring(0, 8));
            rejectIdToken(t -> t.rawToken(shortIv), "ITSME-1404");
            rejectIdToken(t -> t.rawToken(shortTag), "ITSME-1404");
            rejectIdToken(t -> t.rawToken(token), "ITSME-1407"); // it did decrypt: only the tampering made 1404
        }

        @Test
        @DisplayName("checklist 15 twin: the untampered hand-assembled JWE is accepted, also with RSA-OAEP / A256GCM")
        void twin() throws Exception {
            acceptIdToken(ChecklistThroughClientTest::untouched);
            acceptIdToken(t -> t.jweAlgorithm("RSA-OAEP").contentEncryption("A256GCM"));
        }
    }

    @Nested
    @DisplayName("checklist 16 and 30: JWE kid absent or unknown; RP encryption key rotation")
    class Item16And30JweKid {
        /** itsme encrypts to the RP's new encryption key only, for the duration of {@code body}. */
        private void itsmeKnowsOnlyTheNewKey(ThrowingCallable body) throws Throwable {
            sim.registerClient(Simulators.registration(onlyNew.publicJwkSetJson()));
            try {
                body.call();
            } finally {
                sim.registerClient(Simulators.registration(keys.publicJwkSetJson()));
            }
        }

        @Test
        @DisplayName("checklist 16 twin: JWE kid absent or unknown: every RP key is tried, accepted")
        void absentOrUnknownKid() throws Exception {
            acceptIdToken(t -> t.jweKeyId(null));
            acceptIdToken(t -> t.jweKeyId("retired-kid"));
        }

        @Test
        @DisplayName("checklist 16: encrypted to a key the RP does not hold, kid named, absent or unknown: ITSME-1404")
        void noKeyFits() throws Throwable {
            itsmeKnowsOnlyTheNewKey(() -> {
                rejectIdToken(ChecklistThroughClientTest::untouched, "ITSME-1404");
                rejectIdToken(t -> t.jweKeyId(null), "ITSME-1404");
                rejectIdToken(t -> t.jweKeyId("retired-kid"), "ITSME-1404");
                rejected(ChecklistThroughClientTest.this::login, ItsmeRejectedException.class, "ITSME-1404");
            });
        }

        @Test
        @DisplayName("checklist 16: JWE kid names one RP key but it is encrypted to the other: ITSME-1404 (minted here)")
        void kidOfAnotherRpKey() throws Exception {
            ItsmeClient rotatedClient = Simulators.client(sim, both).clock(CLOCK).build();
            String misnamed = mintedJwe(both, newEncKid(), oldEncKid());
            String named = mintedJwe(both, newEncKid(), newEncKid());
            sim.hooks().alterNextIdToken(t -> t.rawToken(misnamed));
            rejected(() -> login(rotatedClient, AuthorizationRequest.login(Simulators.LOGIN)),
                    ItsmeRejectedException.class, "ITSME-1404");
            // the same token under the right kid decrypts (and then fails on its unsigned inner JWS)
            sim.hooks().alterNextIdToken(t -> t.rawToken(named));
            rejected(() -> login(rotatedClient, AuthorizationRequest.login(Simulators.LOGIN)),
                    ItsmeRejectedException.class, "ITSME-1407");
        }

        @Test
        @DisplayName("checklist 16/30 twin: a second RP encryption key configured: tokens for either key decrypt")
        void secondKeyConfigured() throws Throwable {
            ItsmeClient rotatedClient = Simulators.client(sim, both).clock(CLOCK).build();
            assertThat(login(rotatedClient, AuthorizationRequest.login(Simulators.LOGIN)).identity().sub())
                    .isEqualTo(SUB); // for the old key
            itsmeKnowsOnlyTheNewKey(() -> {
                assertThat(login(rotatedClient, AuthorizationRequest.login(Simulators.LOGIN)).identity().sub())
                        .isEqualTo(SUB); // for the new key
                sim.hooks().alterNextIdToken(t -> t.jweKeyId(null));
                assertThat(login(rotatedClient, AuthorizationRequest.login(Simulators.LOGIN)).identity().sub())
                        .isEqualTo(SUB);
                ItsmeClient newOnly = Simulators.client(sim, onlyNew).clock(CLOCK).build();
                assertThat(login(newOnly, AuthorizationRequest.login(Simulators.LOGIN)).identity().sub())
                        .isEqualTo(SUB);
            });
        }
    }

    @Nested
    @DisplayName("checklist 17: size, segment count, base64url checked before any crypto")
    class Item17Shape {
        @Test
        @DisplayName("checklist 17: a token over 64 KiB: ITSME-1402")
        void tooLarge() {
            rejectIdToken(t -> t.claim("padding", "x".repeat(70_000)), "ITSME-1402");
        }

        @ParameterizedTest(name = "checklist 17: {0}")
        @ValueSource(strings = {"abcd.efgh.ijkl.mnop", "abcd.efgh.ijkl.mnop.qrst.uvwx", "abcd", "abcd..ijkl.mnop.qrst",
                "abcd.ef+h.ijkl.mnop.qrst", "abcd.efgh.ij/l.mnop.qrst", "abcd.efgh.ijkl.mnop.qrs=",
                "abcde.efgh.ijkl.mnop.qrst"})
        @DisplayName("checklist 17: wrong segment count, empty segment, bad base64url: ITSME-1401")
        void malformed(String raw) {
            rejectIdToken(t -> t.rawToken(raw), "ITSME-1401");
        }

        @Test
        @DisplayName("checklist 17: JWE header not JSON, or nested too deeply: ITSME-1401")
        void badHeader() {
            rejectIdToken(t -> t.rawToken(b64("not json") + ".abcd.abcd.abcd.abcd"), "ITSME-1401");
            rejectIdToken(t -> t.rawToken(b64("{\"alg\":" + "[".repeat(20) + "]".repeat(20) + "}")
                    + ".abcd.abcd.abcd.abcd"), "ITSME-1401");
        }

        @Test
        @DisplayName("checklist 17 twin: a large but allowed token is accepted")
        void twin() throws Exception {
            ItsmeIdentity who = acceptIdToken(t -> t.claim("padding", "x".repeat(20_000)));
            assertThat(who.claims().getString("padding")).hasValueSatisfying(v -> assertThat(v).hasSize(20_000));
        }
    }

    // ---------------------------------------------------------------- userinfo

    @Nested
    @DisplayName("checklist 18: userinfo sub must equal the ID token's")
    class Item18UserInfoSubject {
        @Test
        @DisplayName("checklist 18: another sub: ITSME-1502; sub missing: ITSME-1412")
        void bad() throws Exception {
            rejectUserInfo(t -> t.claim("sub", "another-subject-0000000000000000000000"), "ITSME-1502");
            rejectUserInfo(t -> t.removeClaim("sub"), "ITSME-1412");
        }

        @Test
        @DisplayName("checklist 18 twin: the ID token's sub is accepted")
        void twin() throws Exception {
            acceptUserInfo(t -> t.claim("sub", SUB));
        }
    }

    @Nested
    @DisplayName("checklist 19: userinfo signature, iss, aud, format")
    class Item19UserInfoIntegrity {
        @Test
        @DisplayName("checklist 19: bad signature, foreign key, alg none: ITSME-1407 / 1406")
        void signature() throws Exception {
            rejectUserInfo(TokenAlteration::corruptSignature, "ITSME-1407");
            rejectUserInfo(t -> t.signWith(attacker.getPrivate(), itsmeKid), "ITSME-1407");
            rejectUserInfo(t -> t.signatureAlgorithm("none"), "ITSME-1406");
        }

        @Test
        @DisplayName("checklist 19: iss wrong or missing: ITSME-1410; aud wrong or missing: ITSME-1411")
        void issuerAudience() throws Exception {
            rejectUserInfo(t -> t.claim("iss", "https://evil.example/v2"), "ITSME-1410");
            rejectUserInfo(t -> t.removeClaim("iss"), "ITSME-1410");
            rejectUserInfo(t -> t.claim("aud", "someone-else"), "ITSME-1411");
            rejectUserInfo(t -> t.removeClaim("aud"), "ITSME-1411");
        }

        @Test
        @DisplayName("checklist 19: plain JSON: ITSME-1503; bare JWS or encrypted unsigned JSON: ITSME-1405")
        void notNested() throws Exception {
            rejectUserInfo(t -> t.unsigned().noEncryption(), "ITSME-1503");
            rejectUserInfo(TokenAlteration::noEncryption, "ITSME-1405");
            rejectUserInfo(TokenAlteration::unsigned, "ITSME-1405");
        }

        @Test
        @DisplayName("checklist 19 twin: a nested userinfo is accepted, also hand-assembled and as application/json")
        void twin() throws Exception {
            acceptUserInfo(ChecklistThroughClientTest::untouched);
            sim.hooks().userInfoContentType("application/json");
            acceptUserInfo(t -> t.jweAlgorithm("RSA-OAEP"));
        }
    }

    @Nested
    @DisplayName("checklist 20: userinfo 401 / 5xx")
    class Item20UserInfoFailures {
        @Test
        @DisplayName("checklist 20: 401 is ITSME-1501 with itsme's error, 5xx is ITSME-1122; the identity is kept")
        void failures() throws Exception {
            ItsmeTokens tokens = login();
            sim.hooks().serverError(Endpoint.USERINFO, 503);
            rejected(() -> client.userInfo(tokens), ItsmeCommunicationException.class, "ITSME-1122");
            sim.reset(); // forgets the access token
            assertThatThrownBy(() -> client.userInfo(tokens)).isInstanceOfSatisfying(
                    ItsmeErrorResponseException.class, e -> {
                        assertThat(e.messageId()).isEqualTo("ITSME-1501");
                        assertThat(e.error()).isEqualTo("invalid_token");
                    });
            assertThat(tokens.identity().sub()).isEqualTo(SUB);
        }

        @Test
        @DisplayName("checklist 20 twin: once itsme's userinfo is back, the same client reads it")
        void twin() throws Exception {
            ItsmeTokens tokens = login();
            sim.hooks().serverError(Endpoint.USERINFO, 503);
            rejected(() -> client.userInfo(tokens), ItsmeCommunicationException.class, "ITSME-1122");
            sim.reset(); // the outage ends (and the simulator forgets the access token: log in again)
            sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
            ItsmeTokens again = login();
            assertThat(client.userInfo(again).sub()).isEqualTo(SUB);
        }
    }

    // ---------------------------------------------------------------- token endpoint

    @Nested
    @DisplayName("checklist 21 and 22: token endpoint response")
    class Item21And22TokenResponse {
        private void rejectResponse(Runnable hook, Class<? extends ItsmeException> type, String messageId)
                throws Exception {
            PendingAuthorization p = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            AuthorizationResponse response = Browser.callback(p);
            hook.run();
            rejected(() -> client.exchange(response, p), type, messageId);
        }

        @Test
        @DisplayName("checklist 21: non-JSON, JSON array, 4xx HTML: ITSME-1302; 5xx HTML: ITSME-1122")
        void notJson() throws Exception {
            rejectResponse(() -> sim.hooks().respondNextToken(200, "text/html", "<html>hello</html>"),
                    ItsmeRejectedException.class, "ITSME-1302");
            rejectResponse(() -> sim.hooks().respondNextToken(200, "application/json", "[1,2]"),
                    ItsmeRejectedException.class, "ITSME-1302");
            rejectResponse(() -> sim.hooks().respondNextToken(404, "text/html", "<html>no</html>"),
                    ItsmeRejectedException.class, "ITSME-1302");
            rejectResponse(() -> sim.hooks().respondNextToken(502, "text/html", "<html>bad gateway</html>"),
                    ItsmeCommunicationException.class, "ITSME-1122");
        }

        @Test
        @DisplayName("checklist 21: id_token or access_token missing, wrong types, other token_type: ITSME-1302")
        void members() throws Exception {
            List<Consumer<Map<String, Object>>> changes = List.of(m -> m.remove("id_token"),
                    m -> m.remove("access_token"), m -> m.put("id_token", 42), m -> m.put("id_token", Map.of()),
                    m -> m.put("access_token", 42), m -> m.put("token_type", "MAC"),
                    m -> m.put("expires_in", "3600"));
            for (Consumer<Map<String, Object>> change : changes) {
                rejectResponse(() -> sim.hooks().alterNextTokenResponse(change), ItsmeRejectedException.class,
                        "ITSME-1302");
            }
        }

        @Test
        @DisplayName("checklist 21: itsme's error and detail are kept: ITSME-1301")
        void itsmeError() throws Exception {
            PendingAuthorization p = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            AuthorizationResponse response = Browser.callback(p);
            sim.hooks().failNextToken(400, "invalid_grant", "code expired");
            assertThatThrownBy(() -> client.exchange(response, p)).isInstanceOfSatisfying(
                    ItsmeErrorResponseException.class, e -> {
                        assertThat(e.messageId()).isEqualTo("ITSME-1301");
                        assertThat(e.error()).isEqualTo("invalid_grant");
                        assertThat(e.description()).contains("code expired");
                    });
        }

        @Test
        @DisplayName("checklist 22 (twin of 21): token_type bEaReR, no expires_in, unknown members: accepted")
        void twin() throws Exception {
            sim.hooks().alterNextTokenResponse(m -> {
                m.put("token_type", "bEaReR");
                m.remove("expires_in");
                m.put("refresh_token_hint", "ignored");
            });
            ItsmeTokens tokens = login();
            assertThat(tokens.tokenType()).isEqualTo("bEaReR");
            assertThat(tokens.expiresIn()).isEmpty();
            assertThat(tokens.identity().sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 23: token response over the size bound")
    class Item23Size {
        @Test
        @DisplayName("checklist 23: a body over 256 KiB fails cleanly: ITSME-1123")
        void tooLarge() throws Exception {
            PendingAuthorization p = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            AuthorizationResponse response = Browser.callback(p);
            sim.hooks().respondNextToken(200, "application/json",
                    "{\"padding\":\"" + "x".repeat(300 * 1024) + "\"}");
            rejected(() -> client.exchange(response, p), ItsmeCommunicationException.class, "ITSME-1123");
        }

        @Test
        @DisplayName("checklist 23 twin: a 100 KB body under the bound is accepted")
        void twin() throws Exception {
            sim.hooks().alterNextTokenResponse(m -> m.put("padding", "x".repeat(100_000)));
            assertThat(login().identity().sub()).isEqualTo(SUB);
        }
    }

    // ---------------------------------------------------------------- callback

    @Nested
    @DisplayName("checklist 24: the login state expires and is single-use")
    class Item24State {
        @Test
        @DisplayName("checklist 24: completed at its lifetime: ITSME-1204, no token call")
        void expired() throws Exception {
            ItsmeClient timed = Simulators.client(sim, keys).clock(CLOCK).pendingLifetime(Duration.ofMinutes(2))
                    .build();
            PendingAuthorization p = timed.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            AuthorizationResponse response = Browser.callback(p);
            CLOCK.advance(Duration.ofMinutes(2));
            rejected(() -> timed.exchange(response, p), ItsmeRejectedException.class, "ITSME-1204");
            assertThat(sim.recordedRequests(Endpoint.TOKEN)).isEmpty();
        }

        @Test
        @DisplayName("checklist 24 twin: completed 5 s before its lifetime ends: accepted; then used: ITSME-1205")
        void withinLifetime() throws Exception {
            ItsmeClient timed = Simulators.client(sim, keys).clock(CLOCK).pendingLifetime(Duration.ofMinutes(2))
                    .build();
            PendingAuthorization p = timed.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            AuthorizationResponse response = Browser.callback(p);
            CLOCK.advance(Duration.ofMinutes(2).minusSeconds(5));
            assertThat(timed.exchange(response, p).identity().sub()).isEqualTo(SUB);
            rejected(() -> timed.exchange(response, p), ItsmeRejectedException.class, "ITSME-1205");
        }
    }

    @Nested
    @DisplayName("checklist 25: itsme's authorization errors")
    class Item25AuthorizationErrors {
        @ParameterizedTest(name = "checklist 25: {0}")
        @ValueSource(strings = {"access_denied", "temporary_unavailable"})
        @DisplayName("checklist 25: ITSME-1201 with itsme's code, no token call; the next login succeeds")
        void errorThenTwin(String error) throws Exception {
            if ("access_denied".equals(error)) {
                sim.hooks().denyNext();
            } else {
                sim.hooks().failNextAuthorization(error, "maintenance");
            }
            PendingAuthorization p = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            AuthorizationResponse response = Browser.callback(p);
            assertThatThrownBy(() -> client.exchange(response, p)).isInstanceOfSatisfying(
                    ItsmeErrorResponseException.class, e -> {
                        assertThat(e.messageId()).isEqualTo("ITSME-1201");
                        assertThat(e.error()).isEqualTo(error);
                    });
            assertThat(sim.recordedRequests(Endpoint.TOKEN)).isEmpty();
            assertThat(login().identity().sub()).isEqualTo(SUB); // twin
        }
    }

    @Nested
    @DisplayName("checklist 26: a code from another login injected into this one")
    class Item26CodeInjection {
        @Test
        @DisplayName("checklist 26: PKCE binds the code: itsme answers invalid_grant, ITSME-1301")
        void injected() throws Exception {
            PendingAuthorization victim = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            PendingAuthorization attacker = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            String attackerCode = Browser.callback(attacker).code().orElseThrow();
            AuthorizationResponse injected = AuthorizationResponse
                    .of(Map.of("state", victim.state(), "code", attackerCode));
            assertThatThrownBy(() -> client.exchange(injected, victim)).isInstanceOfSatisfying(
                    ItsmeErrorResponseException.class, e -> {
                        assertThat(e.messageId()).isEqualTo("ITSME-1301");
                        assertThat(e.error()).isEqualTo("invalid_grant");
                    });
        }

        @Test
        @DisplayName("checklist 26 twin: each browser's own code with its own login is accepted")
        void twin() throws Exception {
            PendingAuthorization first = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            PendingAuthorization second = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
            AuthorizationResponse secondResponse = Browser.callback(second);
            AuthorizationResponse firstResponse = Browser.callback(first);
            assertThat(client.exchange(secondResponse, second).identity().sub()).isEqualTo(SUB);
            assertThat(client.exchange(firstResponse, first).identity().sub()).isEqualTo(SUB);
        }
    }

    @Nested
    @DisplayName("checklist 27: discovery issuer")
    class Item27Issuer {
        @Test
        @DisplayName("checklist 27: another issuer expected: ITSME-1103, no authorization")
        void mismatch() throws Exception {
            ItsmeClient wrong = Simulators.client(sim, keys).clock(CLOCK).expectedIssuer(sim.issuer() + "/").build();
            rejected(() -> wrong.authorize(AuthorizationRequest.login(Simulators.LOGIN)), ItsmeRejectedException.class,
                    "ITSME-1103");
            assertThat(sim.recordedRequests(Endpoint.AUTHORIZATION)).isEmpty();
        }

        @Test
        @DisplayName("checklist 27 twin: the exact issuer, set explicitly, logs in")
        void twin() throws Exception {
            ItsmeClient exact = Simulators.client(sim, keys).clock(CLOCK).expectedIssuer(sim.issuer()).build();
            assertThat(login(exact, AuthorizationRequest.login(Simulators.LOGIN)).identity().issuer())
                    .isEqualTo(sim.issuer());
        }
    }

    // ---------------------------------------------------------------- keys

    @Nested
    @DisplayName("checklist 28: itsme's key rotation and a flood of unknown kids")
    class Item28Rotation {
        @Test
        @DisplayName("checklist 28: a flood of unknown kids: each ITSME-1407, at most one JWKS fetch per 30 s")
        void flood() throws Exception {
            login();
            assertThat(sim.recordedRequests(Endpoint.JWKS)).hasSize(1);
            CLOCK.advance(Duration.ofSeconds(31));
            for (int i = 0; i < 5; i++) {
                String kid = "unknown-" + i;
                rejectIdToken(t -> t.signWith(attacker.getPrivate(), kid), "ITSME-1407");
            }
            assertThat(sim.recordedRequests(Endpoint.JWKS)).hasSize(2);
        }

        @Test
        @DisplayName("checklist 28 twin: itsme rotates its signing key: one refetch, the login succeeds")
        void rotation() throws Exception {
            login();
            String newKid = sim.hooks().rotateSigningKey();
            assertThat(newKid).isNotEqualTo(itsmeKid);
            CLOCK.advance(Duration.ofSeconds(31));
            assertThat(login().identity().sub()).isEqualTo(SUB);
            assertThat(login().identity().sub()).isEqualTo(SUB);
            assertThat(sim.recordedRequests(Endpoint.JWKS)).hasSize(2);
        }

        @Test
        @DisplayName("checklist 41: itsme rotates 6 s after the last fetch: refused inside the default 30 s (ITSME-1407)")
        void rotationInsideTheDefaultInterval() throws Exception {
            login();
            sim.hooks().rotateSigningKey();
            CLOCK.advance(Duration.ofSeconds(6));
            rejectIdToken(t -> {
            }, "ITSME-1407");
            assertThat(sim.recordedRequests(Endpoint.JWKS)).hasSize(1);
        }

        @Test
        @DisplayName("checklist 41 twin: with jwksRefetchInterval 5 s the same rotation is fetched and accepted")
        void rotationWithAShorterConfiguredInterval() throws Exception {
            client = Simulators.client(sim, keys).clock(CLOCK).jwksRefetchInterval(Duration.ofSeconds(5)).build();
            login();
            sim.hooks().rotateSigningKey();
            CLOCK.advance(Duration.ofSeconds(6));
            assertThat(login().identity().sub()).isEqualTo(SUB);
            assertThat(sim.recordedRequests(Endpoint.JWKS)).hasSize(2);
        }
    }

    @Nested
    @DisplayName("checklist 29: JWKS keys of unknown type, use=enc, or under 2048 bits are not used")
    class Item29JwksContent {
        @Test
        @DisplayName("checklist 29: signed by a published 1024-bit RSA key: ITSME-1407")
        void weakKey() throws Exception {
            sim.hooks().publishExtraKey(publicJwk(weak.getPublic(), "weak-1024", "sig"));
            rejectIdToken(t -> t.signWith(weak.getPrivate(), "weak-1024"), "ITSME-1407");
        }

        @Test
        @DisplayName("checklist 29: signed by a published use=enc RSA key: ITSME-1407")
        void encryptionKey() throws Exception {
            sim.hooks().publishExtraKey(publicJwk(attacker.getPublic(), "enc-2", "enc"));
            rejectIdToken(t -> t.signWith(attacker.getPrivate(), "enc-2"), "ITSME-1407");
        }

        @Test
        @DisplayName("checklist 29: signed by a published EC key: refused (ITSME-1406, only RS256)")
        void ecKey() throws Exception {
            sim.hooks().publishExtraKey(publicJwk(ec.getPublic(), "ec-1", "sig"));
            rejectIdToken(t -> t.signatureAlgorithm("ES256").signWith(ec.getPrivate(), "ec-1"), "ITSME-1406");
            rejectIdToken(t -> t.signWith(attacker.getPrivate(), "ec-1"), "ITSME-1407");
        }

        @Test
        @DisplayName("checklist 29 twin: itsme's own key among ignored ones (EC, OKP, weak, use=enc) is accepted")
        void twin() throws Exception {
            sim.hooks().publishExtraKey(publicJwk(ec.getPublic(), "ec-1", "sig"));
            sim.hooks().publishExtraKey(publicJwk(weak.getPublic(), "weak-1024", "sig"));
            sim.hooks().publishExtraKey(publicJwk(attacker.getPublic(), "enc-2", "enc"));
            sim.hooks().publishExtraKey(
                    "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"okp-1\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");
            acceptIdToken(ChecklistThroughClientTest::untouched);
        }
    }
}

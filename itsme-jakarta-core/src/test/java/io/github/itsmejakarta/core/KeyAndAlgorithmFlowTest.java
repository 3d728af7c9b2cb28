package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.support.Browser;
import io.github.itsmejakarta.core.support.MutableClock;
import io.github.itsmejakarta.core.support.RequestObjectServer;
import io.github.itsmejakarta.core.support.Simulators;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.ItsmeSimulator;
import io.github.itsmejakarta.testkit.TestPersons;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** JWE algorithm and content encryption variants, and key rotation on both sides, each on its own simulator. */
class KeyAndAlgorithmFlowTest {
    private static RelyingPartyKeys keys;

    @BeforeAll
    static void keys() {
        keys = RelyingPartyKeys.generate();
    }

    private static ItsmeTokens login(ItsmeSimulator sim, ItsmeClient client, RequestObjectMode mode)
            throws Exception {
        PendingAuthorization p = client.authorize(AuthorizationRequest.login(Simulators.LOGIN).requestObject(mode));
        return client.exchange(Browser.callback(p), p);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"RSA-OAEP-256, A128CBC-HS256", "RSA-OAEP, A128CBC-HS256", "RSA-OAEP-256, A256GCM",
            "RSA-OAEP, A256CBC-HS512"})
    @DisplayName("checklist 1: ID tokens under both JWE algorithms and several content encryptions; request objects too")
    void algorithms(String alg, String enc) throws Exception {
        try (ItsmeSimulator sim = Simulators.start(keys, alg, enc)) {
            sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
            ItsmeClient client = Simulators.client(sim, keys).build();
            assertThat(login(sim, client, RequestObjectMode.NONE).identity().sub()).isNotBlank();
            assertThat(login(sim, client, RequestObjectMode.VALUE).identity().sub()).isNotBlank();
        }
    }

    @Test
    @DisplayName("checklist 28: itsme rotates its signing key: one JWKS refetch, the login succeeds")
    void itsmeRotatesSigningKey() throws Exception {
        MutableClock clock = new MutableClock(); // shared: itsme's time moves with the client's
        try (ItsmeSimulator sim = Simulators.start(keys, clock)) {
            sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
            ItsmeClient client = Simulators.client(sim, keys).clock(clock).build();
            login(sim, client, RequestObjectMode.NONE);
            assertThat(sim.recordedRequests(Endpoint.JWKS)).hasSize(1);
            sim.hooks().rotateSigningKey();
            clock.advance(Duration.ofSeconds(31)); // past the refetch rate limit
            assertThat(login(sim, client, RequestObjectMode.NONE).identity().sub()).isNotBlank();
            assertThat(sim.recordedRequests(Endpoint.JWKS)).hasSize(2);
            login(sim, client, RequestObjectMode.NONE);
            assertThat(sim.recordedRequests(Endpoint.JWKS)).hasSize(2);
            assertThat(sim.recordedRequests(Endpoint.DISCOVERY)).hasSize(1);
        }
    }

    @Test
    @DisplayName("checklist 30: RP encryption key rotated, old and new configured: tokens for either key decrypt")
    void rpRotatesEncryptionKey() throws Exception {
        RelyingPartyKeys both = keys.withNewEncryptionKey();
        String oldKid = keys.decryptionKeys().get(0).kid();
        String newKid = both.decryptionKeys().get(1).kid();
        RelyingPartyKeys onlyNew = both.withoutKey(oldKid);
        try (ItsmeSimulator sim = Simulators.start(keys)) { // itsme knows only the old key
            sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
            ItsmeClient client = Simulators.client(sim, both).build();
            assertThat(login(sim, client, RequestObjectMode.NONE).identity().sub()).isNotBlank();
            sim.registerClient(Simulators.registration(onlyNew.publicJwkSetJson())); // itsme now encrypts to the new
            sim.reset();
            sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
            assertThat(login(sim, client, RequestObjectMode.NONE).identity().sub()).isNotBlank();
            assertThat(newKid).isNotEqualTo(oldKid);
        }
    }

    @Test
    @DisplayName("RP signing key rotated: the client signs assertions and request objects with the active key")
    void rpRotatesSigningKey() throws Exception {
        RelyingPartyKeys next = keys.withNewSigningKey();
        String newKid = next.signingKeyIds().get(1);
        RelyingPartyKeys active = next.withSigningKeyActive(newKid);
        try (ItsmeSimulator sim = Simulators.start(next); RequestObjectServer ro = new RequestObjectServer()) {
            sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
            ItsmeClient client = Simulators.client(sim, active).requestUriBase(ro.base()).build();
            PendingAuthorization p = client.authorize(
                    AuthorizationRequest.login(Simulators.LOGIN).requestObject(RequestObjectMode.REFERENCE));
            ro.publish(p.requestObject().orElseThrow());
            assertThat(client.exchange(Browser.callback(p), p).identity().sub()).isNotBlank();
            assertThat(active.activeSigningKey().kid()).isEqualTo(newKid);
        }
    }
}

package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.support.Browser;
import io.github.itsmejakarta.core.support.MutableClock;
import io.github.itsmejakarta.core.support.SimulatorFlowTest;
import io.github.itsmejakarta.core.support.Simulators;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.TestPersons;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * itsme's errors and the attacks on the callback, end to end against the simulator. Each rejecting case asserts, from
 * the simulator's recorded requests, that nothing was called after the failing step; the accepting twins are the
 * plain logins in {@link LoginFlowTest} and {@link #acceptingTwin()}.
 */
class ErrorFlowTest extends SimulatorFlowTest {
    private PendingAuthorization start(ItsmeClient c) throws Exception {
        return c.authorize(AuthorizationRequest.login(Simulators.LOGIN));
    }

    private int tokenCalls() {
        return sim.recordedRequests(Endpoint.TOKEN).size();
    }

    @Test
    @DisplayName("accepting twin: the same client and simulator log in")
    void acceptingTwin() throws Exception {
        PendingAuthorization p = start(client);
        assertThat(client.exchange(Browser.callback(p), p).identity().sub()).isNotBlank();
        assertThat(tokenCalls()).isEqualTo(1);
    }

    @Test
    @DisplayName("checklist 25: access_denied at the authorization endpoint: ITSME-1201, no token call")
    void denied() throws Exception {
        sim.hooks().denyNext();
        PendingAuthorization p = start(client);
        AuthorizationResponse response = Browser.callback(p);
        assertThatThrownBy(() -> client.exchange(response, p)).isInstanceOfSatisfying(
                ItsmeErrorResponseException.class, e -> {
                    assertThat(e.messageId()).isEqualTo("ITSME-1201");
                    assertThat(e.error()).isEqualTo("access_denied");
                    assertThat(e.isTemporarilyUnavailable()).isFalse();
                });
        assertThat(tokenCalls()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"temporary_unavailable", "temporarily_unavailable", "login_required",
            "interaction_required", "invalid_request", "invalid_scope", "unauthorized_client",
            "invalid_request_object", "unsupported_request"})
    @DisplayName("checklist 25: every itsme error at the authorization endpoint is kept, with its description")
    void authorizationErrors(String error) throws Exception {
        sim.hooks().failNextAuthorization(error, "why: " + error);
        PendingAuthorization p = start(client);
        AuthorizationResponse response = Browser.callback(p);
        assertThatThrownBy(() -> client.exchange(response, p)).isInstanceOfSatisfying(
                ItsmeErrorResponseException.class, e -> {
                    assertThat(e.messageId()).isEqualTo("ITSME-1201");
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.description()).contains("why: " + error);
                    assertThat(e.isTemporarilyUnavailable()).isEqualTo(error.startsWith("tempor"));
                });
        assertThat(tokenCalls()).isZero();
    }

    @Test
    @DisplayName("checklist 33: a forged error with line breaks cannot forge log lines or exception text")
    void forgedError() throws Exception {
        PendingAuthorization p = start(client);
        AuthorizationResponse forged = AuthorizationResponse.of(Map.of("state", p.state(), "error",
                "access_denied\nSEVERE: admin logged in", "error_description", "a\r\nb"));
        assertThatThrownBy(() -> client.exchange(forged, p)).isInstanceOfSatisfying(
                ItsmeErrorResponseException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("\n");
                    assertThat(e.error()).isEqualTo("malformed_error_code");
                    assertThat(e.description()).contains("a  b");
                });
        assertThat(tokenCalls()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_request", "invalid_client", "invalid_grant", "unauthorized_client"})
    @DisplayName("checklist 21: itsme's token errors keep error and detail (ITSME-1301)")
    void tokenErrors(String error) throws Exception {
        sim.hooks().failNextToken(400, error, "detail of " + error);
        PendingAuthorization p = start(client);
        AuthorizationResponse response = Browser.callback(p);
        assertThatThrownBy(() -> client.exchange(response, p)).isInstanceOfSatisfying(
                ItsmeErrorResponseException.class, e -> {
                    assertThat(e.messageId()).isEqualTo("ITSME-1301");
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.description()).contains("detail of " + error);
                });
    }

    @Test
    @DisplayName("state before error: access_denied without state is ITSME-1202, with another login's state 1203")
    void errorWithoutTheRightState() throws Exception {
        PendingAuthorization mine = start(client);
        PendingAuthorization other = start(client);
        assertThatThrownBy(() -> client.exchange(AuthorizationResponse.of(Map.of("error", "access_denied")), mine))
                .isInstanceOf(ItsmeRejectedException.class).hasMessageStartingWith("ITSME-1202");
        assertThatThrownBy(() -> client.exchange(
                AuthorizationResponse.of(Map.of("error", "access_denied", "state", other.state())), mine))
                .isInstanceOf(ItsmeRejectedException.class).hasMessageStartingWith("ITSME-1203");
        // the login was not cancelled by the forged callbacks: itsme's real answer still completes it
        assertThat(client.exchange(Browser.callback(mine), mine).identity().sub()).isNotBlank();
    }

    @Test
    @DisplayName("accepting twin: access_denied with the login's own state is itsme's answer (ITSME-1201)")
    void errorWithTheRightState() throws Exception {
        PendingAuthorization p = start(client);
        assertThatThrownBy(() -> client.exchange(
                AuthorizationResponse.of(Map.of("error", "access_denied", "state", p.state())), p))
                .isInstanceOfSatisfying(ItsmeErrorResponseException.class, e -> {
                    assertThat(e.messageId()).isEqualTo("ITSME-1201");
                    assertThat(e.error()).isEqualTo("access_denied");
                });
        assertThat(tokenCalls()).isZero();
    }

    @Test
    @DisplayName("checklist 24: state missing (ITSME-1202), no token call")
    void stateMissing() throws Exception {
        PendingAuthorization p = start(client);
        Map<String, String> params = new HashMap<>();
        params.put("code", Browser.callback(p).code().orElseThrow());
        assertThatThrownBy(() -> client.exchange(AuthorizationResponse.of(params), p))
                .isInstanceOf(ItsmeRejectedException.class).hasMessageStartingWith("ITSME-1202");
        assertThat(tokenCalls()).isZero();
    }

    @Test
    @DisplayName("checklist 24: state of another login (ITSME-1203), no token call")
    void stateMismatch() throws Exception {
        PendingAuthorization mine = start(client);
        PendingAuthorization other = start(client);
        AuthorizationResponse response = Browser.callback(other);
        assertThatThrownBy(() -> client.exchange(response, mine)).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1203");
        assertThat(tokenCalls()).isZero();
    }

    @Test
    @DisplayName("checklist 24: login expired (ITSME-1204), no token call; within the lifetime it succeeds")
    void expired() throws Exception {
        MutableClock clock = new MutableClock();
        ItsmeClient timed = Simulators.client(sim, keys).clock(clock).pendingLifetime(Duration.ofMinutes(2)).build();
        PendingAuthorization p = start(timed);
        AuthorizationResponse response = Browser.callback(p);
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> timed.exchange(response, p)).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1204");
        assertThat(tokenCalls()).isZero();
        assertThat(p.isExpired(clock)).isTrue();
    }

    @Test
    @DisplayName("checklist 24: a callback used twice is refused (ITSME-1205) with one token call")
    void replayed() throws Exception {
        PendingAuthorization p = start(client);
        AuthorizationResponse response = Browser.callback(p);
        client.exchange(response, p);
        assertThatThrownBy(() -> client.exchange(response, p)).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1205");
        assertThat(tokenCalls()).isEqualTo(1);
    }

    @Test
    @DisplayName("checklist 24: code missing (ITSME-1206); iss parameter not the issuer (ITSME-1207)")
    void codeMissingAndWrongIss() throws Exception {
        PendingAuthorization p = start(client);
        assertThatThrownBy(() -> client.exchange(AuthorizationResponse.of(Map.of("state", p.state())), p))
                .hasMessageStartingWith("ITSME-1206");
        assertThatThrownBy(() -> client.exchange(
                AuthorizationResponse.of(Map.of("state", p.state(), "code", "x", "iss", "https://evil/v2")), p))
                .hasMessageStartingWith("ITSME-1207");
        assertThat(tokenCalls()).isZero();
        AuthorizationResponse good = Browser.callback(p);
        Map<String, String> withIss = new HashMap<>(Map.of("state", p.state(), "iss", sim.issuer()));
        withIss.put("code", good.code().orElseThrow());
        assertThat(client.exchange(AuthorizationResponse.of(withIss), p).identity()).isNotNull();
    }

    @Test
    @DisplayName("checklist 26: a code from another login injected with this login's state fails (PKCE binds it)")
    void codeInjection() throws Exception {
        PendingAuthorization victim = start(client);
        PendingAuthorization attacker = start(client);
        String attackerCode = Browser.callback(attacker).code().orElseThrow();
        AuthorizationResponse injected = AuthorizationResponse
                .of(Map.of("state", victim.state(), "code", attackerCode));
        assertThatThrownBy(() -> client.exchange(injected, victim)).isInstanceOf(ItsmeException.class)
                .satisfies(e -> assertThat(((ItsmeException) e).messageId()).isIn("ITSME-1301", "ITSME-1415"));
        // the victim's login state is spent by the attempt (single-use); a fresh login succeeds
        PendingAuthorization again = start(client);
        assertThat(client.exchange(Browser.callback(again), again).identity().sub()).isNotBlank();
    }

    @Test
    @DisplayName("checklist 27: a discovery issuer other than the expected one refuses to start the login (ITSME-1103)")
    void issuerMismatch() throws Exception {
        ItsmeClient wrong = Simulators.client(sim, keys).expectedIssuer(sim.issuer() + "/").build();
        assertThatThrownBy(() -> start(wrong)).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1103");
        assertThat(sim.recordedRequests(Endpoint.AUTHORIZATION)).isEmpty();
        assertThat(sim.recordedRequests(Endpoint.JWKS)).isEmpty();
        // remembered for a while (ITSME-1104 naming the cause), without fetching again
        assertThatThrownBy(() -> start(wrong)).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1104").hasMessageContaining("ITSME-1103");
        assertThat(sim.recordedRequests(Endpoint.DISCOVERY)).hasSize(1);
    }

    @Test
    @DisplayName("a discovery failure is remembered for discoveryFailureMemory: after a 503 the first use after it succeeds")
    void discoveryRetried() throws Exception {
        MutableClock clock = new MutableClock();
        ItsmeClient timed = Simulators.client(sim, keys).clock(clock).build();
        sim.hooks().serverError(Endpoint.DISCOVERY, 503);
        assertThatThrownBy(() -> start(timed)).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1101");
        sim.reset();
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
        assertThatThrownBy(() -> start(timed)).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1104");
        clock.advance(ItsmeDefaults.DISCOVERY_FAILURE_MEMORY);
        PendingAuthorization p = start(timed);
        assertThat(timed.exchange(Browser.callback(p), p).identity()).isNotNull();
    }

    @Test
    @DisplayName("checklist 23: a token endpoint slower than the read timeout fails cleanly (ITSME-1120)")
    void slowToken() throws Exception {
        ItsmeClient impatient = Simulators.client(sim, keys).readTimeout(Duration.ofMillis(500)).build();
        PendingAuthorization p = start(impatient);
        AuthorizationResponse response = Browser.callback(p);
        sim.hooks().delay(Endpoint.TOKEN, Duration.ofSeconds(3));
        assertThatThrownBy(() -> impatient.exchange(response, p)).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1120");
    }

    @Test
    @DisplayName("checklist 23: a token endpoint that never answers fails cleanly (ITSME-1120)")
    void hangingToken() throws Exception {
        ItsmeClient impatient = Simulators.client(sim, keys).readTimeout(Duration.ofMillis(500)).build();
        PendingAuthorization p = start(impatient);
        AuthorizationResponse response = Browser.callback(p);
        sim.hooks().hang(Endpoint.TOKEN);
        assertThatThrownBy(() -> impatient.exchange(response, p)).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1120");
    }

    @Test
    @DisplayName("checklist 23: a token endpoint answering 5xx is a communication failure (ITSME-1122)")
    void tokenServerError() throws Exception {
        PendingAuthorization p = start(client);
        AuthorizationResponse response = Browser.callback(p);
        sim.hooks().serverError(Endpoint.TOKEN, 503);
        assertThatThrownBy(() -> client.exchange(response, p)).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1122");
    }

    @Test
    @DisplayName("checklist 2 end to end: an ID token with altered signature bytes is refused (ITSME-1407)")
    void badSignature() throws Exception {
        sim.hooks().alterNextIdToken(t -> t.corruptSignature());
        PendingAuthorization p = start(client);
        AuthorizationResponse response = Browser.callback(p);
        assertThatThrownBy(() -> client.exchange(response, p)).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1407");
    }

    @Test
    @DisplayName("checklist 5 end to end: an ID token from another issuer is refused (ITSME-1410)")
    void wrongIssuer() throws Exception {
        sim.hooks().alterNextIdToken(t -> t.claim("iss", "https://evil.example/v2"));
        PendingAuthorization p = start(client);
        AuthorizationResponse response = Browser.callback(p);
        assertThatThrownBy(() -> client.exchange(response, p)).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1410");
    }

    @Test
    @DisplayName("checklist 7 end to end: an expired ID token is refused (ITSME-1413)")
    void expiredIdToken() throws Exception {
        long past = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();
        sim.hooks().alterNextIdToken(t -> t.claim("exp", past).claim("iat", past - 300));
        PendingAuthorization p = start(client);
        AuthorizationResponse response = Browser.callback(p);
        assertThatThrownBy(() -> client.exchange(response, p)).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1413");
    }

    @Test
    @DisplayName("checklist 9 end to end: an ID token with another nonce is refused (ITSME-1415)")
    void wrongNonce() throws Exception {
        sim.hooks().alterNextIdToken(t -> t.claim("nonce", "replayed-from-elsewhere"));
        PendingAuthorization p = start(client);
        AuthorizationResponse response = Browser.callback(p);
        assertThatThrownBy(() -> client.exchange(response, p)).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1415");
    }

    @Test
    @DisplayName("checklist 10 end to end: acr basic returned when advanced was asked is refused (ITSME-1416)")
    void weakerAcr() throws Exception {
        sim.hooks().alterNextIdToken(t -> t.claim("acr", Acr.BASIC.uri()));
        PendingAuthorization p = client.authorize(AuthorizationRequest.login(Simulators.LOGIN).acr(Acr.ADVANCED));
        AuthorizationResponse response = Browser.callback(p);
        assertThatThrownBy(() -> client.exchange(response, p)).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1416");
    }

    @Test
    @DisplayName("checklist 20: userinfo 401 is ITSME-1501 with itsme's error; the ID token identity stays valid")
    void userInfoUnauthorized() throws Exception {
        PendingAuthorization p = start(client);
        ItsmeTokens tokens = client.exchange(Browser.callback(p), p);
        sim.reset(); // forgets the access token
        assertThatThrownBy(() -> client.userInfo(tokens)).isInstanceOfSatisfying(ItsmeErrorResponseException.class,
                e -> {
                    assertThat(e.messageId()).isEqualTo("ITSME-1501");
                    assertThat(e.error()).isEqualTo("invalid_token");
                });
        assertThat(tokens.identity().sub()).isNotBlank();
    }

    @Test
    @DisplayName("checklist 20: userinfo 5xx is ITSME-1122; the ID token identity stays valid")
    void userInfoServerError() throws Exception {
        PendingAuthorization p = start(client);
        ItsmeTokens tokens = client.exchange(Browser.callback(p), p);
        sim.hooks().serverError(Endpoint.USERINFO, 503);
        assertThatThrownBy(() -> client.userInfo(tokens)).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1122");
        assertThat(tokens.identity().sub()).isNotBlank();
    }

    @Test
    @DisplayName("checklist 20: userinfo slower than the read timeout is ITSME-1120")
    void userInfoTimeout() throws Exception {
        ItsmeClient impatient = Simulators.client(sim, keys).readTimeout(Duration.ofMillis(500)).build();
        PendingAuthorization p = start(impatient);
        ItsmeTokens tokens = impatient.exchange(Browser.callback(p), p);
        sim.hooks().hang(Endpoint.USERINFO);
        assertThatThrownBy(() -> impatient.userInfo(tokens)).isInstanceOf(ItsmeCommunicationException.class)
                .hasMessageStartingWith("ITSME-1120");
    }
}

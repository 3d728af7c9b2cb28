package io.github.itsmejakarta.testkit;

import io.github.itsmejakarta.testkit.internal.HookState;
import io.github.itsmejakarta.testkit.internal.Json;
import io.github.itsmejakarta.testkit.internal.SimResponse;
import io.github.itsmejakarta.testkit.internal.SimulatorKeys;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fault injection for relying-party tests. "Next" hooks fire once, on the next matching request; endpoint hooks
 * (delay, hang, server error) hold until {@link ItsmeSimulator#reset()}. Every hook is cleared by
 * {@link ItsmeSimulator#reset()}; the signing key rotation is not undone, extra published keys are removed.
 * <p>
 * Thread-safe.
 */
public final class SimulatorHooks {

    private final HookState state;
    private final SimulatorKeys keys;

    SimulatorHooks(HookState state, SimulatorKeys keys) {
        this.state = state;
        this.keys = keys;
    }

    /** The next valid authorization request is answered {@code error=access_denied}, as when the user refuses. */
    public SimulatorHooks denyNext() {
        state.denyNext();
        return this;
    }

    /**
     * The next approval (auto-approval or Approve on the page, whichever person was chosen there) is made as this
     * person instead: to show what a relying party does when itsme authenticates someone else than the caller who
     * started the flow, e.g. a Confirm started by A and approved by B. A {@code sub} the request pinned with
     * {@code "sub":{"value":...}} is deliberately not enforced for this approval (itsme would refuse it): the hook
     * exists to exercise the relying party's own check. A denial or a refused request leaves the hook waiting.
     */
    public SimulatorHooks nextApprovalAs(TestPerson person) {
        state.nextApprovalAs(Objects.requireNonNull(person, "person"));
        return this;
    }

    /**
     * The next valid authorization request is answered with this itsme error by redirect, e.g.
     * {@code temporary_unavailable}, {@code login_required}, {@code interaction_required}.
     */
    public SimulatorHooks failNextAuthorization(String error, String description) {
        state.failNextAuthorization(new HookState.AuthorizationFailure(Objects.requireNonNull(error, "error"),
                description));
        return this;
    }

    /**
     * The next token request is answered with this status and JSON {@code {"error":..., "detail":...}} (itsme's
     * field name; {@code detail} null leaves it out), before any check.
     */
    public SimulatorHooks failNextToken(int status, String error, String detail) {
        state.failNextToken(new HookState.TokenFailure(status, Objects.requireNonNull(error, "error"), detail));
        return this;
    }

    /**
     * Changes the next successful token response's JSON members before it is sent, e.g.
     * {@code m -> m.put("token_type", "bEaReR")}, {@code m -> m.remove("expires_in")},
     * {@code m -> m.put("id_token", 42)}. The ID token itself is still minted (and altered, if asked).
     */
    public SimulatorHooks alterNextTokenResponse(Consumer<Map<String, Object>> alteration) {
        state.alterNextTokenResponse(Objects.requireNonNull(alteration, "alteration"));
        return this;
    }

    /**
     * Answers the next token request with exactly this response, before any check: for non-JSON bodies, JSON
     * arrays, oversized bodies, odd statuses.
     */
    public SimulatorHooks respondNextToken(int status, String contentType, String body) {
        state.respondNextToken(SimResponse.text(status, Objects.requireNonNull(contentType, "contentType"),
                Objects.requireNonNull(body, "body"), Map.of("Cache-Control", "no-store")));
        return this;
    }

    /**
     * Publishes one more JWK in the simulator's JWKS, exactly as given (JSON object; any {@code kty}, {@code use}
     * or size), until reset: to test that an RP ignores {@code use=enc} or unknown keys and refuses small RSA keys.
     * Combine with {@link TokenAlteration#signWith} to sign with such a key.
     */
    public SimulatorHooks publishExtraKey(String jwkJson) {
        Map<String, Object> jwk;
        try {
            jwk = Json.parseObject(Objects.requireNonNull(jwkJson, "jwkJson"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JSON object", e);
        }
        if (!(jwk.get("kty") instanceof String)) {
            throw new IllegalArgumentException("a JWK needs a kty");
        }
        keys.publishExtraKey(jwk);
        return this;
    }

    /** Changes the next ID token the token endpoint issues. */
    public SimulatorHooks alterNextIdToken(Consumer<TokenAlteration> alteration) {
        Objects.requireNonNull(alteration, "alteration");
        state.alterNextIdToken(spec -> alteration.accept(new TokenAlteration(spec)));
        return this;
    }

    /** Changes the next userinfo response. */
    public SimulatorHooks alterNextUserInfo(Consumer<TokenAlteration> alteration) {
        Objects.requireNonNull(alteration, "alteration");
        state.alterNextUserInfo(spec -> alteration.accept(new TokenAlteration(spec)));
        return this;
    }

    /** The {@code Content-Type} of userinfo responses (default {@code application/jwt}; itsme also sent {@code application/json}). */
    public SimulatorHooks userInfoContentType(String contentType) {
        state.userInfoContentType(Objects.requireNonNull(contentType, "contentType"));
        return this;
    }

    /**
     * Rotates the signing key with rollover: a new key with a new {@code kid} signs from now on and is published;
     * the old ones stay published.
     *
     * @return the new key id
     */
    public String rotateSigningKey() {
        return keys.rotateSigningKey(true);
    }

    /**
     * Rotates the signing key.
     *
     * @param keepOldKeys false to stop publishing the previous signing keys at once
     * @return the new key id
     */
    public String rotateSigningKey(boolean keepOldKeys) {
        return keys.rotateSigningKey(keepOldKeys);
    }

    /** Answers every request to the endpoint after this delay (real time), until reset. */
    public SimulatorHooks delay(Endpoint endpoint, Duration delay) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        state.delay(endpoint, delay);
        return this;
    }

    /** Never answers requests to the endpoint until {@link ItsmeSimulator#reset()} or close (then 503). */
    public SimulatorHooks hang(Endpoint endpoint) {
        state.hang(Objects.requireNonNull(endpoint, "endpoint"));
        return this;
    }

    /** Answers every request to the endpoint with this status (5xx) and an HTML body, until reset. */
    public SimulatorHooks serverError(Endpoint endpoint, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error status is 5xx: " + status);
        }
        state.serverError(Objects.requireNonNull(endpoint, "endpoint"), status);
        return this;
    }
}

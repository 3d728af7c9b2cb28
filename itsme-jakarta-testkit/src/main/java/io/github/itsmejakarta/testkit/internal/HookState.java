package io.github.itsmejakarta.testkit.internal;

import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.TestPerson;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The test hooks' state: one-shot failures and token alterations (consumed by the next matching request),
 * per-endpoint delays, hangs and server errors (until reset). Thread-safe.
 */
public final class HookState {

    /** An authorization error to answer by redirect. */
    public record AuthorizationFailure(String error, String description) {
    }

    /** A token endpoint error. */
    public record TokenFailure(int status, String error, String detail) {
    }

    private final AtomicBoolean denyNext = new AtomicBoolean();
    private final AtomicReference<AuthorizationFailure> nextAuthorizationFailure = new AtomicReference<>();
    private final AtomicReference<TokenFailure> nextTokenFailure = new AtomicReference<>();
    private final AtomicReference<SimResponse> nextTokenResponse = new AtomicReference<>();
    private final AtomicReference<Consumer<Map<String, Object>>> nextTokenResponseAlteration = new AtomicReference<>();
    private final AtomicReference<Consumer<TokenAlterationSpec>> nextIdToken = new AtomicReference<>();
    private final AtomicReference<Consumer<TokenAlterationSpec>> nextUserInfo = new AtomicReference<>();
    private final AtomicReference<String> userInfoContentType = new AtomicReference<>();
    private final AtomicReference<TestPerson> nextApprover = new AtomicReference<>();
    private final ConcurrentMap<Endpoint, Duration> delays = new ConcurrentHashMap<>();
    private final Set<Endpoint> hangs = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<Endpoint, Integer> serverErrors = new ConcurrentHashMap<>();
    private volatile CountDownLatch hangRelease = new CountDownLatch(1);

    public void denyNext() {
        denyNext.set(true);
    }

    public boolean takeDenyNext() {
        return denyNext.getAndSet(false);
    }

    public void failNextAuthorization(AuthorizationFailure failure) {
        nextAuthorizationFailure.set(failure);
    }

    public Optional<AuthorizationFailure> takeAuthorizationFailure() {
        return Optional.ofNullable(nextAuthorizationFailure.getAndSet(null));
    }

    public void failNextToken(TokenFailure failure) {
        nextTokenFailure.set(failure);
    }

    public Optional<TokenFailure> takeTokenFailure() {
        return Optional.ofNullable(nextTokenFailure.getAndSet(null));
    }

    public void respondNextToken(SimResponse response) {
        nextTokenResponse.set(response);
    }

    public Optional<SimResponse> takeTokenResponse() {
        return Optional.ofNullable(nextTokenResponse.getAndSet(null));
    }

    public void alterNextTokenResponse(Consumer<Map<String, Object>> alteration) {
        nextTokenResponseAlteration.set(alteration);
    }

    public Optional<Consumer<Map<String, Object>>> takeTokenResponseAlteration() {
        return Optional.ofNullable(nextTokenResponseAlteration.getAndSet(null));
    }

    public void alterNextIdToken(Consumer<TokenAlterationSpec> alteration) {
        nextIdToken.set(alteration);
    }

    public Optional<Consumer<TokenAlterationSpec>> takeIdTokenAlteration() {
        return Optional.ofNullable(nextIdToken.getAndSet(null));
    }

    public void alterNextUserInfo(Consumer<TokenAlterationSpec> alteration) {
        nextUserInfo.set(alteration);
    }

    public Optional<Consumer<TokenAlterationSpec>> takeUserInfoAlteration() {
        return Optional.ofNullable(nextUserInfo.getAndSet(null));
    }

    public void userInfoContentType(String contentType) {
        userInfoContentType.set(contentType);
    }

    public Optional<String> userInfoContentType() {
        return Optional.ofNullable(userInfoContentType.get());
    }

    public void nextApprovalAs(TestPerson person) {
        nextApprover.set(person);
    }

    public Optional<TestPerson> takeNextApprover() {
        return Optional.ofNullable(nextApprover.getAndSet(null));
    }

    public void delay(Endpoint endpoint, Duration delay) {
        if (delay.isZero()) {
            delays.remove(endpoint);
        } else {
            delays.put(endpoint, delay);
        }
    }

    public Optional<Duration> delayOf(Endpoint endpoint) {
        return Optional.ofNullable(delays.get(endpoint));
    }

    public void hang(Endpoint endpoint) {
        hangs.add(endpoint);
    }

    public boolean hangs(Endpoint endpoint) {
        return hangs.contains(endpoint);
    }

    /** Blocks until {@link #reset()} or {@link #releaseHangs()}; returns at once when already released. */
    public void awaitRelease() throws InterruptedException {
        CountDownLatch latch = hangRelease;
        while (!latch.await(1, TimeUnit.SECONDS)) {
            if (latch != hangRelease) {
                return;
            }
        }
    }

    public void serverError(Endpoint endpoint, int status) {
        serverErrors.put(endpoint, status);
    }

    public Optional<Integer> serverErrorOf(Endpoint endpoint) {
        return Optional.ofNullable(serverErrors.get(endpoint));
    }

    /** Lets every hung request go, without clearing the hooks. */
    public void releaseHangs() {
        CountDownLatch old = hangRelease;
        hangRelease = new CountDownLatch(1);
        old.countDown();
    }

    /** Clears every hook and lets hung requests go. */
    public void reset() {
        denyNext.set(false);
        nextAuthorizationFailure.set(null);
        nextTokenFailure.set(null);
        nextTokenResponse.set(null);
        nextTokenResponseAlteration.set(null);
        nextIdToken.set(null);
        nextUserInfo.set(null);
        userInfoContentType.set(null);
        nextApprover.set(null);
        delays.clear();
        hangs.clear();
        serverErrors.clear();
        releaseHangs();
    }
}

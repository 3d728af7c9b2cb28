package io.github.itsmejakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ItsmeDefaultsTest {
    @Test
    @DisplayName("each check names why a value is refused: zero, negative, above the limit, absent")
    void refused() {
        assertThat(ItsmeDefaults.timeoutProblem(Duration.ZERO)).hasValueSatisfying(p -> assertThat(p).contains("0"));
        assertThat(ItsmeDefaults.timeoutProblem(Duration.ofSeconds(-1))).isPresent();
        assertThat(ItsmeDefaults.timeoutProblem(ItsmeDefaults.MAX_TIMEOUT.plusNanos(1))).isPresent();
        assertThat(ItsmeDefaults.clockSkewProblem(Duration.ofMinutes(6))).hasValueSatisfying(
                p -> assertThat(p).contains(ItsmeDefaults.MAX_CLOCK_SKEW.toString()));
        assertThat(ItsmeDefaults.clockSkewProblem(Duration.ofSeconds(-1))).isPresent();
        assertThat(ItsmeDefaults.jwksRefetchIntervalProblem(Duration.ofMillis(500))).isPresent();
        assertThat(ItsmeDefaults.jwksRefetchIntervalProblem(Duration.ZERO)).isPresent();
        assertThat(ItsmeDefaults.jwksRefetchIntervalProblem(Duration.ofMinutes(61))).isPresent();
        assertThat(ItsmeDefaults.jwksRefetchIntervalProblem(null)).isPresent();
        assertThat(ItsmeDefaults.pendingLifetimeProblem(Duration.ZERO)).isPresent();
        assertThat(ItsmeDefaults.maxTokenAgeProblem(null)).hasValue("missing");
        assertThat(ItsmeDefaults.maxResponseBytesProblem(ItsmeDefaults.MIN_RESPONSE_BYTES - 1)).isPresent();
    }

    @Test
    @DisplayName("accepting twin: the defaults pass their own checks, and a zero clock skew is allowed")
    void defaultsPass() {
        assertThat(ItsmeDefaults.timeoutProblem(ItsmeDefaults.CONNECT_TIMEOUT)).isEmpty();
        assertThat(ItsmeDefaults.timeoutProblem(ItsmeDefaults.READ_TIMEOUT)).isEmpty();
        assertThat(ItsmeDefaults.clockSkewProblem(ItsmeDefaults.CLOCK_SKEW)).isEmpty();
        assertThat(ItsmeDefaults.clockSkewProblem(Duration.ZERO)).isEmpty();
        assertThat(ItsmeDefaults.jwksRefetchIntervalProblem(ItsmeDefaults.JWKS_REFETCH_INTERVAL)).isEmpty();
        assertThat(ItsmeDefaults.jwksRefetchIntervalProblem(Duration.ofSeconds(1))).isEmpty();
        assertThat(ItsmeDefaults.jwksRefetchIntervalProblem(Duration.ofHours(1))).isEmpty();
        assertThat(ItsmeDefaults.maxTokenAgeProblem(ItsmeDefaults.MAX_TOKEN_AGE)).isEmpty();
        assertThat(ItsmeDefaults.pendingLifetimeProblem(ItsmeDefaults.PENDING_LIFETIME)).isEmpty();
        assertThat(ItsmeDefaults.maxResponseBytesProblem(ItsmeDefaults.MAX_RESPONSE_BYTES)).isEmpty();
        assertThat(ItsmeDefaults.CLOCK_SKEW).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example/cb", "http://10.0.0.1/cb", "http://localhost.evil.com/cb",
            "http://128.0.0.1/cb", "ftp://127.0.0.1/x", "/relative/path", "http:opaque"})
    @DisplayName("LoopbackUris: plain http to anything but loopback, other schemes and relative URIs are refused")
    void notSecure(String uri) {
        assertThat(LoopbackUris.isSecureOrLoopback(URI.create(uri))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example/cb", "http://127.0.0.1:8080/cb", "http://LOCALHOST/cb",
            "http://[::1]:9/cb", "http://127.255.0.1/cb"})
    @DisplayName("accepting twin: https anywhere, plain http to loopback")
    void secure(String uri) {
        assertThat(LoopbackUris.isSecureOrLoopback(URI.create(uri))).isTrue();
    }

    @Test
    @DisplayName("LoopbackUris.isLoopbackHost decides on the literal host, without DNS")
    void loopbackHost() {
        assertThat(LoopbackUris.isLoopbackHost("localhost")).isTrue();
        assertThat(LoopbackUris.isLoopbackHost("127.0.0.1")).isTrue();
        assertThat(LoopbackUris.isLoopbackHost("::1")).isTrue();
        assertThat(LoopbackUris.isLoopbackHost("localhost.example")).isFalse();
        assertThat(LoopbackUris.isLoopbackHost("127.0.0.256")).isFalse();
        assertThat(LoopbackUris.isSecureOrLoopback(null)).isFalse();
    }
}

package io.github.itsmejakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.itsmejakarta.core.support.Browser;
import io.github.itsmejakarta.core.support.SimulatorFlowTest;
import io.github.itsmejakarta.core.support.Simulators;
import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;
import io.github.itsmejakarta.core.telemetry.OpenTelemetryItsmeTelemetry;
import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.TestPersons;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11: spans and metrics of itsme calls through the OpenTelemetry API, checked with the SDK's in-memory exporter
 * over a real login against the simulator; no personal data in any attribute; nothing loaded without the API.
 */
class TelemetryFlowTest extends SimulatorFlowTest {
    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    @Override
    protected ItsmeClientBuilder configure(ItsmeClientBuilder builder) {
        return builder.telemetry(OpenTelemetryItsmeTelemetry.of(OTEL.getOpenTelemetry()));
    }

    private static SpanData span(String name) {
        return OTEL.getSpans().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + OTEL.getSpans()));
    }

    private static Optional<MetricData> metric(String name) {
        return OTEL.getMetrics().stream().filter(m -> m.getName().equals(name)).findFirst();
    }

    private static long count(String name, String attribute, String value) {
        return metric(name).map(m -> m.getLongSumData().getPoints().stream()
                .filter(p -> value.equals(p.getAttributes().get(AttributeKey.stringKey(attribute))))
                .mapToLong(LongPointData::getValue).sum()).orElse(0L);
    }

    private ItsmeTokens login() throws Exception {
        PendingAuthorization pending = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
        return client.exchange(Browser.callback(pending), pending);
    }

    @Test
    @DisplayName("a login: one CLIENT span per itsme endpoint under the callback span, and the login counters")
    void loginSpansAndCounters() throws Exception {
        ItsmeTokens tokens = login();

        SpanData callback = span("itsme callback");
        assertThat(callback.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(callback.getAttributes().get(AttributeKey.stringKey("itsme.flow"))).isEqualTo("login");
        SpanData token = span("itsme token");
        assertThat(token.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(token.getParentSpanId()).isEqualTo(callback.getSpanId());
        assertThat(token.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        assertThat(token.getAttributes().get(AttributeKey.stringKey("http.request.method"))).isEqualTo("POST");
        assertThat(token.getAttributes().get(AttributeKey.stringKey("server.address"))).isEqualTo("127.0.0.1");
        assertThat(span("itsme discovery").getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span("itsme jwks").getAttributes().get(AttributeKey.stringKey("itsme.endpoint")))
                .isEqualTo("jwks");

        assertThat(count("itsme.logins.started", "itsme.flow", "login")).isEqualTo(1);
        assertThat(count("itsme.logins.succeeded", "itsme.flow", "login")).isEqualTo(1);
        assertThat(metric("itsme.logins.failed")).isEmpty();
        assertThat(metric("itsme.client.duration")).hasValueSatisfying(m -> assertThat(m.getHistogramData()
                .getPoints()).anySatisfy(
                        p -> assertThat(p.getAttributes().get(AttributeKey.stringKey(
                                "itsme.endpoint"))).isEqualTo("token")));

        // no personal data and no secret in any attribute of any span
        List<String> values = new ArrayList<>();
        OTEL.getSpans().forEach(s -> s.getAttributes().forEach((k, v) -> values.add(String.valueOf(v))));
        assertThat(values).isNotEmpty().noneMatch(v -> v.contains(tokens.identity().sub()))
                .noneMatch(v -> v.contains(tokens.accessToken())).noneMatch(v -> v.contains(Simulators.CLIENT_ID));
    }

    @Test
    @DisplayName("a refused callback: the callback span is an error with the message id, the failure is counted by id")
    void refusedCallback() throws Exception {
        sim.hooks().denyNext();
        PendingAuthorization pending = client.authorize(AuthorizationRequest.login(Simulators.LOGIN));
        AuthorizationResponse denied = Browser.callback(pending);

        assertThatThrownBy(() -> client.exchange(denied, pending)).isInstanceOf(ItsmeErrorResponseException.class);

        SpanData callback = span("itsme callback");
        assertThat(callback.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(callback.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("ITSME-1201");
        assertThat(count("itsme.logins.failed", "itsme.message_id", "ITSME-1201")).isEqualTo(1);
        assertThat(metric("itsme.logins.succeeded")).isEmpty();
    }

    @Test
    @DisplayName("itsme answering 503 at discovery: the span carries the status and is an error")
    void outageShowsInTheSpan() {
        sim.hooks().serverError(Endpoint.DISCOVERY, 503);

        assertThatThrownBy(() -> client.authorize(AuthorizationRequest.login(Simulators.LOGIN)))
                .isInstanceOf(ItsmeException.class);

        SpanData discovery = span("itsme discovery");
        assertThat(discovery.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(503L);
        assertThat(discovery.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(metric("itsme.logins.started")).isEmpty();
    }

    @Test
    @DisplayName("automatic(): the global OpenTelemetry instance, once one is registered")
    void automaticUsesTheGlobalInstance() throws Exception {
        client = Simulators.client(sim, keys).telemetry(ItsmeTelemetry.automatic()).build();
        sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);

        login();

        assertThat(OTEL.getSpans()).extracting(SpanData::getName).contains("itsme token", "itsme callback");
    }

    @Test
    @DisplayName("without the OpenTelemetry API on the class path: automatic() reports nothing and a client builds")
    void absentApiLoadsNothing() throws Exception {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.contains("opentelemetry")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Thread thread = Thread.currentThread();
            ClassLoader original = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                Class<?> probe = loader.loadClass(TelemetryAbsentProbe.class.getName());
                assertThatThrownBy(() -> loader.loadClass("io.opentelemetry.api.OpenTelemetry"))
                        .as("the isolated loader must not see OpenTelemetry")
                        .isInstanceOf(ClassNotFoundException.class);
                assertThat(probe.getMethod("probe").invoke(null)).isEqualTo("NoTelemetry ItsmeClient");
            } finally {
                thread.setContextClassLoader(original);
            }
        }
    }
}

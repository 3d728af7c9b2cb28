package io.github.itsmejakarta.core.telemetry;

import io.github.itsmejakarta.core.Service;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link ItsmeTelemetry} through the OpenTelemetry API (an optional dependency of core).
 *
 * <p>Spans: {@code itsme discovery}, {@code itsme jwks}, {@code itsme token}, {@code itsme userinfo} (kind CLIENT,
 * with {@code http.request.method}, {@code server.address}, {@code http.response.status_code} and, on failure,
 * {@code error.type} set to the message id) and {@code itsme callback} (kind INTERNAL, {@code itsme.flow}); each is
 * a child of the span current when it starts, so on a server with MicroProfile Telemetry it sits under the request's
 * server span. Metrics: counters {@code itsme.logins.started}, {@code itsme.logins.succeeded},
 * {@code itsme.logins.failed} (with {@code itsme.flow}, and {@code itsme.message_id} for failures) and the histogram
 * {@code itsme.client.duration} in seconds per {@code itsme.endpoint} (the token endpoint's latency among them).
 * No attribute carries personal data.
 *
 * <p>Thread-safe: instruments are built once per {@link OpenTelemetry} instance.
 */
public final class OpenTelemetryItsmeTelemetry implements ItsmeTelemetry {
    static final String SCOPE = "io.github.itsmejakarta";
    private static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("itsme.endpoint");
    private static final AttributeKey<String> FLOW = AttributeKey.stringKey("itsme.flow");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("itsme.message_id");
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final Supplier<OpenTelemetry> source;
    private volatile Instruments instruments;

    private OpenTelemetryItsmeTelemetry(Supplier<OpenTelemetry> source) {
        this.source = source;
    }

    /** Reports to this OpenTelemetry instance (e.g. the one a server with MicroProfile Telemetry injects). */
    public static ItsmeTelemetry of(OpenTelemetry openTelemetry) {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        return new OpenTelemetryItsmeTelemetry(() -> openTelemetry);
    }

    /**
     * Reports to {@code GlobalOpenTelemetry} as it is at each operation; until something registers a global instance
     * this reports nothing, and it never locks the global instance to a no-op (it reads it with
     * {@code getOrNoop()}).
     */
    public static ItsmeTelemetry global() {
        return new OpenTelemetryItsmeTelemetry(GlobalOpenTelemetry::getOrNoop);
    }

    private Instruments instruments() {
        OpenTelemetry current = source.get();
        Instruments i = instruments;
        if (i == null || i.openTelemetry != current) {
            i = new Instruments(current);
            instruments = i;
        }
        return i;
    }

    @Override
    public Operation outbound(String endpoint, String method, String host) {
        Instruments i = instruments();
        Span span = i.tracer.spanBuilder("itsme " + endpoint).setSpanKind(SpanKind.CLIENT)
                .setAttribute(ENDPOINT, endpoint).setAttribute(METHOD, method).setAttribute(SERVER, host)
                .startSpan();
        return new TimedSpan(i, span, Attributes.of(ENDPOINT, endpoint));
    }

    @Override
    public Operation callback(Service service) {
        Instruments i = instruments();
        Span span = i.tracer.spanBuilder("itsme callback").setSpanKind(SpanKind.INTERNAL)
                .setAttribute(FLOW, flow(service)).startSpan();
        return new TimedSpan(i, span, null);
    }

    @Override
    public void loginStarted(Service service) {
        instruments().started.add(1, Attributes.of(FLOW, flow(service)));
    }

    @Override
    public void loginSucceeded(Service service) {
        instruments().succeeded.add(1, Attributes.of(FLOW, flow(service)));
    }

    @Override
    public void loginFailed(Service service, String messageId) {
        instruments().failed.add(1, Attributes.of(FLOW, flow(service), MESSAGE_ID, messageId));
    }

    private static String flow(Service service) {
        // a callback that matched no login in progress has no flow
        return service == null ? "unknown" : service.name().toLowerCase(Locale.ROOT);
    }

    /** The tracer and instruments of one OpenTelemetry instance. */
    private static final class Instruments {
        final OpenTelemetry openTelemetry;
        final Tracer tracer;
        final LongCounter started;
        final LongCounter succeeded;
        final LongCounter failed;
        final DoubleHistogram duration;

        Instruments(OpenTelemetry openTelemetry) {
            this.openTelemetry = openTelemetry;
            this.tracer = openTelemetry.getTracer(SCOPE);
            Meter meter = openTelemetry.getMeter(SCOPE);
            this.started = meter.counterBuilder("itsme.logins.started").setDescription("itsme logins started")
                    .build();
            this.succeeded = meter.counterBuilder("itsme.logins.succeeded")
                    .setDescription("itsme logins completed with a valid ID token").build();
            this.failed = meter.counterBuilder("itsme.logins.failed")
                    .setDescription("itsme logins refused or failed, by message id").build();
            this.duration = meter.histogramBuilder("itsme.client.duration").setUnit("s")
                    .setDescription("Duration of calls to itsme, by endpoint").build();
        }
    }

    /** A span made current while it runs; for outbound calls also a duration measurement. */
    private static final class TimedSpan implements Operation {
        private final Instruments instruments;
        private final Span span;
        private final Attributes durationAttributes;
        private final Scope scope;
        private final long startNanos = System.nanoTime();

        TimedSpan(Instruments instruments, Span span, Attributes durationAttributes) {
            this.instruments = instruments;
            this.span = span;
            this.durationAttributes = durationAttributes;
            this.scope = span.makeCurrent();
        }

        @Override
        public void status(int httpStatus) {
            span.setAttribute(STATUS, (long) httpStatus);
            if (httpStatus >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
        }

        @Override
        public void failed(String messageId) {
            span.setAttribute(ERROR_TYPE, messageId);
            span.setStatus(StatusCode.ERROR, messageId);
        }

        @Override
        public void end() {
            scope.close();
            span.end();
            if (durationAttributes != null) {
                instruments.duration.record((System.nanoTime() - startNanos) / 1e9, durationAttributes);
            }
        }
    }
}

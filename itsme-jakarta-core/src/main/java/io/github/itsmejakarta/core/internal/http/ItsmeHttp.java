package io.github.itsmejakarta.core.internal.http;

import io.github.itsmejakarta.core.ItsmeCommunicationException;
import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The only way core talks to itsme: {@link HttpClient} with an explicit connect timeout, a deadline for the whole
 * answer (headers and body) and a bound on the body size. Redirects are not followed: itsme's endpoints answer
 * directly, and following them would let a compromised answer steer the client.
 *
 * <p>Failures become {@link ItsmeCommunicationException}s: ITSME-1120 (timeout), 1121 (unreachable), 1123 (too
 * large). Status codes are returned to the caller, who knows what each means at its endpoint. Nothing of a request
 * or answer body is logged, only the endpoint's name and the status. Every call is reported to the client's
 * {@link ItsmeTelemetry} as one outbound operation (endpoint, method, host, status or message id).
 *
 * <p>Thread-safe; one per client.
 */
public final class ItsmeHttp {
    private static final System.Logger LOG = System.getLogger(ItsmeHttp.class.getName());

    /** The default bound on an answer's size. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

    private final HttpClient client;
    private final Duration readTimeout;
    private final Duration deadline;
    private final int maxResponseBytes;
    private final ItsmeTelemetry telemetry;

    /** A client with these timeouts and body bound, reporting each call to {@code telemetry}. */
    public ItsmeHttp(Duration connectTimeout, Duration readTimeout, int maxResponseBytes, ItsmeTelemetry telemetry) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: itsme's endpoints speak it, and for plain-http loopback servers (the simulator) it avoids
                // the h2c upgrade dance
                .version(HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = readTimeout;
        // the request timeout covers the wait for headers; the deadline also bounds a body that trickles in slowly
        this.deadline = connectTimeout.plus(readTimeout);
        this.maxResponseBytes = maxResponseBytes;
        this.telemetry = telemetry;
    }

    /** GET {@code uri}, {@code what} naming the endpoint for messages. */
    public HttpResult get(URI uri, String what, Map<String, String> headers) throws ItsmeCommunicationException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        headers.forEach(b::header);
        return send(b, what);
    }

    /** POST an {@code application/x-www-form-urlencoded} form. */
    public HttpResult postForm(URI uri, String what, Map<String, String> form) throws ItsmeCommunicationException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        return send(b, what);
    }

    private HttpResult send(HttpRequest.Builder builder, String what) throws ItsmeCommunicationException {
        HttpRequest request = builder.timeout(readTimeout).header("Accept", "application/json, application/jwt")
                .build();
        ItsmeTelemetry.Operation operation = telemetry.outbound(endpointName(what), request.method(),
                request.uri().getHost());
        try {
            HttpResult result = send(request, what);
            operation.status(result.status());
            return result;
        } catch (ItsmeCommunicationException e) {
            operation.failed(e.messageId());
            throw e;
        } finally {
            operation.end();
        }
    }

    /** "token endpoint" → "token": the short name telemetry uses. */
    static String endpointName(String what) {
        return what.endsWith(" endpoint") ? what.substring(0, what.length() - " endpoint".length()) : what;
    }

    private HttpResult send(HttpRequest request, String what) throws ItsmeCommunicationException {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request,
                info -> new LimitedBodySubscriber(maxResponseBytes));
        try {
            HttpResponse<byte[]> response = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            LOG.log(Level.DEBUG, "{0} answered HTTP {1}", what, response.statusCode());
            return new HttpResult(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(what, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ItsmeCommunicationException(ItsmeMessage.HTTP_UNREACHABLE, e, what + ": interrupted");
        } catch (CancellationException e) {
            throw new ItsmeCommunicationException(ItsmeMessage.HTTP_UNREACHABLE, e, what + ": cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LimitedBodySubscriber.TooLargeException) {
                throw new ItsmeCommunicationException(ItsmeMessage.HTTP_RESPONSE_TOO_LARGE, maxResponseBytes, what);
            }
            if (cause instanceof HttpConnectTimeoutException) {
                throw new ItsmeCommunicationException(ItsmeMessage.HTTP_UNREACHABLE, cause, what + ": connect timeout");
            }
            if (cause instanceof HttpTimeoutException) {
                throw timeout(what, cause);
            }
            if (cause instanceof IOException) {
                LOG.log(Level.DEBUG, "{0} unreachable: {1}", what, cause.toString());
                throw new ItsmeCommunicationException(ItsmeMessage.HTTP_UNREACHABLE, cause,
                        what + ": " + cause.getClass().getSimpleName());
            }
            throw new ItsmeCommunicationException(ItsmeMessage.HTTP_UNREACHABLE, cause, what + ": " + cause);
        }
    }

    private ItsmeCommunicationException timeout(String what, Throwable cause) {
        LOG.log(Level.DEBUG, "{0} timed out", what);
        return new ItsmeCommunicationException(ItsmeMessage.HTTP_TIMEOUT, cause, readTimeout, what);
    }
}

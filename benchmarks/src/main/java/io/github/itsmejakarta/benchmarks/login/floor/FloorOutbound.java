package io.github.itsmejakarta.benchmarks.login.floor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The floor's stand-in for the itsme mechanism's outbound calls (token endpoint, userinfo): one GET of
 * {@code floor.outbound-uri} (a system property of the server; LoginLoad points it at the simulator's discovery
 * document, a few KB of JSON) with one shared JDK {@link HttpClient} configured as core's (HTTP/1.1, no redirects,
 * timeouts). Without the property, nothing is called.
 *
 * <p>Thread-safe.
 */
final class FloorOutbound {
    private static final String TARGET = System.getProperty("floor.outbound-uri");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private FloorOutbound() {
    }

    static void call() {
        if (TARGET == null) {
            return;
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create(TARGET)).timeout(Duration
                    .ofSeconds(10)).header("Accept", "application/json").build(), HttpResponse.BodyHandlers
                            .ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(TARGET + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.github.itsmejakarta.core.support;

import io.github.itsmejakarta.core.AuthorizationResponse;
import io.github.itsmejakarta.core.PendingAuthorization;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plays the user's browser against the simulator in auto-approve mode: opens the authorization URL and reads the
 * redirect back to the application, without following it.
 */
public final class Browser {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Browser() {
    }

    /** The callback parameters itsme redirects the browser back with. */
    public static AuthorizationResponse callback(PendingAuthorization pending) throws Exception {
        HttpResponse<String> response = open(pending.uri());
        if (response.statusCode() != 302) {
            throw new AssertionError("expected a redirect to the application, got HTTP " + response.statusCode()
                    + ": " + response.body());
        }
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return AuthorizationResponse.fromUri(location);
    }

    /** GET without following redirects. */
    public static HttpResponse<String> open(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

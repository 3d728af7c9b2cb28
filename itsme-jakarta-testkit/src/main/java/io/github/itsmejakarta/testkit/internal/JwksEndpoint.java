package io.github.itsmejakarta.testkit.internal;

/**
 * {@code GET /v2/jwks} (RFC 7517 section 5): the simulator's public signing keys (current and rolled-over) and its
 * encryption key. Thread-safe.
 */
public final class JwksEndpoint {

    private final SimulatorKeys keys;

    public JwksEndpoint(SimulatorKeys keys) {
        this.keys = keys;
    }

    public SimResponse handle(SimRequest request) {
        return SimResponse.text(200, "application/json", keys.publicJwksJson(),
                java.util.Map.of("Cache-Control", "max-age=60"));
    }
}

package io.github.itsmejakarta.testkit;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A relying party registered at the simulator, as itsme registers it at onboarding: its client id, its public JWK
 * set (given inline or served at a {@code jwks_uri} that the simulator fetches), its redirect URIs (exact,
 * case-sensitive match, query included) and its service codes.
 * <p>
 * Immutable and thread-safe.
 */
public final class SimulatedClient {

    private final String clientId;
    private final String publicJwks;
    private final URI jwksUri;
    private final Set<String> redirectUris;
    private final Map<String, ServiceType> services;

    private SimulatedClient(Builder builder) {
        this.clientId = builder.clientId;
        this.publicJwks = builder.publicJwks;
        this.jwksUri = builder.jwksUri;
        this.redirectUris = Collections.unmodifiableSet(new LinkedHashSet<>(builder.redirectUris));
        this.services = Collections.unmodifiableMap(new LinkedHashMap<>(builder.services));
    }

    /** Starts a client registration. */
    public static Builder builder(String clientId) {
        return new Builder(clientId);
    }

    public String clientId() {
        return clientId;
    }

    /** The RP's public JWK set as JSON, when given inline. */
    public Optional<String> publicJwks() {
        return Optional.ofNullable(publicJwks);
    }

    /** Where the simulator fetches the RP's public JWK set, when not given inline. */
    public Optional<URI> jwksUri() {
        return Optional.ofNullable(jwksUri);
    }

    /** The registered redirect URIs, compared as exact strings. */
    public Set<String> redirectUris() {
        return redirectUris;
    }

    /** Service code to service type. */
    public Map<String, ServiceType> services() {
        return services;
    }

    @Override
    public String toString() {
        return "SimulatedClient[" + clientId + ", services=" + services.keySet() + "]";
    }

    /** Builds a {@link SimulatedClient}; not thread-safe. */
    public static final class Builder {
        private final String clientId;
        private String publicJwks;
        private URI jwksUri;
        private final Set<String> redirectUris = new LinkedHashSet<>();
        private final Map<String, ServiceType> services = new LinkedHashMap<>();

        private Builder(String clientId) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            if (clientId.isBlank()) {
                throw new IllegalArgumentException("client id must not be blank");
            }
        }

        /**
         * The RP's public JWK set (JSON {@code {"keys":[...]}}): {@code use=sig} keys verify its client assertions
         * and request objects, a {@code use=enc} key receives the ID tokens and userinfo.
         */
        public Builder publicJwks(String jwksJson) {
            this.publicJwks = Objects.requireNonNull(jwksJson, "jwksJson");
            this.jwksUri = null;
            return this;
        }

        /**
         * Where the RP serves its public JWK set. The simulator fetches it when it needs a key, keeps it for the
         * response's {@code Cache-Control: max-age} (not at all without one) and fetches again when a {@code kid}
         * is unknown. {@code http} is allowed only to loopback addresses.
         */
        public Builder jwksUri(URI uri) {
            this.jwksUri = Objects.requireNonNull(uri, "uri");
            this.publicJwks = null;
            return this;
        }

        /** Adds a redirect URI; call once per URI. */
        public Builder redirectUri(String uri) {
            URI parsed = URI.create(Objects.requireNonNull(uri, "uri"));
            if (parsed.getRawFragment() != null || !parsed.isAbsolute()) {
                throw new IllegalArgumentException("redirect URI must be absolute without fragment: " + uri);
            }
            redirectUris.add(uri);
            return this;
        }

        /** Adds redirect URIs. */
        public Builder redirectUris(List<String> uris) {
            uris.forEach(this::redirectUri);
            return this;
        }

        /** Registers a service code ({@code scope=service:<code>}) of a type. */
        public Builder service(String code, ServiceType type) {
            Objects.requireNonNull(code, "code");
            if (code.isBlank() || code.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("service code must be one word: " + code);
            }
            services.put(code, Objects.requireNonNull(type, "type"));
            return this;
        }

        public SimulatedClient build() {
            if (publicJwks == null && jwksUri == null) {
                throw new IllegalStateException("client " + clientId + " needs publicJwks(...) or jwksUri(...)");
            }
            if (redirectUris.isEmpty()) {
                throw new IllegalStateException("client " + clientId + " needs at least one redirect URI");
            }
            if (services.isEmpty()) {
                throw new IllegalStateException("client " + clientId + " needs at least one service");
            }
            return new SimulatedClient(this);
        }
    }
}

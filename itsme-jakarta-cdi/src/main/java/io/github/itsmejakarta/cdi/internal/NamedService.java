package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.Scope;
import io.github.itsmejakarta.core.Service;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One named service ({@code itsme.services.<name>.*}), resolved at deployment by {@link SettingsResolver} with every
 * value it does not set taken from the top level: its flow, service code, scopes, claims and acr, and the client it
 * logs in with (client id, keys, redirect URI). Services with the same client id share one core client.
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves out the keys.
 *
 * @param redirectUri nullable: then built from the request that starts the login
 */
public record NamedService(String name, Service flow, String serviceCode, List<Scope> scopes, List<String> claims,
        Acr acr, String clientId, RelyingPartyKeys keys, URI redirectUri) {
    public NamedService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(serviceCode, "serviceCode");
        scopes = List.copyOf(scopes);
        claims = List.copyOf(claims);
        Objects.requireNonNull(acr, "acr");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(keys, "keys");
    }

    @Override
    public String toString() {
        return "NamedService[" + name + ", " + flow + ", serviceCode=" + serviceCode + ", clientId=" + clientId
                + ", redirectUri=" + redirectUri + "]";
    }
}

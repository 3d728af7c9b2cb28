package io.github.itsmejakarta.testkit.internal;

import io.github.itsmejakarta.testkit.SimulatedClient;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The relying parties registered at the simulator, with their keys. Thread-safe; clients can be added live. */
public final class Clients {

    /** A client and its keys. */
    public record Registered(SimulatedClient client, ClientKeys keys) {
    }

    private final ConcurrentMap<String, Registered> clients = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final Clock clock;

    public Clients(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Registers or replaces a client. */
    public void register(SimulatedClient client) {
        clients.put(client.clientId(), new Registered(client, new ClientKeys(client, http, clock)));
    }

    /** A registered client. */
    public Optional<Registered> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    /** Forgets every fetched JWK set. */
    public void forgetFetchedKeys() {
        clients.values().forEach(r -> r.keys().forget());
    }
}

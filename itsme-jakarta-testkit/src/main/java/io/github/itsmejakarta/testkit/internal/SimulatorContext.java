package io.github.itsmejakarta.testkit.internal;

import io.github.itsmejakarta.testkit.Leniency;
import io.github.itsmejakarta.testkit.TestPerson;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything the endpoints share: the issuer, clock, keys, clients, persons, stores and hooks of one running
 * simulator. Thread-safe (every member is).
 */
public final class SimulatorContext {

    /** Authorization codes live 3 minutes (itsme-protocol.md). */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(3);
    /** Access tokens live an hour ({@code expires_in} 3600). */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
    /** How long the authorization page waits for a decision. */
    public static final Duration CONSENT_LIFETIME = Duration.ofMinutes(15);

    public final String issuer;
    public final Clock clock;
    public final SimulatorKeys keys;
    public final Clients clients;
    public final HookState hooks;
    public final RequestRecorder recorder;
    public final AtomicReference<TestPerson> autoApprove = new AtomicReference<>();
    public final ExpiringStore<Grant> codes;
    public final ExpiringStore<String> redeemedCodes;
    public final ExpiringStore<Grant> accessTokens;
    public final ExpiringStore<ValidatedAuthorization> pendingConsents;
    public final TokenMinter minter;
    public final ClaimAssembler claims;
    public final AuthorizationValidator validator;
    public final ClientAssertionVerifier assertions;
    public final Map<String, TestPerson> persons;
    public final List<String> contentEncryptions;
    public final Set<Leniency> leniencies;
    public final String userInfoContentType;

    public SimulatorContext(String issuer, Clock clock, SimulatorKeys keys, Clients clients, HttpClient http,
            List<TestPerson> persons, String jweAlgorithm, String contentEncryption,
            List<String> contentEncryptions, Set<Leniency> leniencies, String userInfoContentType) {
        this.issuer = issuer;
        this.clock = clock;
        this.keys = keys;
        this.clients = clients;
        this.hooks = new HookState();
        this.recorder = new RequestRecorder();
        this.codes = new ExpiringStore<>(clock, CODE_LIFETIME);
        this.redeemedCodes = new ExpiringStore<>(clock, CODE_LIFETIME.plus(ACCESS_TOKEN_LIFETIME));
        this.accessTokens = new ExpiringStore<>(clock, ACCESS_TOKEN_LIFETIME);
        this.pendingConsents = new ExpiringStore<>(clock, CONSENT_LIFETIME);
        this.minter = new TokenMinter(keys, jweAlgorithm, contentEncryption);
        this.claims = new ClaimAssembler(issuer, clock);
        this.leniencies = Set.copyOf(leniencies);
        this.userInfoContentType = userInfoContentType;
        this.contentEncryptions = List.copyOf(contentEncryptions);
        this.validator = new AuthorizationValidator(clients, new RequestObjectReader(issuer, keys, http, clock,
                this.contentEncryptions), this.leniencies.contains(Leniency.OPTIONAL_STATE_NONCE_PKCE));
        this.assertions = new ClientAssertionVerifier(issuer, tokenEndpoint(), clients, keys, clock,
                this.leniencies.contains(Leniency.ISSUER_AS_ASSERTION_AUDIENCE), this.contentEncryptions);
        Map<String, TestPerson> byId = new LinkedHashMap<>();
        persons.forEach(p -> byId.put(p.id(), p));
        this.persons = java.util.Collections.unmodifiableMap(byId);
    }

    public String authorizationEndpoint() {
        return issuer + "/authorization";
    }

    public String tokenEndpoint() {
        return issuer + "/token";
    }

    public String userInfoEndpoint() {
        return issuer + "/userinfo";
    }

    public String jwksUri() {
        return issuer + "/jwks";
    }

    public Optional<TestPerson> person(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(persons.get(id));
    }
}

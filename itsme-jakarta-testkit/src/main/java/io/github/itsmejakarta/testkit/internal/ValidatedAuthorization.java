package io.github.itsmejakarta.testkit.internal;

import io.github.itsmejakarta.testkit.ServiceType;
import io.github.itsmejakarta.testkit.SimulatedClient;

import java.util.Map;
import java.util.Set;

/**
 * An authorization request that passed every check, waiting for the person's decision. Immutable.
 *
 * @param client the client
 * @param redirectUri the registered redirect URI it named
 * @param state the RP's state (null only when a lenient simulator let it go without)
 * @param nonce the RP's nonce (null only when a lenient simulator let it go without)
 * @param codeChallenge the S256 PKCE challenge (null only when a lenient simulator let it go without)
 * @param scopes the scope values
 * @param serviceCode the service code from {@code service:<code>}
 * @param serviceType what the service does
 * @param acr the acr the ID token will carry (the stricter of those asked)
 * @param claims the claims asked for
 * @param approval approval claims (confirm service): claim name to value
 * @param pinnedSub a {@code sub} the RP pinned with {@code "sub":{"value":...}}, or null
 */
public record ValidatedAuthorization(SimulatedClient client, String redirectUri, String state, String nonce,
        String codeChallenge, Set<String> scopes, String serviceCode, ServiceType serviceType, String acr,
        ClaimsRequest claims, Map<String, String> approval, String pinnedSub) {

    public ValidatedAuthorization {
        scopes = Set.copyOf(scopes);
        approval = Map.copyOf(approval);
    }
}

package io.github.itsmejakarta.core.internal.jose;

import io.github.itsmejakarta.core.ItsmeException;

/**
 * Fetches itsme's JWK set (the {@code jwks_uri} of discovery) and returns it as JSON text. Supplied by the HTTP layer;
 * {@link ItsmeJwks} decides when to call it.
 */
@FunctionalInterface
public interface JwksFetcher {
    /**
     * @return the JWK set's JSON text
     * @throws ItsmeException typically an {@code ItsmeCommunicationException} when itsme cannot be reached
     */
    String fetch() throws ItsmeException;
}

package io.github.itsmejakarta.testkit.internal;

import io.github.itsmejakarta.testkit.TestPerson;

import java.time.Instant;

/**
 * What a person approved: behind an authorization code, then behind an access token. Immutable.
 *
 * @param request the validated authorization request
 * @param person who approved
 * @param authTime when
 */
public record Grant(ValidatedAuthorization request, TestPerson person, Instant authTime) {

    /** The pairwise subject of the person for this client. */
    public String sub() {
        return person.subFor(request.client().clientId());
    }
}

package io.github.itsmejakarta.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;

/**
 * Stands in for the container's {@code IdentityStoreHandler} in Weld SE: asks every identity store, first valid wins
 * (a reduced form of Jakarta Security 3.0, 3.4.3: enough to show that other stores still take part).
 */
@ApplicationScoped
public class TestIdentityStoreHandler implements IdentityStoreHandler {
    @Inject
    Instance<IdentityStore> stores;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        CredentialValidationResult outcome = CredentialValidationResult.NOT_VALIDATED_RESULT;
        for (IdentityStore store : stores) {
            CredentialValidationResult result = store.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return result;
            }
            if (result.getStatus() == CredentialValidationResult.Status.INVALID) {
                outcome = result;
            }
        }
        return outcome;
    }
}

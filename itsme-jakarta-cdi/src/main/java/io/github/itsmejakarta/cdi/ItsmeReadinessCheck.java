package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.cdi.internal.health.ProviderReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The MicroProfile Health readiness check {@code itsme} (never liveness: an itsme outage must not make the platform
 * restart a healthy node). UP while itsme's discovery document and JWK set were read successfully within
 * {@value ItsmeConfigKeys#HEALTH_MAX_AGE}; DOWN with the message id of the last failure otherwise. The extension adds
 * it only when {@value ItsmeConfigKeys#HEALTH_ENABLED} is {@code true} and the MicroProfile Health API is visible to
 * the application, so the application deploys and starts while itsme is down, and this class is never loaded on a
 * server without MicroProfile Health. Package-private: no part of the public API.
 *
 * <p>Thread-safe (application scoped; the state lives in {@link ProviderReadiness}).
 */
@Readiness
@ApplicationScoped
class ItsmeReadinessCheck implements HealthCheck {
    /** The check's name in {@code /health/ready}. */
    static final String NAME = "itsme";

    @Inject
    ItsmeExtension extension;

    @Override
    public HealthCheckResponse call() {
        ProviderReadiness.State state = extension.relyingParty().readiness().state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(state.ready());
        state.lastSuccess().ifPresent(at -> response.withData("lastSuccess", at.toString()));
        state.failureId().ifPresent(id -> response.withData("messageId", id));
        return response.build();
    }
}

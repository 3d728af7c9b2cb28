package io.github.itsmejakarta.cdi.internal;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Enforces {@code @RolesAllowed} and {@code @DenyAll} on JAX-RS resource methods the same way on every server, with
 * {@link RolesAllowedFilter}. Loaded by the JAX-RS runtime itself, through {@code java.util.ServiceLoader}
 * ({@code META-INF/services/jakarta.ws.rs.container.DynamicFeature}; Jakarta RESTful Web Services 3.1, section 4.1.3),
 * so the application registers nothing. Without it the annotations are enforced only where the JAX-RS runtime is told
 * to: WildFly's RESTEasy ignores them unless {@code resteasy.role.based.security} is set, Payara's Jersey unless
 * {@code RolesAllowedDynamicFeature} is registered, and both then answer an anonymous caller 403 rather than starting
 * a login. Stateless and thread-safe.
 */
public final class RolesAllowedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (resourceInfo.getResourceMethod() != null && resourceInfo.getResourceClass() != null && RoleRule
                .of(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass()).isPresent()) {
            // before the runtime's own authorization filters (Priorities.AUTHORIZATION), which answer 403 to anonymous
            context.register(RolesAllowedFilter.class, Priorities.AUTHENTICATION);
        }
    }
}

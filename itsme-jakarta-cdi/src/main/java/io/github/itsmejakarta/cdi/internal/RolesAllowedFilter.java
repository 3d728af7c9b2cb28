package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.cdi.ItsmeExtension;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The check behind {@link RolesAllowedFeature}, for an application that enabled itsme login:
 * <ul>
 * <li>nobody logged in: the container is asked to authenticate ({@code HttpServletRequest.authenticate}, Servlet 6.0
 * section 13.3), which runs the application's mechanism as for a protected page: itsme's mechanism redirects a browser
 * to itsme (302), and the request ends with the answer the mechanism wrote;</li>
 * <li>a caller without any of the roles, or {@code @DenyAll}: 403 (Jakarta Annotations 2.1, 3.3 and 3.4);</li>
 * <li>otherwise the request goes on.</li>
 * </ul>
 * In an application without {@code @ItsmeAuthenticationMechanismDefinition} it does nothing, leaving the server's own
 * behaviour untouched. Instances are created by the JAX-RS runtime; the {@code @Context} fields are the runtime's
 * per-request proxies, the rule cache is concurrent: thread-safe.
 */
public final class RolesAllowedFilter implements ContainerRequestFilter {
    private static final System.Logger LOG = System.getLogger(RolesAllowedFilter.class.getName());
    private static final Map<Method, Optional<RoleRule>> RULES = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resourceInfo;
    @Context
    private HttpServletRequest request;
    @Context
    private HttpServletResponse response;

    @Override
    public void filter(ContainerRequestContext context) throws IOException {
        Method method = resourceInfo.getResourceMethod();
        Class<?> resourceClass = resourceInfo.getResourceClass();
        Optional<RoleRule> rule = RULES.computeIfAbsent(method, m -> RoleRule.of(m, resourceClass));
        if (rule.isEmpty() || !itsmeEnabled()) {
            return;
        }
        SecurityContext security = context.getSecurityContext();
        if (security.getUserPrincipal() == null && !rule.get().denyAll()) {
            if (!authenticate(context)) {
                return;
            }
        }
        if (rule.get().denyAll() || rule.get().roles().stream().noneMatch(security::isUserInRole)) {
            context.abortWith(Response.status(Response.Status.FORBIDDEN).build());
        }
    }

    /** Runs the container's mechanism; true when a caller is now logged in, else the request was answered. */
    private boolean authenticate(ContainerRequestContext context) throws IOException {
        try {
            if (request.authenticate(response) && request.getUserPrincipal() != null) {
                return true;
            }
        } catch (ServletException e) {
            LOG.log(Level.ERROR, ItsmeCdiMessage.ROLES_AUTHENTICATION_FAILED.format(context.getUriInfo().getPath()),
                    e);
            context.abortWith(Response.status(Response.Status.INTERNAL_SERVER_ERROR).build());
            return false;
        }
        // the mechanism wrote its answer (a redirect to itsme, a 401 challenge it committed); the same status, without
        // an entity, ends the JAX-RS request: the runtime then writes no body over the mechanism's (an entity made
        // Payara's Jersey ask for the output stream after the writer: IllegalStateException in the log)
        int status = response.getStatus() >= 300 ? response.getStatus() : 401;
        context.abortWith(Response.status(status).build());
        return false;
    }

    private static boolean itsmeEnabled() {
        try {
            return CDI.current().getBeanManager().getExtension(ItsmeExtension.class).isEnabled();
        } catch (IllegalStateException | IllegalArgumentException e) {
            return false; // no CDI, or the extension is not part of this application
        }
    }
}

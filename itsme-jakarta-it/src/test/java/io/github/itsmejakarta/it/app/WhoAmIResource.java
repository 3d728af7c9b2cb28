package io.github.itsmejakarta.it.app;

import java.util.Map;
import java.util.Set;

import io.github.itsmejakarta.cdi.ItsmeContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * A JAX-RS resource under {@code /api}, which web.xml protects (role {@code user}); {@code @RolesAllowed} narrows
 * single methods.
 */
@Path("whoami")
public class WhoAmIResource {

    @Inject
    ItsmeContext itsme;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed("user")
    public String whoami(@Context SecurityContext security, @QueryParam("userinfo") String userinfo) {
        return Report.of(security.getUserPrincipal(), itsme, userinfo != null).put("rest", true)
                .put("rest-role-user", security.isUserInRole("user")).toString();
    }

    @GET
    @Path("strong")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed("strong-auth")
    public String strongOnly(@Context SecurityContext security) {
        return "rest strong-only for " + security.getUserPrincipal().getName() + "\n";
    }

    /**
     * {@code @RolesAllowed} on resources: Payara's Jersey needs its RolesAllowedDynamicFeature named, WildFly's
     * RESTEasy a context parameter (web.xml); Open Liberty enforces it as is. Each server ignores the others' switch.
     */
    @ApplicationPath("api")
    public static class RestApplication extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(WhoAmIResource.class);
        }

        @Override
        public Map<String, Object> getProperties() {
            return Map.of("jersey.config.server.provider.classnames",
                    "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
        }
    }
}

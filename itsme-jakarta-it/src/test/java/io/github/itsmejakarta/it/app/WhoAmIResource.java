package io.github.itsmejakarta.it.app;

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
 * A JAX-RS resource under {@code /api}, protected by {@code @RolesAllowed} alone (no security constraint): an
 * anonymous caller is sent to itsme, a caller without the role gets 403, on every server.
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
     * No server switch for {@code @RolesAllowed} (neither Jersey's RolesAllowedDynamicFeature nor RESTEasy's
     * {@code resteasy.role.based.security}): itsme-jakarta-cdi enforces the annotations itself.
     */
    @ApplicationPath("api")
    public static class RestApplication extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(WhoAmIResource.class, RolesOnlyResource.class, OpenResource.class);
        }
    }
}

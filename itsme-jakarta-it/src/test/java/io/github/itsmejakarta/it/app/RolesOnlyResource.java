package io.github.itsmejakarta.it.app;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Protected by its annotations alone: no security constraint, no server switch (no {@code resteasy.role.based.security},
 * no {@code RolesAllowedDynamicFeature}). itsme-jakarta-cdi enforces them the same way on every server. (A method-level
 * {@code @PermitAll} under this class-level {@code @RolesAllowed} was still sent to itsme by Payara Micro 6 itself, so
 * the open resource is a class of its own: {@link OpenResource}.)
 */
@Path("roles")
@RolesAllowed("user")
@Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
public class RolesOnlyResource {

    @GET
    public String forUsers(@Context SecurityContext security) {
        return "roles-only for " + security.getUserPrincipal().getName() + "\n";
    }

    @GET
    @Path("strong")
    @RolesAllowed("strong-auth")
    public String forStrongAuth(@Context SecurityContext security) {
        return "roles-only strong for " + security.getUserPrincipal().getName() + "\n";
    }

    @GET
    @Path("closed")
    @DenyAll
    public String forNobody() {
        return "never\n";
    }
}

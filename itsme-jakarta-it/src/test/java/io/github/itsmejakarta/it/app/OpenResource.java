package io.github.itsmejakarta.it.app;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Open to anyone ({@code @PermitAll}), beside {@link RolesOnlyResource}: the role check leaves it alone. */
@Path("open")
@PermitAll
@Produces(MediaType.TEXT_PLAIN)
public class OpenResource {

    @GET
    public String forAnyone(@Context SecurityContext security) {
        return "open; caller=" + (security.getUserPrincipal() == null ? "-" : security.getUserPrincipal().getName())
                + "\n";
    }
}

package io.github.itsmejakarta.it.probe;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** Throwaway: a protected JAX-RS resource. */
@Path("me")
public class ProbeResource {

    @GET
    @RolesAllowed("user")
    public String me(@Context SecurityContext security) {
        return "rest-caller=" + security.getUserPrincipal().getName();
    }

    @ApplicationPath("api")
    public static class ProbeApplication extends Application {
    }
}

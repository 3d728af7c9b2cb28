package io.github.itsmejakarta.examples.quickstart;

import io.github.itsmejakarta.cdi.ItsmeAuthenticationMechanismDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns on log-in with itsme. Every setting comes from MicroProfile Config ({@code META-INF/microprofile-config.properties},
 * overridable by system properties and environment variables such as {@code ITSME_CLIENT_ID}); the annotation only
 * gives what this application wants whatever the environment: every itsme caller is in the group {@code user}.
 */
@ItsmeAuthenticationMechanismDefinition(defaultGroups = "user")
@ApplicationScoped
public class ItsmeSetup {
}

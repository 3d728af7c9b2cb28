package io.github.itsmejakarta.it.ee11app;

import io.github.itsmejakarta.cdi.ItsmeAuthenticationMechanismDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * itsme login for the browser pages, as one of two mechanisms: qualified, so that the container's default handler
 * does not pick it alone; {@link PathMechanismHandler} chooses per request. The rest of the settings come from the
 * microprofile-config.properties the test writes.
 */
@ItsmeAuthenticationMechanismDefinition(qualifiers = ItsmeLogin.class)
@ApplicationScoped
public class Ee11Setup {
}

package io.github.itsmejakarta.it.cluster.app;

import io.github.itsmejakarta.cdi.ItsmeAuthenticationMechanismDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** The test application's switch: everything else comes from the microprofile-config.properties the test writes. */
@ItsmeAuthenticationMechanismDefinition
@ApplicationScoped
public class ItsmeSetup {
}

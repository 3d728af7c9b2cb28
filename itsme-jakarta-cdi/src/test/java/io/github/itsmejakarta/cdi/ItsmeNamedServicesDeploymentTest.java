package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.cdi.ItsmeConfigKeys.ServiceKeys;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Named services found in MicroProfile Config by their property names, in Weld SE as at deployment: the problems of
 * every service land in the one deployment error (ITSME-1709), a valid set deploys, and a misspelt key of a service
 * is named with the nearest key of that service (ITSME-1735, a warning).
 */
class ItsmeNamedServicesDeploymentTest {
    @BeforeEach
    @AfterEach
    void clearConfig() {
        TestConfigSource.clear();
    }

    /** SmallRye Config remembers property names once read: a config built after this test's values. */
    private static void freshConfig() {
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    @Test
    void theProblemsOfEveryServiceAreInOneDeploymentError() {
        TestConfigSource.set(ServiceKeys.key("kyc", ServiceKeys.FLOW), "identity");
        TestConfigSource.set(ServiceKeys.key("brand", ServiceKeys.CLIENT_ID), "brand-client");
        TestConfigSource.set(ServiceKeys.key("brand", ServiceKeys.PRIVATE_JWKS_LOCATION), "classpath:none.json");
        TestConfigSource.set(ItsmeConfigKeys.LOGIN_SERVICE, "sign");
        freshConfig();
        String error = WeldBoot.deploymentError(Definitions.Minimal.class);
        assertThat(error).startsWith("ITSME-1709").contains("(3 problem(s))")
                .contains("ITSME-1740: Service 'kyc': ITSME-1702")
                .contains(ServiceKeys.key("kyc", ServiceKeys.FLOW))
                .contains("ITSME-1740: Service 'brand': ITSME-1704")
                .contains(ServiceKeys.key("brand", ServiceKeys.PRIVATE_JWKS_LOCATION))
                .contains("ITSME-1741: No itsme service named 'sign' is configured (named services: brand, kyc)");
    }

    @Test
    void validServicesDeployBesideTheTopLevel() {
        TestConfigSource.set(ServiceKeys.key("kyc", ServiceKeys.FLOW), "identification");
        TestConfigSource.set(ServiceKeys.key("kyc", ServiceKeys.SERVICE_CODE), "KYC");
        TestConfigSource.set(ServiceKeys.key("brand", ServiceKeys.CLIENT_ID), "brand-client");
        TestConfigSource.set(ServiceKeys.key("brand", ServiceKeys.PRIVATE_JWKS_LOCATION),
                "classpath:rp-private-jwks-other.json");
        TestConfigSource.set(ItsmeConfigKeys.LOGIN_SERVICE, "brand");
        freshConfig();
        try (LogCapture logs = new LogCapture(); WeldContainer container = WeldBoot.start(Definitions.Minimal.class)) {
            var settings = container.select(ItsmeExtension.class).get().settings();
            assertThat(settings.services()).containsOnlyKeys("brand", "kyc");
            assertThat(settings.services().get("brand").clientId()).isEqualTo("brand-client");
            assertThat(settings.services().get("kyc").clientId()).isEqualTo("minimal-client");
            assertThat(settings.loginService()).isEqualTo("brand");
            assertThat(logs.containing("ITSME-1735")).isEmpty();
        }
    }

    @Test
    void aMisspeltKeyOfAServiceIsNamedWithTheNearestKeyOfThatService() {
        TestConfigSource.set(ServiceKeys.key("kyc", ServiceKeys.FLOW), "identification");
        TestConfigSource.set(ServiceKeys.key("kyc", ServiceKeys.SERVICE_CODE), "KYC");
        TestConfigSource.set("itsme.services.kyc.scope", "eid");
        TestConfigSource.set("itsme.services.kyc", "oops");
        freshConfig();
        try (LogCapture logs = new LogCapture(); WeldContainer container = WeldBoot.start(Definitions.Minimal.class)) {
            assertThat(container.select(ItsmeExtension.class).get().settings().services()).containsOnlyKeys("kyc");
            assertThat(logs.containing("ITSME-1735")).containsExactly(
                    "ITSME-1735: Unknown setting 'itsme.services.kyc': a named service's setting is"
                            + " 'itsme.services.<name>.<key>'",
                    "ITSME-1735: Unknown setting 'itsme.services.kyc.scope': did you mean"
                            + " 'itsme.services.kyc.scopes'?");
        }
    }
}

package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 item 13 at deployment: a misspelt {@code itsme.*} key in MicroProfile Config is named with the nearest
 * known key (ITSME-1735, a warning: the deployment goes on); correctly spelt keys give no warning.
 */
class ItsmeUnknownKeyDeploymentTest {
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
    void aMisspeltKeyIsNamedWithTheNearestKnownKey() {
        TestConfigSource.set("itsme.clientid", "typo-client");
        TestConfigSource.set("itsme.scope", "profile");
        freshConfig();
        try (LogCapture logs = new LogCapture(); WeldContainer container = WeldBoot.start(Definitions.Minimal.class)) {
            assertThat(container.select(ItsmeExtension.class).get().isEnabled()).isTrue();
            assertThat(logs.containing("ITSME-1735")).containsExactly(
                    "ITSME-1735: Unknown setting 'itsme.clientid': did you mean 'itsme.client-id'?",
                    "ITSME-1735: Unknown setting 'itsme.scope': did you mean 'itsme.scopes'?");
        }
    }

    @Test
    void knownKeysGiveNoWarning() {
        TestConfigSource.set(ItsmeConfigKeys.CLIENT_ID, "a-client");
        TestConfigSource.set(ItsmeConfigKeys.SCOPES, "profile");
        freshConfig();
        try (LogCapture logs = new LogCapture(); WeldContainer container = WeldBoot.start(Definitions.Minimal.class)) {
            assertThat(container.select(ItsmeExtension.class).get().settings().clientId()).isEqualTo("a-client");
            assertThat(logs.containing("ITSME-1735")).isEmpty();
        }
    }
}

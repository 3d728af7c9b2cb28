package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.core.ItsmeMessage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The root README is the contract users read: every config key and every message id the code can produce must be
 * documented there, so that adding one without documenting it fails the build.
 */
class ReadmeContractTest {
    private static String readme;

    @BeforeAll
    static void read() throws IOException {
        readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("every config key of ItsmeConfigKeys has a row in the README's table")
    void everyConfigKeyDocumented() throws IllegalAccessException {
        List<String> keys = new ArrayList<>();
        for (Field field : ItsmeConfigKeys.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                keys.add((String) field.get(null));
            }
        }
        assertThat(keys).hasSizeGreaterThanOrEqualTo(17)
                .allSatisfy(key -> assertThat(readme).contains("| `" + key + "` |"));
    }

    @Test
    @DisplayName("every key of a named service (ItsmeConfigKeys.ServiceKeys) has a row in the README's table")
    void everyNamedServiceKeyDocumented() {
        assertThat(ItsmeConfigKeys.ServiceKeys.all()).hasSize(13).allSatisfy(key -> assertThat(readme)
                .contains("| `" + ItsmeConfigKeys.ServiceKeys.key("<name>", key) + "` |"));
    }

    @Test
    @DisplayName("every message id of core and of the integration is listed in the README")
    void everyMessageIdDocumented() {
        for (ItsmeMessage message : ItsmeMessage.values()) {
            assertThat(readme).contains("| `" + message.id() + "` | `" + message.name() + "` |");
        }
        for (ItsmeCdiMessage message : ItsmeCdiMessage.values()) {
            assertThat(readme).contains("| `" + message.id() + "` | `" + message.name() + "` |");
        }
    }

    @Test
    @DisplayName("the README starts with the demo command and the test command that .ci/run runs")
    void commandsOnTop() throws IOException {
        String ci = Files.readString(Path.of("..", ".ci", "run"), StandardCharsets.UTF_8);
        String head = readme.substring(0, readme.indexOf("\n## "));
        assertThat(ci).contains("TEST_COMMAND='mvn -B -ntp verify'");
        assertThat(head).contains("mvn -B -ntp verify").contains("-Pdemo");
    }
}

package io.github.itsmejakarta.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * What an application gets in {@code WEB-INF/lib} by depending on {@code itsme-jakarta-cdi} alone, without exclusions:
 * the library, its JOSE stack and nothing a Jakarta EE / MicroProfile server already provides. An API jar there would
 * shadow or clash with the server's own copy (a different version of {@code jakarta.json} on one server, a second
 * {@code ConfigProvider} on another). Runs on the packaged WAR, no server needed.
 */
class WarLibrariesIT {

    /**
     * The libraries the quickstart needs, by artifact id. {@code microprofile-jwt-auth-api} stays: smallrye-jwt-build
     * signs with its types, and a server exposes it only with MicroProfile JWT switched on.
     */
    private static final Set<String> NEEDED = Set.of("itsme-jakarta-cdi", "itsme-jakarta-core", "jose4j", "slf4j-api",
            "smallrye-jwt-build", "smallrye-jwt-common", "microprofile-jwt-auth-api", "jboss-logging");

    /** APIs every Jakarta EE 10 / MicroProfile server this project supports brings itself. */
    private static final List<Pattern> SERVER_APIS = List.of(Pattern.compile("jakarta\\..*-api"),
            Pattern.compile("microprofile-config-api"), Pattern.compile("microprofile-health-api"),
            Pattern.compile("yasson"), Pattern.compile("parsson"), Pattern.compile("smallrye-config.*"),
            Pattern.compile("weld.*"));

    /** {@code name-1.2.3.jar} or {@code name-1.2.3-SNAPSHOT.jar} to {@code name}. */
    private static final Pattern JAR = Pattern.compile("WEB-INF/lib/(.+?)-\\d[^/]*\\.jar");

    @Test
    void web_inf_lib_holds_only_what_the_application_needs() throws IOException {
        Set<String> libraries = libraries(Path.of(System.getProperty("quickstart.war")));

        assertThat(libraries).as("server APIs in WEB-INF/lib").noneMatch(WarLibrariesIT::isServerApi);
        assertThat(libraries).as("WEB-INF/lib").containsExactlyInAnyOrderElementsOf(NEEDED);
    }

    @Test
    void the_server_api_check_recognises_the_apis_and_passes_the_libraries() {
        assertThat(List.of("jakarta.json-api", "jakarta.json.bind-api", "jakarta.servlet-api",
                "jakarta.security.enterprise-api", "jakarta.enterprise.cdi-api", "microprofile-config-api", "yasson",
                "parsson", "smallrye-config-core")).allMatch(WarLibrariesIT::isServerApi);
        assertThat(NEEDED).noneMatch(WarLibrariesIT::isServerApi);
    }

    static boolean isServerApi(String artifactId) {
        return SERVER_APIS.stream().anyMatch(p -> p.matcher(artifactId).matches());
    }

    static Set<String> libraries(Path war) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                Matcher m = JAR.matcher(entry.getName());
                if (m.matches()) {
                    names.add(m.group(1));
                } else if (entry.getName().startsWith("WEB-INF/lib/") && !entry.isDirectory()) {
                    names.add(entry.getName().substring("WEB-INF/lib/".length())); // unversioned: shown as is
                }
            }
        }
        return names;
    }
}

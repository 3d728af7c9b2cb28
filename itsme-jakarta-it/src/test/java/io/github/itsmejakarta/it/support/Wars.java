package io.github.itsmejakarta.it.support;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the test WARs: the application's classes, a {@code beans.xml} (WildFly runs no portable extension without
 * one), the MicroProfile Config file generated for this deployment, and the library jars the build copied to
 * {@code it.war.lib} (itsme-jakarta-cdi, core and their runtime dependencies, never the container's APIs).
 */
public final class Wars {

    private Wars() {
    }

    public static WebArchive war(String name, Map<String, String> config) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsWebInfResource(new StringAsset(
                        "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"annotated\"/>"),
                        "beans.xml")
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties");
        war.addAsLibraries(libraries());
        return war;
    }

    static File[] libraries() {
        String dir = System.getProperty("it.war.lib");
        File[] jars = dir == null ? null : new File(dir).listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no library jars in it.war.lib=" + dir + ": run the suite with mvn verify");
        }
        Arrays.sort(jars);
        return jars;
    }

    static String properties(Map<String, String> config) {
        Properties properties = new Properties();
        new TreeMap<>(config).forEach((k, v) -> properties.setProperty(k, Objects.requireNonNull(v, k)));
        StringWriter out = new StringWriter();
        try {
            properties.store(out, "generated for this deployment by the test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

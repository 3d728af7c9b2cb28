package io.github.itsmejakarta.benchmarks.login.floor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the floor application as a WAR: the class files of {@link FloorMechanism}, {@link FloorOutbound} and
 * {@link FloorPage} (read from this jar), a {@code beans.xml} and an {@code index.html} (the readiness probe). Stateless.
 */
public final class FloorWar {
    // by name: the driver's JVM has no Jakarta APIs, so these classes must not be loaded there
    private static final List<String> CLASSES = List.of("FloorMechanism", "FloorOutbound", "FloorPage");
    private static final String BEANS_XML = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
            + " bean-discovery-mode=\"annotated\"/>\n";

    private FloorWar() {
    }

    /** Writes the WAR to {@code war} and returns it. */
    public static Path write(Path war) throws IOException {
        try (OutputStream file = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String simpleName : CLASSES) {
                String name = FloorWar.class.getPackageName().replace('.', '/') + "/" + simpleName + ".class";
                try (InputStream in = FloorWar.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("class file not found: " + name);
                    }
                    zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + name));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write("<!DOCTYPE html><title>floor</title>\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("WEB-INF/beans.xml"));
            zip.write(BEANS_XML.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return war;
    }
}

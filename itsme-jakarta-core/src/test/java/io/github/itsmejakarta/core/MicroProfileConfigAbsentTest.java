package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain-Java users without a MicroProfile Config implementation get a clear message at build time (ITSME-1004),
 * not a failure deep inside smallrye-jwt-build at the first login. The library runs in a class loader built from the
 * test class path without smallrye-config-core.
 */
class MicroProfileConfigAbsentTest {
    /** Runs inside the isolated class loader; returns the failure message, or "built". */
    public static String probe() {
        try {
            ItsmeClient.builder().discovery(ItsmeEnvironment.E2E).clientId("c").keys(RelyingPartyKeys.generate())
                    .redirectUri(URI.create("https://app.example/cb")).build();
            return "built";
        } catch (ItsmeConfigurationException e) {
            return e.getMessage();
        }
    }

    private static String run(boolean withoutConfig) throws Exception {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!withoutConfig || !entry.contains("smallrye-config-core")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Thread thread = Thread.currentThread();
            ClassLoader original = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                var probe = loader.loadClass(MicroProfileConfigAbsentTest.class.getName()).getMethod("probe");
                probe.setAccessible(true); // the test class is package-private
                return (String) probe.invoke(null);
            } finally {
                thread.setContextClassLoader(original);
            }
        }
    }

    @Test
    @DisplayName("no MicroProfile Config implementation: build() fails with ITSME-1004 naming smallrye-config-core")
    void absent() throws Exception {
        assertThat(run(true)).startsWith("ITSME-1004").contains("io.smallrye.config:smallrye-config-core");
    }

    @Test
    @DisplayName("with smallrye-config-core on the class path the same isolated build succeeds")
    void present() throws Exception {
        assertThat(run(false)).isEqualTo("built");
    }
}

package io.github.itsmejakarta.it.support;

import java.net.URI;

/**
 * The server the suite runs on, as the failsafe execution describes it (system properties {@code it.server},
 * {@code it.http.port}). Every server listens on 127.0.0.1 only, on a port the build reserved; the context root is
 * the WAR's name on all three.
 */
public final class Server {

    private Server() {
    }

    /** {@code payara}, {@code wildfly} or {@code liberty}. */
    public static String name() {
        return System.getProperty("it.server", "payara");
    }

    public static int httpPort() {
        String port = System.getProperty("it.http.port");
        if (port == null) {
            throw new IllegalStateException("it.http.port is not set: run the suite with mvn verify");
        }
        return Integer.parseInt(port);
    }

    /** {@code http://127.0.0.1:<port>/<contextRoot>/}, the application's base URI. */
    public static URI base(String contextRoot) {
        return URI.create("http://127.0.0.1:" + httpPort() + "/" + contextRoot + "/");
    }
}

package io.github.itsmejakarta.testkit.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URIs the simulator fetches (the RP's {@code jwks_uri}, {@code request_uri}): https anywhere, plain http only
 * to loopback, because itsme itself fetches over https only and a test RP runs on loopback. Stateless.
 */
public final class FetchPolicy {

    private FetchPolicy() {
    }

    /** True when the simulator may fetch this URI. */
    public static boolean allowed(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if ("https".equals(scheme)) {
            return true;
        }
        return "http".equals(scheme) && isLoopback(uri.getHost());
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equalsIgnoreCase(bare)) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false; // a name other than localhost: no DNS lookup here
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package io.github.itsmejakarta.core;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The transport rule for every URL the client uses or sends: {@code https}, or plain {@code http} only to a loopback
 * host ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}), for the simulator and local development (RFC 8252 8.3
 * allows loopback redirects over http for the same reason). Decided on the literal host, without DNS.
 *
 * <p>Stateless and thread-safe.
 */
public final class LoopbackUris {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

    private LoopbackUris() {
    }

    /** Whether {@code uri} is absolute and either https or http to a loopback host. */
    public static boolean isSecureOrLoopback(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return "https".equals(scheme) || "http".equals(scheme) && isLoopbackHost(uri.getHost());
    }

    /** Whether {@code host} (as {@link URI#getHost()} gives it) names the loopback interface. */
    public static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return "localhost".equals(h) || "[::1]".equals(h) || "::1".equals(h) || "[0:0:0:0:0:0:0:1]".equals(h)
                || IPV4_LOOPBACK.matcher(h).matches();
    }
}

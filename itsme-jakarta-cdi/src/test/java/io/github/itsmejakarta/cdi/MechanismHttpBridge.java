package io.github.itsmejakarta.cdi;

import com.sun.net.httpserver.HttpServer;
import io.github.itsmejakarta.cdi.Browser.Exchange;
import jakarta.security.enterprise.AuthenticationStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Puts the mechanism on real HTTP (127.0.0.1, ephemeral port) for the requests itsme itself makes to the relying
 * party: the public JWK set and request objects by reference. Each request goes through the same servlet test doubles
 * as {@link Browser}; what the mechanism leaves to the container (NOT_DONE) answers 404.
 */
final class MechanismHttpBridge implements AutoCloseable {
    private final HttpServer server;
    final List<String> paths = new CopyOnWriteArrayList<>();
    volatile ItsmeAuthenticationMechanism mechanism;

    MechanismHttpBridge() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", http -> {
            paths.add(http.getRequestURI().getRawPath());
            Exchange e = new Browser("/app").get(mechanism, origin() + http.getRequestURI(), false);
            byte[] body = e.status == AuthenticationStatus.NOT_DONE
                    ? new byte[0]
                    : e.body().getBytes(StandardCharsets.UTF_8);
            e.headers.forEach((k, v) -> http.getResponseHeaders().set(k, v));
            http.sendResponseHeaders(e.status == AuthenticationStatus.NOT_DONE ? 404 : e.httpStatus,
                    body.length == 0 ? -1 : body.length);
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

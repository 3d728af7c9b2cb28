package io.github.itsmejakarta.core.support;

import com.sun.net.httpserver.HttpServer;
import io.github.itsmejakarta.core.RequestObject;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves request objects for {@code request_uri}, as the application would: one-time, by id, on 127.0.0.1. */
public final class RequestObjectServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final AtomicInteger served = new AtomicInteger();

    public RequestObjectServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ro/", ex -> {
            String id = ex.getRequestURI().getPath().substring("/ro/".length());
            String jwt = objects.remove(id);
            byte[] body = jwt == null ? new byte[0] : jwt.getBytes(StandardCharsets.US_ASCII);
            if (jwt != null) {
                served.incrementAndGet();
                ex.getResponseHeaders().set("Content-Type", RequestObject.MEDIA_TYPE);
            }
            ex.sendResponseHeaders(jwt == null ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ro");
    }

    public void publish(RequestObject object) {
        objects.put(object.id(), object.jwt());
    }

    public int served() {
        return served.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.github.itsmejakarta.testkit.internal;

import io.github.itsmejakarta.testkit.Endpoint;
import io.github.itsmejakarta.testkit.RecordedRequest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Routes HTTP requests to the endpoints, records them, and applies the per-endpoint hooks (delay, hang, server
 * error) before the endpoint runs. Each request runs on its own daemon thread, so a hung request blocks nobody else.
 * Thread-safe.
 */
public final class SimulatorServer {

    private static final System.Logger LOG = System.getLogger(SimulatorServer.class.getName());
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private record Route(Endpoint endpoint, String method, Function<SimRequest, SimResponse> handler) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, List<Route>> routes = new LinkedHashMap<>();
    private volatile SimulatorContext ctx;

    /** Binds 127.0.0.1 on the port (0: ephemeral); nothing is served before {@link #start}. */
    public SimulatorServer(int port) throws IOException {
        this.server = HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(),
                port), 64);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "itsme-simulator-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Wires the endpoints of a context and starts serving. */
    public void start(SimulatorContext context) {
        this.ctx = context;
        DiscoveryEndpoint discovery = new DiscoveryEndpoint(context);
        JwksEndpoint jwks = new JwksEndpoint(context.keys);
        AuthorizationEndpoint authorization = new AuthorizationEndpoint(context);
        TokenEndpoint token = new TokenEndpoint(context);
        UserInfoEndpoint userInfo = new UserInfoEndpoint(context);
        route("/v2/.well-known/openid-configuration", Endpoint.DISCOVERY, "GET", discovery::handle);
        route("/v2/jwks", Endpoint.JWKS, "GET", jwks::handle);
        route("/v2/authorization", Endpoint.AUTHORIZATION, "GET", authorization::handle);
        route(ConsentPage.DECISION_PATH, Endpoint.AUTHORIZATION, "POST", authorization::decide);
        route("/v2/token", Endpoint.TOKEN, "POST", token::handle);
        route("/v2/userinfo", Endpoint.USERINFO, "GET", userInfo::userInfo);
        route("/v2/userinfo", Endpoint.USERINFO, "POST", userInfo::userInfo);
        route("/v2/picture", Endpoint.PICTURE, "GET", userInfo::picture);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Stops serving and lets hung requests go. */
    public void stop() {
        SimulatorContext context = ctx;
        if (context != null) {
            context.hooks.releaseHangs();
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(String path, Endpoint endpoint, String method, Function<SimRequest, SimResponse> handler) {
        routes.computeIfAbsent(path, p -> new ArrayList<>()).add(new Route(endpoint, method, handler));
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            SimResponse response;
            try {
                response = dispatch(exchange);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "simulator endpoint failed: " + e.getClass().getName(), e);
                response = SimResponse.json(500, Map.of("error", "server_error"));
            }
            if (response != null) {
                write(exchange, response);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away: {0}", e.getMessage());
        }
    }

    private SimResponse dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        List<Route> candidates = routes.getOrDefault(path, List.of());
        Optional<Endpoint> endpoint = candidates.isEmpty()
                ? Optional.empty()
                : Optional.of(candidates.get(0).endpoint());
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return SimResponse.json(413, Map.of("error", "invalid_request", "detail", "body too large"));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        Map<String, List<String>> query = UrlEncoded.parse(exchange.getRequestURI().getRawQuery());
        String contentType = headers.getOrDefault("content-type", List.of("")).get(0).toLowerCase(Locale.ROOT);
        Map<String, List<String>> form = contentType.startsWith("application/x-www-form-urlencoded")
                ? UrlEncoded.parse(new String(body, StandardCharsets.UTF_8))
                : Map.of();
        SimRequest request = new SimRequest(method, path, query, form, headers);
        ctx.recorder.record(new RecordedRequest(method, path, endpoint, query, form, headers, ctx.clock.instant()));

        if (endpoint.isEmpty()) {
            return SimResponse.json(404, Map.of("error", "not_found"));
        }
        Route route = candidates.stream().filter(r -> r.method().equals(method)).findFirst().orElse(null);
        if (route == null) {
            return SimResponse.json(405, Map.of("error", "invalid_request", "detail", "method not allowed"))
                    .withHeader("Allow", String.join(", ", candidates.stream().map(Route::method).toList()));
        }
        if (ctx.hooks.hangs(endpoint.get())) {
            try {
                ctx.hooks.awaitRelease();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            return SimResponse.json(503, Map.of("error", "temporary_unavailable", "detail", "released hang"));
        }
        Optional<Duration> delay = ctx.hooks.delayOf(endpoint.get());
        if (delay.isPresent()) {
            try {
                Thread.sleep(delay.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        Optional<Integer> serverError = ctx.hooks.serverErrorOf(endpoint.get());
        if (serverError.isPresent()) {
            return SimResponse.text(serverError.get(), "text/html; charset=utf-8",
                    "<!DOCTYPE html><html><body><h1>Service unavailable</h1></body></html>", Map.of());
        }
        return route.handler().apply(request);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void write(HttpExchange exchange, SimResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean noBody = response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}

package io.faasflow.functions.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.Function;

/**
 * The HTTP face of a {@link FunctionHost}: routes {@code GET /status}, {@code POST /init}, {@code POST /run}
 * and {@code POST /forget}, and answers in JSON: 200 with the route's record, otherwise {@link ErrorResponse}
 * (400 invalid request, 404, 405, 409, 413, 503, 500 for a bug of the server).
 */
final class FunctionServerHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(FunctionServerHandler.class.getName());

    private record Route(String method, Function<HttpExchange, Object> action) {
    }

    private final Map<String, Route> routes;

    FunctionServerHandler(FunctionHost host) {
        this.routes = Map.of(
                "/status", new Route("GET", exchange -> host.status()),
                "/init", new Route("POST", exchange -> host.init(body(exchange, InitRequest.class))),
                "/run", new Route("POST", exchange -> host.run(body(exchange, RunRequest.class))),
                "/forget", new Route("POST", exchange -> host.forget(body(exchange, ForgetRequest.class))));
    }

    private static <T> T body(HttpExchange exchange, Class<T> type) {
        return JsonBodies.read(exchange.getRequestBody(), type);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Object answer;
            try {
                answer = route(exchange).action().apply(exchange);
            } catch (InvalidRequestException e) {
                status = 400;
                answer = new ErrorResponse(e.getMessage());
            } catch (HttpFailure e) {
                status = e.status();
                answer = new ErrorResponse(e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "failed to answer " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI(), e);
                status = 500;
                answer = new ErrorResponse("the function server failed: " + e);
            }
            send(exchange, status, answer);
        }
    }

    private Route route(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        Route route = routes.get(path);
        if (route == null) {
            throw new HttpFailure(HttpFailure.NOT_FOUND, "no route " + path + "; the routes are GET /status, "
                    + "POST /init, POST /run and POST /forget");
        }
        if (!route.method().equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", route.method());
            throw new HttpFailure(HttpFailure.METHOD_NOT_ALLOWED, path + " takes " + route.method() + ", not "
                    + exchange.getRequestMethod());
        }
        return route;
    }

    private static void send(HttpExchange exchange, int status, Object answer) throws IOException {
        byte[] json = WireJson.write(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}

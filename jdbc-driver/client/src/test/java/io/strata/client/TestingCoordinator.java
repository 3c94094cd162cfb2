package io.strata.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.strata.protocol.QueryResults;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * A scripted coordinator on 127.0.0.1: each {@code METHOD path} answers with the responses given to
 * {@link #respond}, in order, repeating the last one until more are given; anything unscripted gets 404. Every request is
 * recorded, so tests can check what the client sent.
 */
final class TestingCoordinator
        implements Closeable
{
    private static final ObjectMapper MAPPER = ProtocolJson.createObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<ScriptedResponse>> scripts = new HashMap<>();
    private final Map<String, ScriptedResponse> lastResponses = new HashMap<>();

    TestingCoordinator()
            throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI uri()
    {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    URI uri(String path)
    {
        return uri().resolve(path);
    }

    synchronized void respond(String method, String path, ScriptedResponse... responses)
    {
        Deque<ScriptedResponse> script = scripts.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>());
        Collections.addAll(script, responses);
    }

    List<RecordedRequest> requests()
    {
        return List.copyOf(requests);
    }

    List<RecordedRequest> requests(String method, String path)
    {
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (request.method().equals(method) && request.path().equals(path)) {
                matching.add(request);
            }
        }
        return matching;
    }

    private synchronized ScriptedResponse next(String method, String path)
    {
        String key = method + " " + path;
        Deque<ScriptedResponse> script = scripts.get(key);
        if (script != null && !script.isEmpty()) {
            lastResponses.put(key, script.removeFirst());
        }
        ScriptedResponse response = lastResponses.get(key);
        if (response == null) {
            return status(404).body("text/plain", "no script for " + key);
        }
        return response;
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ENGLISH), List.copyOf(values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            requests.add(new RecordedRequest(method, path, headers, body));

            ScriptedResponse response = next(method, path);
            if (!response.delay.isZero()) {
                try {
                    Thread.sleep(response.delay.toMillis());
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (response.dropConnection) {
                // closing without a status line: the client sees the connection end
                return;
            }
            response.headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            byte[] bytes = response.body.getBytes(UTF_8);
            if (bytes.length == 0 || method.equals("HEAD")) {
                exchange.sendResponseHeaders(response.status, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType);
            exchange.sendResponseHeaders(response.status, bytes.length);
            try (OutputStream output = exchange.getResponseBody()) {
                output.write(bytes);
            }
        }
        finally {
            exchange.close();
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ScriptedResponse ok(QueryResults results)
    {
        try {
            return status(200).body("application/json", MAPPER.writeValueAsString(results));
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScriptedResponse status(int status)
    {
        return new ScriptedResponse(status);
    }

    static ScriptedResponse dropConnection()
    {
        ScriptedResponse response = new ScriptedResponse(0);
        response.dropConnection = true;
        return response;
    }

    static final class ScriptedResponse
    {
        private final int status;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private String contentType = "text/plain";
        private String body = "";
        private Duration delay = Duration.ZERO;
        private boolean dropConnection;

        private ScriptedResponse(int status)
        {
            this.status = status;
        }

        ScriptedResponse body(String contentType, String body)
        {
            this.contentType = requireNonNull(contentType, "contentType is null");
            this.body = requireNonNull(body, "body is null");
            return this;
        }

        ScriptedResponse header(String name, String value)
        {
            headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            return this;
        }

        ScriptedResponse delay(Duration delay)
        {
            this.delay = requireNonNull(delay, "delay is null");
            return this;
        }
    }

    static final class RecordedRequest
    {
        private final String method;
        private final String path;
        private final Map<String, List<String>> headers;
        private final String body;

        RecordedRequest(String method, String path, Map<String, List<String>> headers, String body)
        {
            this.method = method;
            this.path = path;
            this.headers = headers;
            this.body = body;
        }

        String method()
        {
            return method;
        }

        String path()
        {
            return path;
        }

        String body()
        {
            return body;
        }

        /** The values of a header, in the order sent; names are compared ignoring case. */
        List<String> headers(String name)
        {
            return headers.getOrDefault(name.toLowerCase(Locale.ENGLISH), List.of());
        }

        String header(String name)
        {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        @Override
        public String toString()
        {
            return method + " " + path;
        }
    }
}

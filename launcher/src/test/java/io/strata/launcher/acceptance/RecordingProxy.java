package io.strata.launcher.acceptance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * A reverse proxy on a free loopback port that forwards every request to a coordinator and records what went
 * through: how a test sees the HTTP requests of a stock driver (a {@code DELETE} of {@code nextUri} on
 * {@code cancel()}, which the driver sends asynchronously). The coordinator is told the proxy's address in
 * {@code X-Forwarded-Host}, so its {@code nextUri}s lead the driver back through the proxy.
 */
public final class RecordingProxy
        implements Closeable
{
    // hop-by-hop headers, and the ones the forwarding client sets itself
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "transfer-encoding", "accept-encoding", "keep-alive", "upgrade");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor;
    private final OkHttpClient client;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<String> started = new CopyOnWriteArrayList<>();

    private RecordingProxy(URI target)
            throws IOException
    {
        this.target = requireNonNull(target, "target is null");
        this.client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(4, 10, TimeUnit.SECONDS))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
        // a driver long-polls nextUri while another thread sends DELETE: more than one thread
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "recording-proxy");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    public static RecordingProxy start(URI target)
    {
        try {
            return new RecordingProxy(target);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot start the proxy", e);
        }
    }

    /** {@code 127.0.0.1:PORT}. */
    public String hostAndPort()
    {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Every exchange so far, in the order the responses went back. */
    public List<Exchange> exchanges()
    {
        return List.copyOf(exchanges);
    }

    /** What the proxy has seen, for failure messages: requests in the order they came, then the finished exchanges. */
    public String describe()
    {
        return "requests " + started + ", answered " + exchanges;
    }

    /**
     * Waits for an exchange that matches, at most for the timeout.
     *
     * @throws AssertionError listing every exchange if none matches in time
     */
    public Exchange awaitExchange(Predicate<Exchange> filter, Duration timeout)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Exchange exchange : exchanges) {
                if (filter.test(exchange)) {
                    return exchange;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such request within " + timeout + "; the proxy saw " + describe());
            }
            Thread.sleep(20);
        }
    }

    private void forward(HttpExchange exchange)
            throws IOException
    {
        try {
            String method = exchange.getRequestMethod();
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            started.add(method + " " + pathAndQuery);
            byte[] requestBody;
            try (InputStream input = exchange.getRequestBody()) {
                requestBody = input.readAllBytes();
            }
            Request.Builder request = new Request.Builder().url(target.resolve(pathAndQuery).toString());
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ENGLISH))) {
                    header.getValue().forEach(value -> request.addHeader(header.getKey(), value));
                }
            }
            request.header("X-Forwarded-Host", hostAndPort());
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            RequestBody body = method.equals("POST") || method.equals("PUT")
                    ? RequestBody.create(requestBody, contentType == null ? null : MediaType.parse(contentType))
                    : null;
            request.method(method, body);

            int status;
            byte[] responseBody;
            Headers responseHeaders;
            try (Response response = client.newCall(request.build()).execute()) {
                status = response.code();
                responseHeaders = response.headers();
                ResponseBody content = response.body();
                responseBody = content == null ? new byte[0] : content.bytes();
            }
            catch (IOException e) {
                status = 502;
                responseHeaders = Headers.of();
                responseBody = ("proxy: " + e).getBytes(StandardCharsets.UTF_8);
            }
            for (String name : responseHeaders.names()) {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ENGLISH))) {
                    exchange.getResponseHeaders().put(name, responseHeaders.values(name));
                }
            }
            boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || responseBody.length == 0;
            exchange.sendResponseHeaders(status, noBody ? -1 : responseBody.length);
            if (!noBody) {
                try (OutputStream output = exchange.getResponseBody()) {
                    output.write(responseBody);
                }
            }
            exchanges.add(new Exchange(method, pathAndQuery, status));
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
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** One request the proxy forwarded and the status the coordinator answered. */
    public record Exchange(String method, String pathAndQuery, int status)
    {
        public Exchange
        {
            requireNonNull(method, "method is null");
            requireNonNull(pathAndQuery, "pathAndQuery is null");
        }

        @Override
        public String toString()
        {
            return method + " " + pathAndQuery + " -> " + status;
        }
    }
}

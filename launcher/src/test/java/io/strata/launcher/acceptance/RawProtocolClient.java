package io.strata.launcher.acceptance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.protocol.Dialect;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The client protocol spoken by hand over OkHttp, with no driver in between: what a test needs to see status codes,
 * headers and the JSON exactly as the server sends them. Every call is bounded by the client's timeouts, every loop
 * by a deadline.
 */
public final class RawProtocolClient
        implements Closeable
{
    public static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TestingCoordinator coordinator;
    private final OkHttpClient client;

    public RawProtocolClient(TestingCoordinator coordinator)
    {
        this.coordinator = requireNonNull(coordinator, "coordinator is null");
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(8);
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(2, 10, TimeUnit.SECONDS))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(40))
                // a test sees the server's own status codes; never retried or redirected behind its back
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    /** POSTs a statement with the dialect's user header and the given extra headers (names spelled by the caller). */
    public RawResponse post(Dialect dialect, String sql, Map<String, String> headers)
    {
        Request.Builder request = new Request.Builder()
                .url(coordinator.uri("/v1/statement").toString())
                .post(RequestBody.create(sql, TEXT))
                .header(dialect.headerPrefix() + "User", StockDrivers.USER);
        headers.forEach(request::header);
        return execute(request.build());
    }

    public RawResponse post(Dialect dialect, String sql)
    {
        return post(dialect, sql, Map.of());
    }

    public RawResponse get(Dialect dialect, URI uri)
    {
        return execute(new Request.Builder().url(uri.toString()).get().header(dialect.headerPrefix() + "User", StockDrivers.USER).build());
    }

    public RawResponse delete(Dialect dialect, URI uri)
    {
        return execute(new Request.Builder().url(uri.toString()).delete().header(dialect.headerPrefix() + "User", StockDrivers.USER).build());
    }

    public RawResponse execute(Request request)
    {
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            return new RawResponse(request.method() + " " + request.url(), response.code(), response.headers(), text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.url() + " failed", e);
        }
    }

    /**
     * Follows {@code nextUri} from a response until a response has none, and returns every response, the given one
     * first.
     *
     * @throws AssertionError if a response is not 200 with a JSON body, or the query has not ended within the timeout
     */
    public List<RawResponse> followToEnd(Dialect dialect, RawResponse first, Duration timeout)
    {
        List<RawResponse> responses = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        RawResponse current = first;
        while (true) {
            current.requireOk();
            responses.add(current);
            Optional<URI> nextUri = current.nextUri();
            if (nextUri.isEmpty()) {
                return responses;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("query " + current.json().path("id").asText() + " did not end within " + timeout + "; last response: " + current);
            }
            current = get(dialect, nextUri.get());
        }
    }

    @Override
    public void close()
    {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** One HTTP exchange as the server answered it. */
    public record RawResponse(String request, int code, Headers headers, String body)
    {
        public RawResponse
        {
            requireNonNull(request, "request is null");
            requireNonNull(headers, "headers is null");
            requireNonNull(body, "body is null");
        }

        public JsonNode json()
        {
            try {
                return MAPPER.readTree(body);
            }
            catch (JsonProcessingException e) {
                throw new AssertionError(request + " answered " + code + " with a body that is not JSON: " + body, e);
            }
        }

        public RawResponse requireOk()
        {
            if (code != 200) {
                throw new AssertionError(request + " answered " + code + ", not 200: " + body);
            }
            json();
            return this;
        }

        public Optional<URI> nextUri()
        {
            JsonNode nextUri = json().path("nextUri");
            if (nextUri.isMissingNode() || nextUri.isNull()) {
                return Optional.empty();
            }
            return Optional.of(URI.create(nextUri.asText()));
        }

        /** The query's state as the response reports it, {@code stats.state}. */
        public String state()
        {
            return json().path("stats").path("state").asText();
        }

        @Override
        public String toString()
        {
            return request + " -> " + code + " " + body;
        }
    }
}

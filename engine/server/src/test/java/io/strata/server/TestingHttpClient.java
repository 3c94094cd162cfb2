package io.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A raw HTTP client for tests, on OkHttp, with every call bounded in time: status, headers and body of a
 * response as plain values, and the statement protocol's loop (follow {@code nextUri} to the end).
 */
public final class TestingHttpClient
        implements AutoCloseable
{
    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");
    private static final int MAX_RESPONSES = 1000;

    private final OkHttpClient client = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(20))
            .readTimeout(Duration.ofSeconds(20))
            .retryOnConnectionFailure(false)
            .build();
    private final ObjectMapper objectMapper = new ObjectMapper();
    private final URI baseUri;

    public TestingHttpClient(URI baseUri)
    {
        this.baseUri = requireNonNull(baseUri, "baseUri is null");
    }

    /** A response read whole; never compared as a record, only its parts are. */
    @SuppressWarnings("ArrayRecordComponent")
    public record Result(int status, Headers headers, byte[] body)
    {
        public String text()
        {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name)
        {
            return headers.get(name);
        }
    }

    public Result post(String sql, String... headers)
    {
        return execute(request(baseUri.resolve("/v1/statement"), headers).post(RequestBody.create(sql, TEXT)).build());
    }

    public Result get(URI uri, String... headers)
    {
        return execute(request(uri, headers).get().build());
    }

    public Result get(String path, String... headers)
    {
        return get(baseUri.resolve(path), headers);
    }

    public Result delete(URI uri, String... headers)
    {
        return execute(request(uri, headers).delete().build());
    }

    public Result head(URI uri, String... headers)
    {
        return execute(request(uri, headers).head().build());
    }

    public Result method(String method, String path, byte[] body, String... headers)
    {
        RequestBody requestBody = body == null ? null : RequestBody.create(body, TEXT);
        return execute(request(baseUri.resolve(path), headers).method(method, requestBody).build());
    }

    public JsonNode json(Result result)
    {
        try {
            return objectMapper.readTree(result.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + result.text(), e);
        }
    }

    /** Posts {@code sql} and follows {@code nextUri} to the end: every response, the POST's first. */
    public List<Result> run(String sql, String... headers)
    {
        List<Result> results = new ArrayList<>();
        Result result = post(sql, headers);
        results.add(result);
        while (result.status() == 200 && json(result).hasNonNull("nextUri")) {
            if (results.size() > MAX_RESPONSES) {
                throw new AssertionError("more than " + MAX_RESPONSES + " responses for " + sql);
            }
            result = get(URI.create(json(result).get("nextUri").asText()), headers);
            results.add(result);
        }
        return results;
    }

    private Request.Builder request(URI uri, String... headers)
    {
        Request.Builder builder = new Request.Builder().url(uri.toString());
        for (int index = 0; index < headers.length; index += 2) {
            builder.addHeader(headers[index], headers[index + 1]);
        }
        return builder;
    }

    private Result execute(Request request)
    {
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            return new Result(response.code(), response.headers(), body == null ? new byte[0] : body.bytes());
        }
        catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.url() + " failed", e);
        }
    }

    @Override
    public void close()
    {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}

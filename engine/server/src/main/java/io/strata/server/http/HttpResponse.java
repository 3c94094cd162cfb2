package io.strata.server.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A complete response: status, headers in order (a name may repeat) and body. Immutable, so a response may
 * be cached and sent again byte for byte.
 */
public final class HttpResponse
{
    public static final String JSON_CONTENT_TYPE = "application/json";
    public static final String TEXT_CONTENT_TYPE = "text/plain; charset=utf-8";

    private final int status;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;

    public HttpResponse(int status, List<Map.Entry<String, String>> headers, byte[] body)
    {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("bad status: " + status);
        }
        this.status = status;
        this.headers = List.copyOf(requireNonNull(headers, "headers is null"));
        this.body = requireNonNull(body, "body is null").clone();
    }

    public static HttpResponse json(int status, byte[] json)
    {
        return new HttpResponse(status, List.of(Map.entry("Content-Type", JSON_CONTENT_TYPE)), json);
    }

    /** A plain-text response: every error carries a message a person can read. */
    public static HttpResponse text(int status, String message)
    {
        return new HttpResponse(status, List.of(Map.entry("Content-Type", TEXT_CONTENT_TYPE)), message.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse noContent()
    {
        return new HttpResponse(204, List.of(), new byte[0]);
    }

    public static HttpResponse ok()
    {
        return new HttpResponse(200, List.of(), new byte[0]);
    }

    public int status()
    {
        return status;
    }

    public List<Map.Entry<String, String>> headers()
    {
        return headers;
    }

    public byte[] body()
    {
        return body.clone();
    }

    public int bodyLength()
    {
        return body.length;
    }

    /** This response with one more header. */
    public HttpResponse withHeader(String name, String value)
    {
        List<Map.Entry<String, String>> newHeaders = new ArrayList<>(headers);
        newHeaders.add(Map.entry(name, value));
        return new HttpResponse(status, newHeaders, body);
    }

    /** The same response with no body, as an answer to {@code HEAD}. */
    public HttpResponse withoutBody()
    {
        return new HttpResponse(status, headers, new byte[0]);
    }

    @Override
    public String toString()
    {
        return "HttpResponse{" + status + ", " + body.length + " bytes}";
    }
}

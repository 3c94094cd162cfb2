package io.strata.server.http;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One aggregated HTTP request as the handlers see it: no Netty types, the body as bytes, the path decoded,
 * and the parameters the {@link Router} captured from the path pattern.
 */
public final class HttpRequest
{
    private final String method;
    private final String path;
    private final Map<String, List<String>> queryParameters;
    private final RequestHeaders headers;
    private final byte[] body;
    private final Map<String, String> pathParameters;
    private final InetSocketAddress localAddress;

    public HttpRequest(
            String method,
            String path,
            Map<String, List<String>> queryParameters,
            RequestHeaders headers,
            byte[] body,
            Map<String, String> pathParameters,
            InetSocketAddress localAddress)
    {
        this.method = requireNonNull(method, "method is null");
        this.path = requireNonNull(path, "path is null");
        this.queryParameters = Map.copyOf(requireNonNull(queryParameters, "queryParameters is null"));
        this.headers = requireNonNull(headers, "headers is null");
        this.body = requireNonNull(body, "body is null").clone();
        this.pathParameters = Map.copyOf(requireNonNull(pathParameters, "pathParameters is null"));
        this.localAddress = requireNonNull(localAddress, "localAddress is null");
    }

    /** The method in upper case: {@code GET}, {@code POST}, ... */
    public String method()
    {
        return method;
    }

    /** The decoded path, without the query string. */
    public String path()
    {
        return path;
    }

    public Map<String, List<String>> queryParameters()
    {
        return queryParameters;
    }

    /** The first value of a query parameter, if present. */
    public Optional<String> queryParameter(String name)
    {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public RequestHeaders headers()
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

    /**
     * A parameter the route's pattern captured ({@code {queryId}} in {@code /v1/statement/queued/{queryId}/{token}}).
     *
     * @throws IllegalArgumentException if the pattern has no such parameter
     */
    public String pathParameter(String name)
    {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no path parameter " + name + " in route for " + path);
        }
        return value;
    }

    /** The address the request arrived at, for URIs when the client sent no {@code Host}. */
    public InetSocketAddress localAddress()
    {
        return localAddress;
    }

    HttpRequest withPathParameters(Map<String, String> pathParameters)
    {
        return new HttpRequest(method, path, queryParameters, headers, body, pathParameters, localAddress);
    }

    @Override
    public String toString()
    {
        return method + " " + path;
    }
}

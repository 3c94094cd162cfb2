package io.strata.server.http;

/**
 * Ends a request with a client error status and a message, e.g. 400 for a malformed header or 410 for a
 * stale token. Thrown by a handler (or completing its future), it becomes a plain-text response.
 */
public class HttpException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpException(int status, String message)
    {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
    }

    public static HttpException badRequest(String message)
    {
        return new HttpException(400, message);
    }

    public static HttpException notFound(String message)
    {
        return new HttpException(404, message);
    }

    public int status()
    {
        return status;
    }
}

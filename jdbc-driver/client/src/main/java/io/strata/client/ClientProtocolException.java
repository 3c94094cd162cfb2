package io.strata.client;

import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * The coordinator answered, but not as the protocol says: an unexpected HTTP status (including a 502, 503
 * or 504 that outlasted the retries), a body that is not the expected JSON, or a malformed header. The
 * status and the start of the body are kept for the message and for callers that classify the failure.
 */
public final class ClientProtocolException
        extends ClientException
{
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String bodySnippet;

    public ClientProtocolException(String message, OptionalInt httpStatus, String bodySnippet)
    {
        super(message);
        this.httpStatus = requireNonNull(httpStatus, "httpStatus is null").orElse(-1);
        this.bodySnippet = requireNonNull(bodySnippet, "bodySnippet is null");
    }

    public ClientProtocolException(String message, OptionalInt httpStatus, String bodySnippet, Throwable cause)
    {
        super(message, cause);
        this.httpStatus = requireNonNull(httpStatus, "httpStatus is null").orElse(-1);
        this.bodySnippet = requireNonNull(bodySnippet, "bodySnippet is null");
    }

    /** The HTTP status of the response, if the failure came with one. */
    public OptionalInt httpStatus()
    {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The start of the response body, possibly empty. */
    public String bodySnippet()
    {
        return bodySnippet;
    }
}

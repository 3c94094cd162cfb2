package io.strata.client;

/**
 * The coordinator could not be reached or stopped answering: connection refused or reset, a timeout,
 * retries that ran out of time, or the calling thread was interrupted while waiting to retry.
 */
public final class ClientConnectionException
        extends ClientException
{
    private static final long serialVersionUID = 1L;

    public ClientConnectionException(String message, Throwable cause)
    {
        super(message, cause);
    }
}

package io.strata.client;

/**
 * A statement could not be run or followed to its end. The subclasses say whose fault it is: the network
 * ({@link ClientConnectionException}), the server's answer ({@link ClientProtocolException}) or the query
 * itself ({@link QueryFailedException}).
 */
public abstract class ClientException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    protected ClientException(String message)
    {
        super(message);
    }

    protected ClientException(String message, Throwable cause)
    {
        super(message, cause);
    }
}

package io.strata.client;

import io.strata.protocol.ErrorLocation;
import io.strata.protocol.QueryError;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The coordinator ran the statement and it failed; carries the server's {@link QueryError} (code, name,
 * type, SQLSTATE, location) for the driver to turn into an {@code SQLException}.
 */
public final class QueryFailedException
        extends ClientException
{
    private static final long serialVersionUID = 1L;

    private final String queryId;
    private final QueryError error;

    public QueryFailedException(String queryId, QueryError error)
    {
        super("Query failed (#" + requireNonNull(queryId, "queryId is null") + "): " + requireNonNull(error, "error is null").message());
        this.queryId = queryId;
        this.error = error;
    }

    public String queryId()
    {
        return queryId;
    }

    public QueryError error()
    {
        return error;
    }

    public int errorCode()
    {
        return error.errorCode();
    }

    public String errorName()
    {
        return error.errorName();
    }

    public String errorType()
    {
        return error.errorType();
    }

    public Optional<String> sqlState()
    {
        return error.sqlState();
    }

    public Optional<ErrorLocation> errorLocation()
    {
        return error.errorLocation();
    }

    public boolean retriable()
    {
        return error.retriable();
    }
}

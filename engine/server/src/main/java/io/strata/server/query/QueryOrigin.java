package io.strata.server.query;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Who submitted a query, from where, what it says, and when it arrived: what {@code system.runtime.queries}
 * shows beside the query's state.
 */
public record QueryOrigin(String user, Optional<String> source, String sql, Instant created)
{
    public QueryOrigin
    {
        requireNonNull(user, "user is null");
        requireNonNull(source, "source is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(created, "created is null");
    }
}

package io.strata.spi.connector;

import java.time.Instant;
import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * What a connector may know of the query it serves.
 */
public record ConnectorSession(String queryId, String user, ZoneId timeZone, Instant start)
{
    public ConnectorSession
    {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(user, "user is null");
        requireNonNull(timeZone, "timeZone is null");
        requireNonNull(start, "start is null");
    }
}

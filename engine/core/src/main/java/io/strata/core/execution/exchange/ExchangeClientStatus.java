package io.strata.core.execution.exchange;

import java.net.URI;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot of an {@link HttpExchangeClient}, for statistics and {@code EXPLAIN ANALYZE}.
 *
 * @param bufferedBytes bytes of pages waiting for the consumer
 * @param bufferedPages pages waiting for the consumer
 * @param pagesReceived pages received from all upstreams
 * @param noMoreLocations whether every upstream location is known
 * @param locations one entry per upstream, in the order they were added
 */
public record ExchangeClientStatus(
        long bufferedBytes,
        int bufferedPages,
        long pagesReceived,
        boolean noMoreLocations,
        List<LocationStatus> locations)
{
    public ExchangeClientStatus
    {
        locations = List.copyOf(requireNonNull(locations, "locations is null"));
    }

    /**
     * One upstream buffer.
     *
     * @param uri the buffer's results URI (without the token)
     * @param token the next token to request
     * @param pagesReceived pages received from it
     * @param bytesReceived body bytes received from it
     * @param requests GET requests sent to it, retries included
     * @param retries GET requests repeated after a transient failure
     * @param complete whether it said its buffer is complete
     */
    public record LocationStatus(URI uri, long token, long pagesReceived, long bytesReceived, long requests, long retries, boolean complete)
    {
        public LocationStatus
        {
            requireNonNull(uri, "uri is null");
        }
    }
}

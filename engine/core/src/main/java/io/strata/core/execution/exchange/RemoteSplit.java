package io.strata.core.execution.exchange;

import io.strata.core.execution.split.Split;
import io.strata.spi.connector.ConnectorSplit;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * The result buffer of one upstream task, as a split of a remote source:
 * {@code http://host:port/v1/task/{taskId}/results/{bufferId}}.
 */
public record RemoteSplit(URI location)
        implements ConnectorSplit
{
    /** The catalog name of remote splits; no connector reads them. */
    public static final String REMOTE_CATALOG = "$remote";

    public RemoteSplit
    {
        requireNonNull(location, "location is null");
    }

    public static Split split(URI location)
    {
        return new Split(REMOTE_CATALOG, new RemoteSplit(location));
    }
}

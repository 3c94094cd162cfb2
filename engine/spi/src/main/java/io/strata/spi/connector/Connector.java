package io.strata.spi.connector;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;

public interface Connector
{
    ConnectorMetadata metadata();

    ConnectorSplitManager splitManager();

    ConnectorPageSourceProvider pageSourceProvider();

    /** Writes the rows of INSERT and CREATE TABLE AS; a read-only connector keeps the default. */
    default ConnectorPageSinkProvider pageSinkProvider()
    {
        throw new StrataException(ErrorCode.NOT_SUPPORTED, "This connector does not support writes");
    }

    /**
     * Whether any node can read the splits of the table. A table whose rows live in the coordinator's memory (the
     * memory connector's tables, the system tables about the coordinator's queries and metadata) answers false,
     * and its scans run on the coordinator.
     */
    default boolean splitsRunOnAnyNode(ConnectorTableHandle table)
    {
        return true;
    }

    default void shutdown() {}
}

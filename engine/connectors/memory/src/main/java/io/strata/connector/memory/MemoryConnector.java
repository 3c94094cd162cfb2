package io.strata.connector.memory;

import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConnectorPageSinkProvider;
import io.strata.spi.connector.ConnectorPageSourceProvider;
import io.strata.spi.connector.ConnectorSplitManager;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.FixedSplitSource;

import static java.util.Objects.requireNonNull;

/**
 * A memory catalog: its tables' names and columns ({@link MemoryMetadata}) and their pages
 * ({@link MemoryPagesStore}). Thread-safe.
 */
public final class MemoryConnector
        implements Connector
{
    private final MemoryPagesStore pagesStore;
    private final MemoryMetadata metadata;
    private final int splitsPerNode;

    public MemoryConnector(String catalogName, MemoryConfig config)
    {
        requireNonNull(config, "config is null");
        this.pagesStore = new MemoryPagesStore(requireNonNull(catalogName, "catalogName is null"), config.maxDataPerNode());
        this.metadata = new MemoryMetadata(pagesStore);
        this.splitsPerNode = config.splitsPerNode();
    }

    @Override
    public boolean splitsRunOnAnyNode(ConnectorTableHandle table)
    {
        // the tables live in the coordinator's memory
        return false;
    }

    @Override
    public ConnectorMetadata metadata()
    {
        return metadata;
    }

    @Override
    public ConnectorSplitManager splitManager()
    {
        return (session, table) -> new FixedSplitSource(pagesStore.splits(((MemoryTableHandle) table).tableId(), splitsPerNode));
    }

    @Override
    public ConnectorPageSourceProvider pageSourceProvider()
    {
        return (session, split, table, columns) -> new MemoryPageSource(pagesStore.pages((MemorySplit) split), columns);
    }

    @Override
    public ConnectorPageSinkProvider pageSinkProvider()
    {
        return (session, insert) -> new MemoryPageSink(pagesStore, (MemoryInsertTableHandle) insert);
    }

    /** Bytes the catalog's tables and unfinished inserts hold now. */
    public long dataSize()
    {
        return pagesStore.usedBytes();
    }
}

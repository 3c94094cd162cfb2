package io.strata.spi.connector;

import io.airlift.slice.Slice;
import io.strata.spi.block.Page;

import java.util.List;

/**
 * Receives the rows of one INSERT from one writer, a page at a time, channel {@code i} holding the table's
 * column {@code i}. Not thread-safe: one driver writes to it. Nothing it receives is visible to readers before
 * {@link ConnectorMetadata#finishInsert}.
 */
public interface ConnectorPageSink
{
    /**
     * Takes a page. The sink may keep it (pages are immutable) but must account for its memory.
     *
     * @throws io.strata.spi.StrataException when the connector cannot take it (a limit is exceeded)
     */
    void appendPage(Page page);

    /** No more pages will come. Returns what {@link ConnectorMetadata#finishInsert} needs of this writer. */
    List<Slice> finish();

    /** The insert will not finish: drop what this sink holds. */
    void abort();
}

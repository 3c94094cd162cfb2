package io.strata.connector.memory;

import io.airlift.slice.Slice;
import io.strata.spi.block.Page;
import io.strata.spi.connector.ConnectorPageSink;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the pages of one writer of an INSERT, each compacted (a page that is a view into larger blocks would
 * keep them alive) and reserved against the catalog's limit as it arrives.
 */
final class MemoryPageSink
        implements ConnectorPageSink
{
    private final MemoryPagesStore store;
    private final MemoryInsertTableHandle insert;
    private final List<Page> pages = new ArrayList<>();
    private long rows;
    private long bytes;

    MemoryPageSink(MemoryPagesStore store, MemoryInsertTableHandle insert)
    {
        this.store = requireNonNull(store, "store is null");
        this.insert = requireNonNull(insert, "insert is null");
    }

    @Override
    public void appendPage(Page page)
    {
        if (page.positionCount() == 0) {
            return;
        }
        Page compact = compact(page);
        long size = compact.retainedSizeInBytes();
        store.reserve(size);
        bytes += size;
        rows += compact.positionCount();
        pages.add(compact);
    }

    @Override
    public List<Slice> finish()
    {
        store.addPending(insert, pages, rows, bytes);
        pages.clear();
        bytes = 0;
        rows = 0;
        return List.of();
    }

    @Override
    public void abort()
    {
        store.release(bytes);
        pages.clear();
        bytes = 0;
        rows = 0;
    }

    private static Page compact(Page page)
    {
        if (page.retainedSizeInBytes() <= page.sizeInBytes()) {
            return page;
        }
        int[] positions = new int[page.positionCount()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return page.copyPositions(positions, 0, positions.length);
    }
}

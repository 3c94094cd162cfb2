package io.strata.connector.memory;

import io.strata.spi.block.Page;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ConnectorPageSource;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The stored pages of one split, narrowed to the requested columns (blocks are shared, not copied).
 */
final class MemoryPageSource
        implements ConnectorPageSource
{
    private final List<Page> pages;
    private final int[] channels;
    private int next;
    private long completedBytes;
    private long completedPositions;

    MemoryPageSource(List<Page> pages, List<ColumnHandle> columns)
    {
        this.pages = requireNonNull(pages, "pages is null");
        this.channels = requireNonNull(columns, "columns is null").stream()
                .mapToInt(column -> ((MemoryColumnHandle) column).channel())
                .toArray();
    }

    @Override
    public Page getNextPage()
    {
        if (next >= pages.size()) {
            return null;
        }
        Page page = pages.get(next++);
        completedBytes += page.sizeInBytes();
        completedPositions += page.positionCount();
        if (channels.length == 0) {
            return new Page(page.positionCount());
        }
        return page.selectChannels(channels);
    }

    @Override
    public boolean isFinished()
    {
        return next >= pages.size();
    }

    @Override
    public long completedBytes()
    {
        return completedBytes;
    }

    @Override
    public long completedPositions()
    {
        return completedPositions;
    }
}

package io.strata.connector.memory;

import io.strata.spi.connector.ConnectorSplit;

/**
 * Pages {@code [startPage, endPage)} of table {@code tableId}, as committed when the split was made (pages are
 * only ever appended, so the range stays valid while the table exists).
 */
public record MemorySplit(long tableId, int startPage, int endPage)
        implements ConnectorSplit
{
    public MemorySplit
    {
        if (startPage < 0 || endPage < startPage) {
            throw new IllegalArgumentException("not a page range: [" + startPage + ", " + endPage + ")");
        }
    }
}

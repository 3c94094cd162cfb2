package io.strata.spi.connector;

import java.util.List;

public interface ConnectorPageSourceProvider
{
    /**
     * Reads a split's rows, only the given columns, in that order (projection pushdown): channel {@code i} of
     * every page is {@code columns.get(i)}.
     */
    ConnectorPageSource createPageSource(ConnectorSession session, ConnectorSplit split, ConnectorTableHandle table, List<ColumnHandle> columns);
}

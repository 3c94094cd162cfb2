package io.strata.connector.tpch;

import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ConnectorPageSource;
import io.strata.spi.connector.ConnectorPageSourceProvider;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.ConnectorTableHandle;

import java.util.ArrayList;
import java.util.List;

import static io.strata.spi.block.PageBuilder.DEFAULT_MAX_POSITIONS;
import static java.util.Objects.requireNonNull;

public final class TpchPageSourceProvider
        implements ConnectorPageSourceProvider
{
    @Override
    public ConnectorPageSource createPageSource(ConnectorSession session, ConnectorSplit split, ConnectorTableHandle table, List<ColumnHandle> columns)
    {
        TpchSplit tpchSplit = (TpchSplit) split;
        TpchTableHandle handle = (TpchTableHandle) table;
        requireNonNull(columns, "columns is null");
        if (!tpchSplit.tableName().equals(handle.tableName())) {
            throw new IllegalArgumentException("split of table " + tpchSplit.tableName() + " read as table " + handle.tableName());
        }
        List<TpchColumnHandle> tpchColumns = new ArrayList<>(columns.size());
        for (ColumnHandle column : columns) {
            tpchColumns.add((TpchColumnHandle) column);
        }
        return TpchPageSource.create(TpchTables.tableOrThrow(tpchSplit.tableName()), tpchSplit, handle.constraint(), tpchColumns, DEFAULT_MAX_POSITIONS);
    }
}

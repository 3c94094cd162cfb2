package io.strata.connector.tpch;

import io.airlift.slice.Slice;
import io.strata.spi.block.Block;
import io.strata.spi.block.Page;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorPageSource;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.ConnectorSplitSource;
import io.strata.spi.connector.SchemaTableName;
import io.strata.spi.type.Type;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a tpch connector the way the engine does: metadata, splits, one page source per split.
 */
final class TestingTpch
{
    static final ConnectorSession SESSION = new ConnectorSession("test_query", "test_user", ZoneId.of("UTC"), Instant.EPOCH);

    private TestingTpch() {}

    static Connector connector()
    {
        return new TpchConnectorFactory().create("tpch", Map.of());
    }

    static TpchTableHandle tableHandle(Connector connector, String schemaName, String tableName)
    {
        return (TpchTableHandle) connector.metadata().getTableHandle(SESSION, new SchemaTableName(schemaName, tableName)).orElseThrow();
    }

    static TpchColumnHandle columnHandle(Connector connector, TpchTableHandle table, String columnName)
    {
        for (ColumnHandle handle : connector.metadata().getColumnHandles(SESSION, table)) {
            if (((TpchColumnHandle) handle).columnName().equals(columnName)) {
                return (TpchColumnHandle) handle;
            }
        }
        throw new IllegalArgumentException("no column " + columnName);
    }

    static List<ColumnHandle> columnHandles(Connector connector, TpchTableHandle table, String... columnNames)
    {
        List<ColumnHandle> handles = new ArrayList<>();
        for (String columnName : columnNames) {
            handles.add(columnHandle(connector, table, columnName));
        }
        return handles;
    }

    static List<ConnectorSplit> splits(Connector connector, TpchTableHandle table)
    {
        List<ConnectorSplit> splits = new ArrayList<>();
        try (ConnectorSplitSource source = connector.splitManager().getSplits(SESSION, table)) {
            while (!source.isFinished()) {
                splits.addAll(source.nextBatch(100));
            }
        }
        return splits;
    }

    /** The pages of every split in split order; a source's null answers are skipped until it finishes. */
    static List<Page> readPages(Connector connector, TpchTableHandle table, List<ColumnHandle> columns)
    {
        List<Page> pages = new ArrayList<>();
        for (ConnectorSplit split : splits(connector, table)) {
            try (ConnectorPageSource source = connector.pageSourceProvider().createPageSource(SESSION, split, table, columns)) {
                pages.addAll(drain(source));
            }
        }
        return pages;
    }

    static List<Page> drain(ConnectorPageSource source)
    {
        List<Page> pages = new ArrayList<>();
        while (!source.isFinished()) {
            Page page = source.getNextPage();
            if (page != null) {
                pages.add(page);
            }
        }
        return pages;
    }

    /** Rows as lists of Long, Integer or String (varchar decoded), in page order. */
    static List<List<Object>> readRows(Connector connector, TpchTableHandle table, List<ColumnHandle> columns)
    {
        List<Type> types = new ArrayList<>();
        for (ColumnHandle column : columns) {
            types.add(((TpchColumnHandle) column).type());
        }
        return rows(readPages(connector, table, columns), types);
    }

    static List<List<Object>> rows(List<Page> pages, List<Type> types)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (Page page : pages) {
            for (int position = 0; position < page.positionCount(); position++) {
                List<Object> row = new ArrayList<>();
                for (int channel = 0; channel < page.channelCount(); channel++) {
                    row.add(value(types.get(channel), page.getBlock(channel), position));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static Object value(Type type, Block block, int position)
    {
        Object value = type.getValue(block, position);
        if (value instanceof Slice slice) {
            return slice.toStringUtf8();
        }
        return value;
    }

    static long positionCount(List<Page> pages)
    {
        long count = 0;
        for (Page page : pages) {
            count += page.positionCount();
        }
        return count;
    }
}

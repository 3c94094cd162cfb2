package io.strata.core.execution.testing;

import io.airlift.slice.Slices;
import io.strata.spi.block.Block;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.LongBlockBuilder;
import io.strata.spi.block.Page;
import io.strata.spi.block.VariableWidthBlockBuilder;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorFactory;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConnectorPageSource;
import io.strata.spi.connector.ConnectorPageSourceProvider;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.ConnectorSplitManager;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.ConnectorTableMetadata;
import io.strata.spi.connector.FixedSplitSource;
import io.strata.spi.connector.SchemaTableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.VarcharType.VARCHAR;

/**
 * A connector with one table per size, {@code default.numbers_N}: rows {@code (n bigint, s varchar)} for
 * {@code n} in {@code [0, N)}, {@code s} the decimal text of {@code n}, cut into the configured number of splits.
 */
public final class TestingNumbersConnector
        implements Connector
{
    public static final String NAME = "numbers";

    private final int splits;

    public TestingNumbersConnector(int splits)
    {
        this.splits = splits;
    }

    public static ConnectorFactory factory()
    {
        return new ConnectorFactory()
        {
            @Override
            public String name()
            {
                return NAME;
            }

            @Override
            public Connector create(String catalogName, Map<String, String> properties)
            {
                return new TestingNumbersConnector(Integer.parseInt(properties.getOrDefault("splits", "4")));
            }
        };
    }

    public record NumbersTable(long rows)
            implements ConnectorTableHandle
    {
    }

    public record NumbersColumn(String name, int index)
            implements ColumnHandle
    {
    }

    public record NumbersSplit(long start, long end)
            implements ConnectorSplit
    {
    }

    public static NumbersTable table(long rows)
    {
        return new NumbersTable(rows);
    }

    public static final NumbersColumn N = new NumbersColumn("n", 0);
    public static final NumbersColumn S = new NumbersColumn("s", 1);

    @Override
    public ConnectorMetadata metadata()
    {
        return new ConnectorMetadata()
        {
            @Override
            public List<String> listSchemaNames(ConnectorSession session)
            {
                return List.of("default");
            }

            @Override
            public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
            {
                return List.of();
            }

            @Override
            public Optional<ConnectorTableHandle> getTableHandle(ConnectorSession session, SchemaTableName table)
            {
                return Optional.of(new NumbersTable(Long.parseLong(table.tableName().substring("numbers_".length()))));
            }

            @Override
            public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
            {
                return new ConnectorTableMetadata(new SchemaTableName("default", "numbers_" + ((NumbersTable) table).rows()),
                        List.of(new ColumnMetadata("n", BIGINT), new ColumnMetadata("s", VARCHAR)));
            }

            @Override
            public List<ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table)
            {
                return List.of(N, S);
            }
        };
    }

    @Override
    public ConnectorSplitManager splitManager()
    {
        return (session, table) -> {
            long rows = ((NumbersTable) table).rows();
            List<NumbersSplit> result = new ArrayList<>();
            for (int i = 0; i < splits; i++) {
                result.add(new NumbersSplit(rows * i / splits, rows * (i + 1) / splits));
            }
            return new FixedSplitSource(result);
        };
    }

    @Override
    public ConnectorPageSourceProvider pageSourceProvider()
    {
        return (session, split, table, columns) -> new NumbersPageSource((NumbersSplit) split, columns);
    }

    private static final class NumbersPageSource
            implements ConnectorPageSource
    {
        private final List<ColumnHandle> columns;
        private final long start;
        private final long end;
        private long next;
        private long completedBytes;

        NumbersPageSource(NumbersSplit split, List<ColumnHandle> columns)
        {
            this.columns = List.copyOf(columns);
            this.start = split.start();
            this.next = split.start();
            this.end = split.end();
        }

        @Override
        public Page getNextPage()
        {
            if (next >= end) {
                return null;
            }
            int count = (int) Math.min(4096, end - next);
            BlockBuilder[] builders = new BlockBuilder[columns.size()];
            for (int channel = 0; channel < builders.length; channel++) {
                builders[channel] = ((NumbersColumn) columns.get(channel)).index() == 0 ? new LongBlockBuilder(count) : new VariableWidthBlockBuilder(count);
            }
            for (int i = 0; i < count; i++) {
                long value = next + i;
                for (int channel = 0; channel < builders.length; channel++) {
                    if (builders[channel] instanceof LongBlockBuilder) {
                        ((LongBlockBuilder) builders[channel]).appendLong(value);
                    }
                    else {
                        ((VariableWidthBlockBuilder) builders[channel]).appendSlice(Slices.utf8Slice(Long.toString(value)));
                    }
                }
            }
            next += count;
            Block[] blocks = new Block[builders.length];
            for (int channel = 0; channel < blocks.length; channel++) {
                blocks[channel] = builders[channel].build();
            }
            Page page = new Page(count, blocks);
            completedBytes += page.sizeInBytes();
            return page;
        }

        @Override
        public boolean isFinished()
        {
            return next >= end;
        }

        @Override
        public long completedBytes()
        {
            return completedBytes;
        }

        @Override
        public long completedPositions()
        {
            return next - start;
        }
    }
}

package io.strata.connector.memory;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorFactory;
import io.strata.spi.connector.ConnectorInsertTableHandle;
import io.strata.spi.connector.ConnectorPageSink;
import io.strata.spi.connector.ConnectorPageSource;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.ConnectorSplitSource;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.ConnectorTableMetadata;
import io.strata.spi.connector.SchemaTableName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.LongStream;

import static io.strata.spi.type.BigintType.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestMemoryConnector
{
    private static final ConnectorSession SESSION = new ConnectorSession("test", "user", ZoneId.of("UTC"), Instant.EPOCH);
    private static final SchemaTableName TABLE = new SchemaTableName("default", "numbers");

    @Test
    void testServiceLoaderFindsFactory()
    {
        List<ConnectorFactory> factories = new ArrayList<>();
        ServiceLoader.load(ConnectorFactory.class).forEach(factories::add);
        assertThat(factories).filteredOn(factory -> factory.name().equals("memory")).singleElement().isInstanceOf(MemoryConnectorFactory.class);
    }

    @Test
    void testConfig()
    {
        assertThat(MemoryConfig.fromProperties(Map.of()).maxDataPerNode()).isEqualTo(1L << 30);
        assertThat(MemoryConfig.fromProperties(Map.of("memory.max-data-per-node", "512MB")).maxDataPerNode()).isEqualTo(512L << 20);
        assertThatThrownBy(() -> MemoryConfig.fromProperties(Map.of("memory.max-data-per-node", "lots")))
                .hasMessageContaining("memory.max-data-per-node");
        assertThatThrownBy(() -> MemoryConfig.fromProperties(Map.of("memory.bogus", "1")))
                .hasMessageContaining("memory.bogus");
    }

    @Test
    void testSchemasAndTables()
    {
        Connector connector = connector(1L << 20);
        assertThat(connector.metadata().listSchemaNames(SESSION)).containsExactly("default");
        connector.metadata().createSchema(SESSION, "other");
        assertThat(connector.metadata().listSchemaNames(SESSION)).containsExactly("default", "other");
        assertThatThrownBy(() -> connector.metadata().createSchema(SESSION, "other")).satisfies(error -> assertCode(error, ErrorCode.ALREADY_EXISTS));

        createTable(connector);
        assertThatThrownBy(() -> createTable(connector)).satisfies(error -> assertCode(error, ErrorCode.ALREADY_EXISTS));
        assertThatThrownBy(() -> connector.metadata().createTable(SESSION, new ConnectorTableMetadata(new SchemaTableName("missing", "t"), List.of(new ColumnMetadata("a", BIGINT)))))
                .satisfies(error -> assertCode(error, ErrorCode.SCHEMA_NOT_FOUND));
        assertThat(connector.metadata().listTables(SESSION, Optional.of("default"))).containsExactly(TABLE);
        assertThat(connector.metadata().listTables(SESSION, Optional.of("other"))).isEmpty();

        ConnectorTableHandle handle = connector.metadata().getTableHandle(SESSION, TABLE).orElseThrow();
        connector.metadata().dropTable(SESSION, handle);
        assertThat(connector.metadata().getTableHandle(SESSION, TABLE)).isEmpty();
        assertThat(connector.metadata().listTables(SESSION, Optional.empty())).isEmpty();
    }

    @Test
    void testInsertVisibleOnlyAtFinish()
    {
        Connector connector = connector(1L << 20);
        ConnectorTableHandle table = createTable(connector);
        assertThat(read(connector, table, 0)).isEmpty();

        ConnectorInsertTableHandle insert = connector.metadata().beginInsert(SESSION, table);
        ConnectorPageSink first = connector.pageSinkProvider().createPageSink(SESSION, insert);
        ConnectorPageSink second = connector.pageSinkProvider().createPageSink(SESSION, insert);
        for (int page = 0; page < 10; page++) {
            (page % 2 == 0 ? first : second).appendPage(page(page * 100, 100));
        }
        first.finish();
        second.finish();
        assertThat(read(connector, table, 0)).isEmpty();
        assertThat(connector.metadata().getTableStatistics(SESSION, table).rowCount().getAsDouble()).isEqualTo(0);

        connector.metadata().finishInsert(SESSION, insert, List.of());
        assertThat(read(connector, table, 0)).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 1000).boxed().toList());
        assertThat(read(connector, table, 1)).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 1000).map(value -> value * 2).boxed().toList());
        assertThat(connector.metadata().getTableStatistics(SESSION, table).rowCount().getAsDouble()).isEqualTo(1000);
        assertThat(splits(connector, table)).hasSize(MemoryConfig.DEFAULT_SPLITS_PER_NODE);
    }

    @Test
    void testReadersSeeWholeInsertsOnly()
            throws Exception
    {
        Connector connector = connector(64L << 20);
        ConnectorTableHandle table = createTable(connector);
        int inserts = 50;
        int pagesPerInsert = 3;
        int rowsPerPage = 10;
        Thread writer = new Thread(() -> {
            for (int i = 0; i < inserts; i++) {
                ConnectorInsertTableHandle insert = connector.metadata().beginInsert(SESSION, table);
                ConnectorPageSink sink = connector.pageSinkProvider().createPageSink(SESSION, insert);
                for (int page = 0; page < pagesPerInsert; page++) {
                    sink.appendPage(page(0, rowsPerPage));
                }
                sink.finish();
                connector.metadata().finishInsert(SESSION, insert, List.of());
            }
        });
        writer.start();
        List<Integer> counts = new ArrayList<>();
        while (writer.isAlive()) {
            counts.add(read(connector, table, 0).size());
        }
        writer.join();
        counts.add(read(connector, table, 0).size());
        assertThat(counts).allSatisfy(count -> assertThat(count % (pagesPerInsert * rowsPerPage)).isZero());
        assertThat(counts).isSorted();
        assertThat(counts.get(counts.size() - 1)).isEqualTo(inserts * pagesPerInsert * rowsPerPage);
    }

    @Test
    void testAbortedInsertLeavesNothing()
    {
        MemoryConnector connector = connector(1L << 20);
        ConnectorTableHandle table = createTable(connector);
        ConnectorInsertTableHandle insert = connector.metadata().beginInsert(SESSION, table);
        ConnectorPageSink sink = connector.pageSinkProvider().createPageSink(SESSION, insert);
        sink.appendPage(page(0, 100));
        assertThat(connector.dataSize()).isPositive();
        sink.abort();
        connector.metadata().abortInsert(SESSION, insert);
        assertThat(connector.dataSize()).isZero();
        assertThat(read(connector, table, 0)).isEmpty();
    }

    @Test
    void testDataLimit()
    {
        MemoryConnector connector = connector(10_000);
        ConnectorTableHandle table = createTable(connector);
        ConnectorInsertTableHandle insert = connector.metadata().beginInsert(SESSION, table);
        ConnectorPageSink sink = connector.pageSinkProvider().createPageSink(SESSION, insert);
        sink.appendPage(page(0, 100));
        assertThatThrownBy(() -> sink.appendPage(page(0, 1000)))
                .satisfies(error -> assertCode(error, ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT))
                .hasMessageContaining("memory.max-data-per-node");
        sink.finish();
        connector.metadata().finishInsert(SESSION, insert, List.of());
        long used = connector.dataSize();
        connector.metadata().dropTable(SESSION, table);
        assertThat(used).isPositive();
        assertThat(connector.dataSize()).isZero();
    }

    private static MemoryConnector connector(long maxBytes)
    {
        return new MemoryConnector("memory", new MemoryConfig(maxBytes, MemoryConfig.DEFAULT_SPLITS_PER_NODE));
    }

    private static ConnectorTableHandle createTable(Connector connector)
    {
        connector.metadata().createTable(SESSION, new ConnectorTableMetadata(TABLE, List.of(new ColumnMetadata("a", BIGINT), new ColumnMetadata("b", BIGINT))));
        return connector.metadata().getTableHandle(SESSION, TABLE).orElseThrow();
    }

    /** Rows {@code start .. start+count-1} of columns a = n and b = 2n. */
    private static Page page(long start, int count)
    {
        long[] a = new long[count];
        long[] b = new long[count];
        for (int i = 0; i < count; i++) {
            a[i] = start + i;
            b[i] = 2 * (start + i);
        }
        return new Page(new LongArrayBlock(count, null, a), new LongArrayBlock(count, null, b));
    }

    private static List<ConnectorSplit> splits(Connector connector, ConnectorTableHandle table)
    {
        List<ConnectorSplit> splits = new ArrayList<>();
        try (ConnectorSplitSource source = connector.splitManager().getSplits(SESSION, table)) {
            while (!source.isFinished()) {
                splits.addAll(source.nextBatch(100));
            }
        }
        return splits;
    }

    private static List<Long> read(Connector connector, ConnectorTableHandle table, int column)
    {
        ColumnHandle handle = connector.metadata().getColumnHandles(SESSION, table).get(column);
        List<Long> values = new ArrayList<>();
        for (ConnectorSplit split : splits(connector, table)) {
            try (ConnectorPageSource source = connector.pageSourceProvider().createPageSource(SESSION, split, table, List.of(handle))) {
                while (!source.isFinished()) {
                    Page page = source.getNextPage();
                    if (page == null) {
                        continue;
                    }
                    assertThat(page.channelCount()).isEqualTo(1);
                    LongArrayBlock block = (LongArrayBlock) page.getBlock(0);
                    for (int i = 0; i < page.positionCount(); i++) {
                        values.add(block.getLong(i));
                    }
                }
            }
        }
        return values;
    }

    private static void assertCode(Throwable error, ErrorCode code)
    {
        assertThat(error).isInstanceOf(StrataException.class);
        assertThat(((StrataException) error).errorCode()).isEqualTo(code);
    }
}

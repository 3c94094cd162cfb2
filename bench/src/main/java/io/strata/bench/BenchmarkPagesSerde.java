package io.strata.bench;

import io.airlift.slice.Slice;
import io.strata.connector.tpch.TpchMetadata;
import io.strata.connector.tpch.TpchPageSourceProvider;
import io.strata.connector.tpch.TpchSplit;
import io.strata.core.execution.serde.CompressionCodec;
import io.strata.core.execution.serde.PagesSerde;
import io.strata.spi.block.Page;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ConnectorPageSource;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.SchemaTableName;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of {@link PagesSerde} per codec over the pages of TPC-H {@code lineitem} (all 16 columns), as an
 * output buffer would ship them: prints MB/s of page data ({@code Page.sizeInBytes}) serialized and deserialized,
 * and the bytes on the wire per byte of page data. Run by hand, never in CI:
 * <pre>
 * mvn -B -o -q -pl bench -am install -DskipTests
 * cd bench && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp "target/classes:$(cat target/classpath.txt)" io.strata.bench.BenchmarkPagesSerde [scale, default 0.1] [rounds, default 5]
 * </pre>
 */
public final class BenchmarkPagesSerde
{
    private BenchmarkPagesSerde() {}

    public static void main(String[] args)
    {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Page> pages = lineitemPages(scale);
        long dataBytes = 0;
        long rows = 0;
        for (Page page : pages) {
            dataBytes += page.sizeInBytes();
            rows += page.positionCount();
        }
        System.out.printf(Locale.ROOT, "lineitem scale %s: %d pages, %d rows, %.1f MB of page data%n", scale, pages.size(), rows, dataBytes / 1e6);

        for (CompressionCodec codec : CompressionCodec.values()) {
            PagesSerde serde = new PagesSerde(codec);
            List<Slice> serialized = new ArrayList<>(pages.size());
            double bestSerializeSeconds = Double.MAX_VALUE;
            double bestDeserializeSeconds = Double.MAX_VALUE;
            long wireBytes = 0;
            long checksum = 0;
            // the first round warms the JIT up and is not counted
            for (int round = 0; round <= rounds; round++) {
                serialized.clear();
                long start = System.nanoTime();
                for (Page page : pages) {
                    serialized.add(serde.serialize(page));
                }
                double serializeSeconds = (System.nanoTime() - start) / 1e9;

                start = System.nanoTime();
                for (Slice bytes : serialized) {
                    checksum += serde.deserialize(bytes).positionCount();
                }
                double deserializeSeconds = (System.nanoTime() - start) / 1e9;
                if (round > 0) {
                    bestSerializeSeconds = Math.min(bestSerializeSeconds, serializeSeconds);
                    bestDeserializeSeconds = Math.min(bestDeserializeSeconds, deserializeSeconds);
                }
            }
            for (Slice bytes : serialized) {
                wireBytes += bytes.length();
            }
            System.out.printf(Locale.ROOT, "%-5s serialize %7.0f MB/s  deserialize %7.0f MB/s  wire/data %.3f  (%d rows read back)%n",
                    codec,
                    dataBytes / 1e6 / bestSerializeSeconds,
                    dataBytes / 1e6 / bestDeserializeSeconds,
                    (double) wireBytes / dataBytes,
                    checksum / (rounds + 1));
        }
    }

    private static List<Page> lineitemPages(double scale)
    {
        ConnectorSession session = new ConnectorSession("benchmark", "benchmark", ZoneOffset.UTC, Instant.now());
        TpchMetadata metadata = new TpchMetadata();
        String schema = scale == TpchMetadata.TINY_SCALE_FACTOR ? TpchMetadata.TINY_SCHEMA_NAME : "sf" + scale;
        ConnectorTableHandle table = metadata.getTableHandle(session, new SchemaTableName(schema, "lineitem"))
                .orElseThrow(() -> new IllegalArgumentException("no lineitem in schema " + schema));
        List<ColumnHandle> columns = metadata.getColumnHandles(session, table);
        ConnectorPageSource source = new TpchPageSourceProvider().createPageSource(session, new TpchSplit("lineitem", scale, 1, 1), table, columns);
        List<Page> pages = new ArrayList<>();
        while (!source.isFinished()) {
            Page page = source.getNextPage();
            if (page != null && page.positionCount() > 0) {
                pages.add(page);
            }
        }
        source.close();
        return pages;
    }
}

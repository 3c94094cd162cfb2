package io.strata.connector.tpch;

import io.airlift.slice.Slices;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;
import io.strata.spi.block.PageBuilder;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorPageSource;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.Range;
import io.strata.spi.connector.TupleDomain;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Type;
import io.trino.tpch.LineItem;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static io.strata.connector.tpch.TestingTpch.SESSION;
import static io.strata.connector.tpch.TestingTpch.columnHandle;
import static io.strata.connector.tpch.TestingTpch.columnHandles;
import static io.strata.connector.tpch.TestingTpch.drain;
import static io.strata.connector.tpch.TestingTpch.positionCount;
import static io.strata.connector.tpch.TestingTpch.readPages;
import static io.strata.connector.tpch.TestingTpch.readRows;
import static io.strata.connector.tpch.TestingTpch.splits;
import static io.strata.connector.tpch.TestingTpch.tableHandle;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DecimalType.createDecimalType;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestTpchPageSource
{
    private static final double TINY = 0.01;

    private final Connector connector = TestingTpch.connector();

    @Test
    void testRowCountsAtTiny()
    {
        for (TpchTable<?> table : TpchTable.getTables()) {
            TpchTableHandle handle = tableHandle(connector, "tiny", table.getTableName());
            long generated = countGenerated(table);
            long produced = 0;
            long completed = 0;
            for (ConnectorSplit split : splits(connector, handle)) {
                // no columns, as for count(*): pages still carry their position counts
                try (ConnectorPageSource source = connector.pageSourceProvider().createPageSource(SESSION, split, handle, List.of())) {
                    for (Page page : drain(source)) {
                        assertThat(page.channelCount()).isZero();
                        produced += page.positionCount();
                    }
                    completed += source.completedPositions();
                }
            }
            double statistic = connector.metadata().getTableStatistics(SESSION, handle).rowCount().orElseThrow();
            assertThat(produced).as(table.getTableName()).isEqualTo(generated);
            assertThat(completed).as(table.getTableName()).isEqualTo(generated);
            if (table == TpchTable.LINE_ITEM) {
                assertThat(produced).isEqualTo(60_175);
                assertThat(statistic).isCloseTo((double) produced, within(produced * 0.01));
            }
            else {
                assertThat(statistic).as(table.getTableName()).isEqualTo((double) produced);
            }
        }
    }

    @Test
    void testNationFirstRows()
    {
        TpchTableHandle nation = tableHandle(connector, "tiny", "nation");
        List<List<Object>> rows = readRows(connector, nation, columnHandles(connector, nation, "n_nationkey", "n_name", "n_regionkey", "n_comment"));
        assertThat(rows).hasSize(25);
        assertThat(rows.get(0)).containsExactly(0L, "ALGERIA", 0L, " haggle. carefully final deposits detect slyly agai");
        assertThat(rows.get(1)).containsExactly(1L, "ARGENTINA", 1L, "al foxes promise slyly according to the regular accounts. bold requests alon");
        assertThat(rows.get(24).subList(0, 3)).containsExactly(24L, "UNITED STATES", 1L);
    }

    /** Every value of every table at tiny equals the generator's own text rendering of the row (its .tbl line). */
    @Test
    void testEveryValueMatchesGeneratorText()
    {
        for (TpchTable<?> table : TpchTable.getTables()) {
            TpchTableHandle handle = tableHandle(connector, "tiny", table.getTableName());
            List<ColumnHandle> columns = connector.metadata().getColumnHandles(SESSION, handle);
            List<List<Object>> rows = readRows(connector, handle, columns);
            List<String> lines = generatedLines(table);
            assertThat(rows).as(table.getTableName()).hasSize(lines.size());
            for (int row = 0; row < rows.size(); row++) {
                String[] fields = lines.get(row).split("\\|", -1);
                assertThat(fields).hasSize(columns.size() + 1);
                List<Object> expected = new ArrayList<>();
                for (int column = 0; column < columns.size(); column++) {
                    expected.add(parse(((TpchColumnHandle) columns.get(column)).type(), fields[column]));
                }
                assertThat(rows.get(row)).as("%s row %s", table.getTableName(), row).isEqualTo(expected);
            }
        }
    }

    @Test
    void testExtendedPriceSumIsExact()
    {
        TpchTableHandle lineitem = tableHandle(connector, "tiny", "lineitem");
        long unscaledSum = 0;
        for (Page page : readPages(connector, lineitem, columnHandles(connector, lineitem, "l_extendedprice"))) {
            LongArrayBlock block = (LongArrayBlock) page.getBlock(0);
            for (int position = 0; position < block.positionCount(); position++) {
                unscaledSum += block.getLong(position);
            }
        }
        BigDecimal expected = BigDecimal.ZERO;
        for (LineItem item : TpchTable.LINE_ITEM.createGenerator(TINY, 1, 1)) {
            expected = expected.add(new BigDecimal(item.toLine().split("\\|", -1)[5]));
        }
        assertThat(BigDecimal.valueOf(unscaledSum, 2)).isEqualTo(expected);
        assertThat(expected.scale()).isEqualTo(2);
    }

    @Test
    void testFirstLineitem()
    {
        TpchTableHandle lineitem = tableHandle(connector, "tiny", "lineitem");
        List<ColumnHandle> columns = columnHandles(connector, lineitem, "l_orderkey", "l_linenumber", "l_extendedprice", "l_discount", "l_shipdate", "l_shipmode");
        List<Object> first = readRows(connector, lineitem, columns).get(0);
        assertThat(first).containsExactly(1L, 1, 2471035L, 4L, days("1996-03-13"), "TRUCK");
    }

    @Test
    void testProjection()
    {
        TpchTableHandle orders = tableHandle(connector, "tiny", "orders");
        List<Page> pages = readPages(connector, orders, columnHandles(connector, orders, "o_orderdate", "o_orderkey"));
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.channelCount()).isEqualTo(2);
            assertThat(page.getBlock(0)).isInstanceOf(IntArrayBlock.class);
            assertThat(page.getBlock(1)).isInstanceOf(LongArrayBlock.class);
        });
        List<List<Object>> projected = TestingTpch.rows(pages, List.of(DATE, BIGINT));
        List<List<Object>> all = readRows(connector, orders, connector.metadata().getColumnHandles(SESSION, orders));
        assertThat(projected).hasSameSizeAs(all);
        for (int row = 0; row < all.size(); row++) {
            assertThat(projected.get(row)).containsExactly(all.get(row).get(4), all.get(row).get(0));
        }
        assertThat(projected.get(0)).containsExactly(days("1996-01-02"), 1L);

        List<List<Object>> varchars = readRows(connector, orders, columnHandles(connector, orders, "o_comment", "o_orderstatus"));
        assertThat(varchars.get(0)).containsExactly("nstructions sleep furiously among ", "O");
    }

    @Test
    void testPageSizes()
    {
        TpchTableHandle lineitem = tableHandle(connector, "tiny", "lineitem");
        for (ConnectorSplit split : splits(connector, lineitem)) {
            try (ConnectorPageSource source = connector.pageSourceProvider().createPageSource(SESSION, split, lineitem, columnHandles(connector, lineitem, "l_orderkey", "l_comment"))) {
                List<Page> pages = drain(source);
                assertThat(pages).hasSizeGreaterThan(1);
                for (int i = 0; i < pages.size() - 1; i++) {
                    assertThat(pages.get(i).positionCount()).isEqualTo(PageBuilder.DEFAULT_MAX_POSITIONS);
                }
                assertThat(pages.get(pages.size() - 1).positionCount()).isBetween(1, PageBuilder.DEFAULT_MAX_POSITIONS);
                long bytes = 0;
                for (Page page : pages) {
                    bytes += page.sizeInBytes();
                }
                assertThat(source.completedBytes()).isEqualTo(bytes).isPositive();
                assertThat(source.completedPositions()).isEqualTo(positionCount(pages));
                assertThat(source.getNextPage()).isNull();
                assertThat(source.memoryUsage()).isZero();
            }
        }
    }

    @Test
    void testShipDateFilter()
    {
        TpchTableHandle lineitem = tableHandle(connector, "tiny", "lineitem");
        TpchColumnHandle shipDate = columnHandle(connector, lineitem, "l_shipdate");
        Domain domain = new Domain(DATE, List.of(Range.lessThanOrEqual(days("1998-09-02"))), false);
        List<ColumnHandle> columns = columnHandles(connector, lineitem, "l_orderkey", "l_linenumber", "l_shipdate", "l_returnflag");

        List<List<Object>> expected = filterByHand(readRows(connector, lineitem, columns), row -> (Integer) row.get(2) <= days("1998-09-02"));
        TpchTableHandle filtered = applyFilter(lineitem, Map.of(shipDate, domain));
        assertThat(readRows(connector, filtered, columns)).isEqualTo(expected);
        assertThat(expected).hasSizeBetween(59_000, 60_174);

        // the filter column need not be projected, and the rows generated are counted before filtering
        long completed = 0;
        long produced = 0;
        for (ConnectorSplit split : splits(connector, filtered)) {
            try (ConnectorPageSource source = connector.pageSourceProvider().createPageSource(SESSION, split, filtered, List.of())) {
                produced += positionCount(drain(source));
                completed += source.completedPositions();
            }
        }
        assertThat(produced).isEqualTo(expected.size());
        assertThat(completed).isEqualTo(60_175);
    }

    /** The filters of TPC-H Q6 and more: decimals, varchar sets, integer bounds, exclusive bounds. */
    @Test
    void testFiltersOnEveryLayout()
    {
        TpchTableHandle lineitem = tableHandle(connector, "tiny", "lineitem");
        List<ColumnHandle> columns = columnHandles(connector, lineitem, "l_orderkey", "l_linenumber", "l_quantity", "l_discount", "l_shipmode", "l_shipdate");
        Map<ColumnHandle, Domain> domains = new LinkedHashMap<>();
        DecimalType money = createDecimalType(12, 2);
        domains.put(columnHandle(connector, lineitem, "l_discount"), new Domain(money, List.of(Range.between(5L, 7L)), false));
        domains.put(columnHandle(connector, lineitem, "l_quantity"), new Domain(money, List.of(Range.lessThan(2400L)), false));
        domains.put(columnHandle(connector, lineitem, "l_shipdate"), new Domain(DATE, List.of(
                new Range(Optional.of(days("1994-01-01")), true, Optional.of(days("1995-01-01")), false)), false));
        domains.put(columnHandle(connector, lineitem, "l_shipmode"), new Domain(createVarcharType(10), List.of(
                Range.equal(Slices.utf8Slice("SHIP")), Range.equal(Slices.utf8Slice("MAIL"))), false));
        domains.put(columnHandle(connector, lineitem, "l_linenumber"), new Domain(INTEGER, List.of(Range.greaterThan(1), Range.lessThan(0)), false));

        List<List<Object>> expected = filterByHand(readRows(connector, lineitem, columns), row ->
                (Long) row.get(3) >= 5 && (Long) row.get(3) <= 7
                        && (Long) row.get(2) < 2400
                        && (Integer) row.get(5) >= days("1994-01-01") && (Integer) row.get(5) < days("1995-01-01")
                        && (row.get(4).equals("SHIP") || row.get(4).equals("MAIL"))
                        && (Integer) row.get(1) > 1);
        assertThat(expected).hasSizeBetween(100, 2000);
        assertThat(readRows(connector, applyFilter(lineitem, domains), columns)).isEqualTo(expected);
    }

    @Test
    void testVarcharRangeFilter()
    {
        TpchTableHandle customer = tableHandle(connector, "tiny", "customer");
        List<ColumnHandle> columns = columnHandles(connector, customer, "c_custkey", "c_phone", "c_mktsegment");
        Domain segments = new Domain(createVarcharType(10), List.of(
                new Range(Optional.of(Slices.utf8Slice("BUILDING")), false, Optional.of(Slices.utf8Slice("HOUSEHOLD")), true)), false);
        Domain phones = new Domain(createVarcharType(15), List.of(Range.greaterThanOrEqual(Slices.utf8Slice("2")), Range.lessThan(Slices.utf8Slice("12-"))), false);
        Map<ColumnHandle, Domain> domains = new LinkedHashMap<>();
        domains.put(columnHandle(connector, customer, "c_mktsegment"), segments);
        domains.put(columnHandle(connector, customer, "c_phone"), phones);
        List<List<Object>> expected = filterByHand(readRows(connector, customer, columns), row -> {
            String segment = (String) row.get(2);
            String phone = (String) row.get(1);
            return segment.compareTo("BUILDING") > 0 && segment.compareTo("HOUSEHOLD") <= 0
                    && (phone.compareTo("2") >= 0 || phone.compareTo("12-") < 0);
        });
        assertThat(expected).isNotEmpty().hasSizeLessThan(1500);
        assertThat(readRows(connector, applyFilter(customer, domains), columns)).isEqualTo(expected);
    }

    @Test
    void testSelectiveFilterWithSmallPages()
    {
        TpchTableHandle lineitem = tableHandle(connector, "tiny", "lineitem");
        TpchColumnHandle orderKey = columnHandle(connector, lineitem, "l_orderkey");
        TupleDomain constraint = TupleDomain.withColumnDomains(Map.of(orderKey, new Domain(BIGINT, List.of(Range.equal(1L), Range.equal(60_000L)), false)));
        TpchColumnHandle lineNumber = columnHandle(connector, lineitem, "l_linenumber");
        // ten rows a page: the source hands back null while it generates batches that keep no row
        try (ConnectorPageSource source = TpchPageSource.create(TpchTable.LINE_ITEM, new TpchSplit("lineitem", TINY, 1, 1), constraint, List.of(orderKey, lineNumber), 10)) {
            int nulls = 0;
            List<Page> pages = new ArrayList<>();
            while (!source.isFinished()) {
                Page page = source.getNextPage();
                if (page == null) {
                    nulls++;
                }
                else {
                    pages.add(page);
                }
            }
            assertThat(nulls).isPositive();
            List<List<Object>> rows = TestingTpch.rows(pages, List.of(BIGINT, INTEGER));
            List<List<Object>> expected = new ArrayList<>();
            for (LineItem item : TpchTable.LINE_ITEM.createGenerator(TINY, 1, 1)) {
                if (item.getOrderKey() == 1 || item.getOrderKey() == 60_000) {
                    expected.add(List.of(item.getOrderKey(), item.getLineNumber()));
                }
            }
            assertThat(rows).isEqualTo(expected).hasSizeGreaterThan(2);
            assertThat(rows.get(0)).containsExactly(1L, 1);
            assertThat(source.completedPositions()).isEqualTo(60_175);
        }
    }

    @Test
    void testNoneConstraint()
    {
        TpchTableHandle region = tableHandle(connector, "tiny", "region");
        TpchTableHandle none = region.withConstraint(TupleDomain.none());
        try (ConnectorPageSource source = connector.pageSourceProvider().createPageSource(SESSION, new TpchSplit("region", TINY, 1, 1), none, columnHandles(connector, region, "r_name"))) {
            assertThat(source.isFinished()).isTrue();
            assertThat(source.getNextPage()).isNull();
            assertThat(source.completedPositions()).isZero();
        }
        TpchColumnHandle name = columnHandle(connector, region, "r_name");
        TupleDomain onlyNull = TupleDomain.withColumnDomains(Map.of(name, new Domain(createVarcharType(25), List.of(), true)));
        assertThat(readRows(connector, applyFilter(region, Map.of(name, onlyNull.domains().orElseThrow().get(name))), List.of(name))).isEmpty();
    }

    @Test
    void testVarcharBlocksHoldUtf8()
    {
        TpchTableHandle region = tableHandle(connector, "tiny", "region");
        List<Page> pages = readPages(connector, region, columnHandles(connector, region, "r_name"));
        assertThat(pages).hasSize(1);
        VariableWidthBlock names = (VariableWidthBlock) pages.get(0).getBlock(0);
        assertThat(names.positionCount()).isEqualTo(5);
        assertThat(names.mayHaveNull()).isFalse();
        List<String> values = new ArrayList<>();
        for (int position = 0; position < names.positionCount(); position++) {
            values.add(names.getSlice(position).toStringUtf8());
        }
        assertThat(values).containsExactly("AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST");
    }

    private TpchTableHandle applyFilter(TpchTableHandle table, Map<ColumnHandle, Domain> domains)
    {
        return (TpchTableHandle) connector.metadata().applyFilter(SESSION, table, TupleDomain.withColumnDomains(domains)).orElseThrow().handle();
    }

    private static List<List<Object>> filterByHand(List<List<Object>> rows, Predicate<List<Object>> predicate)
    {
        List<List<Object>> kept = new ArrayList<>();
        for (List<Object> row : rows) {
            if (predicate.test(row)) {
                kept.add(row);
            }
        }
        return kept;
    }

    private static <E extends TpchEntity> long countGenerated(TpchTable<E> table)
    {
        long count = 0;
        Iterator<E> rows = table.createGenerator(TINY, 1, 1).iterator();
        while (rows.hasNext()) {
            rows.next();
            count++;
        }
        return count;
    }

    private static <E extends TpchEntity> List<String> generatedLines(TpchTable<E> table)
    {
        List<String> lines = new ArrayList<>();
        for (E row : table.createGenerator(TINY, 1, 1)) {
            lines.add(row.toLine());
        }
        return lines;
    }

    /** A field of a .tbl line as the page source's value of that type. */
    private static Object parse(Type type, String field)
    {
        if (type.equals(BIGINT)) {
            return Long.parseLong(field);
        }
        if (type.equals(INTEGER)) {
            return Integer.parseInt(field);
        }
        if (type.equals(DATE)) {
            return days(field);
        }
        if (type instanceof DecimalType) {
            return new BigDecimal(field).setScale(2).unscaledValue().longValueExact();
        }
        return field;
    }

    private static int days(String date)
    {
        return Math.toIntExact(LocalDate.parse(date).toEpochDay());
    }
}

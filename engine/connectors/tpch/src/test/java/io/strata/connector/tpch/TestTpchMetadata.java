package io.strata.connector.tpch;

import io.airlift.slice.Slices;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConstraintApplicationResult;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.Range;
import io.strata.spi.connector.SchemaTableName;
import io.strata.spi.connector.TupleDomain;
import io.strata.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.strata.connector.tpch.TestingTpch.SESSION;
import static io.strata.connector.tpch.TestingTpch.columnHandle;
import static io.strata.connector.tpch.TestingTpch.splits;
import static io.strata.connector.tpch.TestingTpch.tableHandle;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DecimalType.createDecimalType;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class TestTpchMetadata
{
    private static final List<String> TABLES = List.of("customer", "orders", "lineitem", "part", "partsupp", "supplier", "nation", "region");

    private final Connector connector = TestingTpch.connector();
    private final ConnectorMetadata metadata = connector.metadata();

    @Test
    void testSchemas()
    {
        assertThat(metadata.listSchemaNames(SESSION))
                .containsExactly("tiny", "sf1", "sf10", "sf100", "sf300", "sf1000", "sf3000", "sf10000", "sf30000", "sf100000");
    }

    @Test
    void testScaleFactors()
    {
        assertThat(TpchMetadata.scaleFactor("tiny")).isEqualTo(OptionalDouble.of(0.01));
        assertThat(TpchMetadata.scaleFactor("sf1")).isEqualTo(OptionalDouble.of(1));
        assertThat(TpchMetadata.scaleFactor("sf300")).isEqualTo(OptionalDouble.of(300));
        assertThat(TpchMetadata.scaleFactor("sf0.1")).isEqualTo(OptionalDouble.of(0.1));
        assertThat(TpchMetadata.scaleFactor("sf12345")).isEqualTo(OptionalDouble.of(12345));
        for (String notASchema : List.of("sf", "sf0", "sf0.0", "sf-1", "sfx", "sf1e3", "sf1.", "sfNaN", "SF1", "tiny2", "default", "information_schema")) {
            assertThat(TpchMetadata.scaleFactor(notASchema)).as(notASchema).isEmpty();
        }
    }

    @Test
    void testListTables()
    {
        List<SchemaTableName> tiny = new ArrayList<>();
        for (String table : TABLES) {
            tiny.add(new SchemaTableName("tiny", table));
        }
        assertThat(metadata.listTables(SESSION, Optional.of("tiny"))).isEqualTo(tiny);
        assertThat(metadata.listTables(SESSION, Optional.of("sf0.5"))).hasSize(8);
        assertThat(metadata.listTables(SESSION, Optional.of("nope"))).isEmpty();
        assertThat(metadata.listTables(SESSION, Optional.empty()))
                .hasSize(8 * 10)
                .startsWith(tiny.toArray(new SchemaTableName[0]))
                .contains(new SchemaTableName("sf100000", "region"));
    }

    @Test
    void testGetTableHandle()
    {
        assertThat(metadata.getTableHandle(SESSION, new SchemaTableName("tiny", "lineitem")))
                .contains(new TpchTableHandle("tiny", "lineitem", 0.01, TupleDomain.all()));
        assertThat(metadata.getTableHandle(SESSION, new SchemaTableName("sf1", "orders")))
                .contains(new TpchTableHandle("sf1", "orders", 1));
        assertThat(metadata.getTableHandle(SESSION, new SchemaTableName("sf2.5", "part")))
                .contains(new TpchTableHandle("sf2.5", "part", 2.5));
        assertThat(metadata.getTableHandle(SESSION, new SchemaTableName("tiny", "lineitems"))).isEmpty();
        assertThat(metadata.getTableHandle(SESSION, new SchemaTableName("sfx", "lineitem"))).isEmpty();
        assertThat(metadata.getTableHandle(SESSION, new SchemaTableName("sf0", "lineitem"))).isEmpty();
    }

    @Test
    void testLineitemColumns()
    {
        assertThat(columns("lineitem")).containsExactly(
                column("l_orderkey", BIGINT),
                column("l_partkey", BIGINT),
                column("l_suppkey", BIGINT),
                column("l_linenumber", INTEGER),
                column("l_quantity", createDecimalType(12, 2)),
                column("l_extendedprice", createDecimalType(12, 2)),
                column("l_discount", createDecimalType(12, 2)),
                column("l_tax", createDecimalType(12, 2)),
                column("l_returnflag", createVarcharType(1)),
                column("l_linestatus", createVarcharType(1)),
                column("l_shipdate", DATE),
                column("l_commitdate", DATE),
                column("l_receiptdate", DATE),
                column("l_shipinstruct", createVarcharType(25)),
                column("l_shipmode", createVarcharType(10)),
                column("l_comment", createVarcharType(44)));
    }

    @Test
    void testOrdersColumns()
    {
        assertThat(columns("orders")).containsExactly(
                column("o_orderkey", BIGINT),
                column("o_custkey", BIGINT),
                column("o_orderstatus", createVarcharType(1)),
                column("o_totalprice", createDecimalType(12, 2)),
                column("o_orderdate", DATE),
                column("o_orderpriority", createVarcharType(15)),
                column("o_clerk", createVarcharType(15)),
                column("o_shippriority", INTEGER),
                column("o_comment", createVarcharType(79)));
    }

    @Test
    void testOtherColumns()
    {
        assertThat(columns("customer")).containsExactly(
                column("c_custkey", BIGINT),
                column("c_name", createVarcharType(25)),
                column("c_address", createVarcharType(40)),
                column("c_nationkey", BIGINT),
                column("c_phone", createVarcharType(15)),
                column("c_acctbal", createDecimalType(12, 2)),
                column("c_mktsegment", createVarcharType(10)),
                column("c_comment", createVarcharType(117)));
        assertThat(columns("part")).containsExactly(
                column("p_partkey", BIGINT),
                column("p_name", createVarcharType(55)),
                column("p_mfgr", createVarcharType(25)),
                column("p_brand", createVarcharType(10)),
                column("p_type", createVarcharType(25)),
                column("p_size", INTEGER),
                column("p_container", createVarcharType(10)),
                column("p_retailprice", createDecimalType(12, 2)),
                column("p_comment", createVarcharType(23)));
        assertThat(columns("partsupp")).containsExactly(
                column("ps_partkey", BIGINT),
                column("ps_suppkey", BIGINT),
                column("ps_availqty", INTEGER),
                column("ps_supplycost", createDecimalType(12, 2)),
                column("ps_comment", createVarcharType(199)));
        assertThat(columns("supplier")).containsExactly(
                column("s_suppkey", BIGINT),
                column("s_name", createVarcharType(25)),
                column("s_address", createVarcharType(40)),
                column("s_nationkey", BIGINT),
                column("s_phone", createVarcharType(15)),
                column("s_acctbal", createDecimalType(12, 2)),
                column("s_comment", createVarcharType(101)));
        assertThat(columns("nation")).containsExactly(
                column("n_nationkey", BIGINT),
                column("n_name", createVarcharType(25)),
                column("n_regionkey", BIGINT),
                column("n_comment", createVarcharType(152)));
        assertThat(columns("region")).containsExactly(
                column("r_regionkey", BIGINT),
                column("r_name", createVarcharType(25)),
                column("r_comment", createVarcharType(152)));
    }

    @Test
    void testColumnHandlesFollowMetadata()
    {
        for (String table : TABLES) {
            TpchTableHandle handle = tableHandle(connector, "sf1", table);
            List<ColumnHandle> expected = new ArrayList<>();
            for (ColumnMetadata column : metadata.getTableMetadata(SESSION, handle).columns()) {
                assertThat(column.nullable()).isFalse();
                expected.add(new TpchColumnHandle(column.name(), column.type()));
            }
            assertThat(metadata.getColumnHandles(SESSION, handle)).isEqualTo(expected);
            assertThat(metadata.getTableMetadata(SESSION, handle).table()).isEqualTo(new SchemaTableName("sf1", table));
        }
    }

    @Test
    void testStatistics()
    {
        Map<String, Double> tiny = new LinkedHashMap<>();
        Map<String, Double> sf1 = new LinkedHashMap<>();
        for (String table : TABLES) {
            tiny.put(table, metadata.getTableStatistics(SESSION, tableHandle(connector, "tiny", table)).rowCount().orElseThrow());
            sf1.put(table, metadata.getTableStatistics(SESSION, tableHandle(connector, "sf1", table)).rowCount().orElseThrow());
        }
        assertThat(tiny).containsExactly(
                entry("customer", 1_500.0),
                entry("orders", 15_000.0),
                entry("lineitem", 60_000.0),
                entry("part", 2_000.0),
                entry("partsupp", 8_000.0),
                entry("supplier", 100.0),
                entry("nation", 25.0),
                entry("region", 5.0));
        assertThat(sf1).containsExactly(
                entry("customer", 150_000.0),
                entry("orders", 1_500_000.0),
                entry("lineitem", 6_000_000.0),
                entry("part", 200_000.0),
                entry("partsupp", 800_000.0),
                entry("supplier", 10_000.0),
                entry("nation", 25.0),
                entry("region", 5.0));
        assertThat(metadata.getTableStatistics(SESSION, tableHandle(connector, "sf1000", "lineitem")).rowCount())
                .isEqualTo(OptionalDouble.of(6_000_000_000.0));
    }

    @Test
    void testApplyFilter()
    {
        TpchTableHandle lineitem = tableHandle(connector, "tiny", "lineitem");
        TpchColumnHandle shipDate = columnHandle(connector, lineitem, "l_shipdate");
        TpchColumnHandle shipMode = columnHandle(connector, lineitem, "l_shipmode");
        Domain beforeSeptember = new Domain(DATE, List.of(Range.lessThanOrEqual(days("1998-09-02"))), false);
        TupleDomain shipDateConstraint = TupleDomain.withColumnDomains(Map.of(shipDate, beforeSeptember));

        ConstraintApplicationResult result = metadata.applyFilter(SESSION, lineitem, shipDateConstraint).orElseThrow();
        assertThat(result.remainingFilter()).isEqualTo(TupleDomain.all());
        TpchTableHandle filtered = (TpchTableHandle) result.handle();
        assertThat(filtered).isEqualTo(lineitem.withConstraint(shipDateConstraint));

        // nothing new: the engine keeps nothing more, the connector takes nothing more
        assertThat(metadata.applyFilter(SESSION, filtered, shipDateConstraint)).isEmpty();
        assertThat(metadata.applyFilter(SESSION, lineitem, TupleDomain.all())).isEmpty();

        // a second filter narrows the first
        Domain mail = Domain.singleValue(createVarcharType(10), Slices.utf8Slice("MAIL"));
        Domain afterJune = new Domain(DATE, List.of(Range.greaterThan(days("1998-06-01"))), false);
        Map<ColumnHandle, Domain> more = new LinkedHashMap<>();
        more.put(shipMode, mail);
        more.put(shipDate, afterJune);
        TpchTableHandle narrowed = (TpchTableHandle) metadata.applyFilter(SESSION, filtered, TupleDomain.withColumnDomains(more)).orElseThrow().handle();
        assertThat(narrowed.constraint().domains().orElseThrow()).containsOnly(
                entry(shipDate, beforeSeptember.intersect(afterJune)),
                entry(shipMode, mail));

        // a handle of another table is left to the engine
        TpchColumnHandle orderDate = columnHandle(connector, tableHandle(connector, "tiny", "orders"), "o_orderdate");
        Map<ColumnHandle, Domain> mixed = new LinkedHashMap<>();
        mixed.put(shipDate, beforeSeptember);
        mixed.put(orderDate, afterJune);
        ConstraintApplicationResult partial = metadata.applyFilter(SESSION, lineitem, TupleDomain.withColumnDomains(mixed)).orElseThrow();
        assertThat(((TpchTableHandle) partial.handle()).constraint()).isEqualTo(shipDateConstraint);
        assertThat(partial.remainingFilter()).isEqualTo(TupleDomain.withColumnDomains(Map.of(orderDate, afterJune)));
    }

    @Test
    void testContradictoryFilter()
    {
        TpchTableHandle lineitem = tableHandle(connector, "tiny", "lineitem");
        TpchColumnHandle orderKey = columnHandle(connector, lineitem, "l_orderkey");
        TpchTableHandle first = (TpchTableHandle) metadata.applyFilter(SESSION, lineitem, TupleDomain.withColumnDomains(Map.of(orderKey, Domain.singleValue(BIGINT, 1L))))
                .orElseThrow().handle();
        ConstraintApplicationResult result = metadata.applyFilter(SESSION, first, TupleDomain.withColumnDomains(Map.of(orderKey, Domain.singleValue(BIGINT, 2L)))).orElseThrow();
        TpchTableHandle none = (TpchTableHandle) result.handle();
        assertThat(none.constraint().isNone()).isTrue();
        assertThat(metadata.getTableStatistics(SESSION, none).rowCount()).isEqualTo(OptionalDouble.of(0));
        assertThat(splits(connector, none)).isEmpty();
        assertThat(metadata.applyFilter(SESSION, none, TupleDomain.none())).isEmpty();
    }

    private List<Map.Entry<String, Type>> columns(String table)
    {
        List<Map.Entry<String, Type>> columns = new ArrayList<>();
        for (ColumnMetadata column : metadata.getTableMetadata(SESSION, tableHandle(connector, "tiny", table)).columns()) {
            columns.add(Map.entry(column.name(), column.type()));
        }
        return columns;
    }

    private static Map.Entry<String, Type> column(String name, Type type)
    {
        return Map.entry(name, type);
    }

    private static int days(String date)
    {
        return Math.toIntExact(LocalDate.parse(date).toEpochDay());
    }
}

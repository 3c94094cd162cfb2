package io.strata.core.execution.query;

import io.strata.connector.memory.MemoryConnectorFactory;
import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.execution.testing.TestingQueryRunner.MaterializedResult;
import io.strata.protocol.ErrorCode;
import io.trino.tpch.Nation;
import io.trino.tpch.NationGenerator;
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CREATE SCHEMA, CREATE TABLE [AS], INSERT and DROP TABLE through the whole engine, into the memory connector.
 * Rows read back are checked against the tpch generator's own rows or against the literals inserted.
 */
class TestWriteStatements
{
    private TestingSqlEngine engine;

    @BeforeEach
    void setUp()
    {
        engine = new TestingSqlEngine(List.of(new TpchConnectorFactory(), new MemoryConnectorFactory()), Map.of(
                "tpch", Map.of("connector.name", "tpch"),
                "memory", Map.of("connector.name", "memory"),
                "small", Map.of("connector.name", "memory", "memory.max-data-per-node", "20kB")));
    }

    @AfterEach
    void tearDown()
    {
        engine.close();
    }

    @Test
    void testCreateTableAsSelectFromTpch()
    {
        MaterializedResult created = run("CREATE TABLE memory.default.nation AS SELECT * FROM tpch.tiny.nation");
        assertThat(created.query().updateType()).contains("CREATE TABLE");
        assertThat(created.rows()).containsExactly(List.of(25L));
        assertThat(created.query().updateCount()).hasValue(25);

        List<List<Object>> expected = new ArrayList<>();
        for (Nation nation : new NationGenerator()) {
            expected.add(List.of(nation.getNationKey(), nation.getName(), nation.getRegionKey(), nation.getComment()));
        }
        assertThat(run("SELECT n_nationkey, n_name, n_regionkey, n_comment FROM memory.default.nation").rows())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(run("SHOW COLUMNS FROM memory.default.nation").rows().stream().map(row -> row.get(1)).toList())
                .containsExactly("bigint", "varchar(25)", "bigint", "varchar(152)");
    }

    @Test
    void testInsertSelectAndReadInParallel()
    {
        run("CREATE TABLE memory.default.orders AS SELECT o_orderkey, o_custkey, o_totalprice FROM tpch.tiny.orders WHERE o_orderkey < 0");
        MaterializedResult inserted = run("INSERT INTO memory.default.orders SELECT o_orderkey, o_custkey, o_totalprice FROM tpch.tiny.orders");
        assertThat(inserted.query().updateType()).contains("INSERT");
        long count = 0;
        long custkeySum = 0;
        long smallKeys = 0;
        for (Order order : new OrderGenerator(0.01, 1, 1)) {
            count++;
            custkeySum += order.getCustomerKey();
            smallKeys += order.getOrderKey() <= 7 ? 1 : 0;
        }
        assertThat(inserted.rows()).containsExactly(List.of(count));
        assertThat(run("SELECT count(*), sum(o_custkey) FROM memory.default.orders").rows()).containsExactly(List.of(count, custkeySum));
        // a second insert adds to the first
        run("INSERT INTO memory.default.orders SELECT o_orderkey, o_custkey, o_totalprice FROM tpch.tiny.orders WHERE o_orderkey <= 7");
        assertThat(run("SELECT count(*) FROM memory.default.orders").rows()).containsExactly(List.of(count + smallKeys));
    }

    @Test
    void testCreateTableAndInsertValuesWithCoercion()
    {
        assertThat(run("CREATE TABLE memory.default.items (id bigint, name varchar(10), price double, amount decimal(10, 2))").query().updateType())
                .contains("CREATE TABLE");
        assertThat(run("SELECT * FROM memory.default.items").rows()).isEmpty();
        // integer literals become bigint, decimal(2, 1) double and decimal(3, 2) decimal(10, 2)
        assertThat(run("INSERT INTO memory.default.items VALUES (1, 'apple', 1.5, 2.25), (2, 'pear', 2.0, 3.10)").rows()).containsExactly(List.of(2L));
        assertThat(run("INSERT INTO memory.default.items (price, id) VALUES (9.5, 3)").rows()).containsExactly(List.of(1L));
        assertThat(run("INSERT INTO memory.default.items VALUES (4, NULL, NULL, NULL)").rows()).containsExactly(List.of(1L));
        assertThat(run("SELECT id, name, price, CAST(amount AS varchar) FROM memory.default.items ORDER BY id").rows()).containsExactly(
                List.of(1L, "apple", 1.5, "2.25"),
                List.of(2L, "pear", 2.0, "3.10"),
                Arrays.asList(3L, null, 9.5, null),
                Arrays.asList(4L, null, null, null));
    }

    @Test
    void testExplainDoesNotWrite()
    {
        run("CREATE TABLE memory.default.e (id bigint, name varchar)");
        String plan = (String) run("EXPLAIN INSERT INTO memory.default.e (id) VALUES 1").rows().get(0).get(0);
        assertThat(plan).contains("Output[id, name]");
        run("EXPLAIN CREATE TABLE memory.default.f AS SELECT 1 AS a");
        run("EXPLAIN DROP TABLE memory.default.e");
        assertThat(run("SELECT count(*) FROM memory.default.e").rows()).containsExactly(List.of(0L));
        assertThat(run("SHOW TABLES FROM memory.default").rows()).containsExactly(List.of("e"));
    }

    @Test
    void testSchemasAndDrop()
    {
        assertThat(run("CREATE SCHEMA memory.sales").query().updateType()).contains("CREATE SCHEMA");
        assertThat(run("SHOW SCHEMAS FROM memory").rows()).contains(List.of("sales"), List.of("default"));
        run("CREATE SCHEMA IF NOT EXISTS memory.sales");
        assertError("CREATE SCHEMA memory.sales", ErrorCode.ALREADY_EXISTS, "Schema 'memory.sales' already exists");

        run("CREATE TABLE memory.sales.t (a bigint)");
        run("CREATE TABLE IF NOT EXISTS memory.sales.t (a bigint)");
        assertError("CREATE TABLE memory.sales.t (a bigint)", ErrorCode.ALREADY_EXISTS, "Table 'memory.sales.t' already exists");
        assertError("CREATE TABLE memory.sales.t AS SELECT 1 AS a", ErrorCode.ALREADY_EXISTS, "already exists");
        assertThat(run("SHOW TABLES FROM memory.sales").rows()).containsExactly(List.of("t"));

        assertThat(run("DROP TABLE memory.sales.t").query().updateType()).contains("DROP TABLE");
        assertThat(run("SHOW TABLES FROM memory.sales").rows()).isEmpty();
        assertError("SELECT * FROM memory.sales.t", ErrorCode.TABLE_NOT_FOUND, "Table 'memory.sales.t' does not exist");
        assertError("DROP TABLE memory.sales.t", ErrorCode.TABLE_NOT_FOUND, "Table 'memory.sales.t' does not exist");
        run("DROP TABLE IF EXISTS memory.sales.t");
    }

    @Test
    void testErrors()
    {
        run("CREATE TABLE memory.default.t (a bigint, b varchar)");
        assertError("CREATE TABLE memory.missing.t (a bigint)", ErrorCode.SCHEMA_NOT_FOUND, "Schema 'missing' does not exist");
        assertError("CREATE TABLE nowhere.s.t (a bigint)", ErrorCode.CATALOG_NOT_FOUND, "Catalog 'nowhere' does not exist");
        assertError("INSERT INTO memory.default.missing VALUES 1", ErrorCode.TABLE_NOT_FOUND, "Table 'memory.default.missing' does not exist");
        assertError("INSERT INTO memory.default.t VALUES 1", ErrorCode.TYPE_MISMATCH,
                "Insert query has mismatched column types: Table: [bigint, varchar], Query: [integer]");
        assertError("INSERT INTO memory.default.t VALUES ('x', 1)", ErrorCode.TYPE_MISMATCH,
                "Insert query has mismatched column types: Table: [bigint, varchar], Query: [varchar(1), integer]");
        assertError("INSERT INTO memory.default.t (c) VALUES 1", ErrorCode.COLUMN_NOT_FOUND, "Insert column name does not exist in target table: c");
        assertError("INSERT INTO tpch.tiny.nation SELECT * FROM tpch.tiny.nation", ErrorCode.NOT_SUPPORTED, "Catalog 'tpch' does not support inserts");
        assertError("CREATE TABLE tpch.tiny.t (a bigint)", ErrorCode.NOT_SUPPORTED, "Catalog 'tpch' does not support creating tables");
        assertError("CREATE TABLE memory.default.u AS SELECT 1", ErrorCode.GENERIC_USER_ERROR, "Column name not specified at position 1");
        assertError("CREATE TABLE memory.default.u (a bigint, a bigint)", ErrorCode.GENERIC_USER_ERROR, "Column name 'a' specified more than once");
    }

    @Test
    void testDataLimitFailsTheWriteAndLeavesNoTable()
    {
        assertError("CREATE TABLE small.default.lineitem AS SELECT * FROM tpch.tiny.lineitem", ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT, "memory.max-data-per-node");
        assertThat(run("SHOW TABLES FROM small.default").rows()).isEmpty();
        // the budget was given back: a small table fits
        assertThat(run("CREATE TABLE small.default.region AS SELECT * FROM tpch.tiny.region").rows()).containsExactly(List.of(5L));
    }

    private MaterializedResult run(String sql)
    {
        return engine.run(sql);
    }

    private void assertError(String sql, ErrorCode code, String message)
    {
        engine.assertError(sql, code, message);
    }
}

package io.strata.core.execution.query;

import io.strata.core.execution.testing.DuckDbSqlComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

/**
 * Window functions through the whole engine, checked against DuckDB over tpch tiny tables and over VALUES with
 * NULLs and ties. Presto's and DuckDB's window semantics agree on everything here (default frame RANGE UNBOUNDED
 * PRECEDING to CURRENT ROW with peers, NULLS LAST for both directions is spelled out where it matters).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestWindowFunctionsAgainstDuckDb
{
    private static final String TIES = "(VALUES (1, 'a', 10), (1, 'a', 10), (1, 'b', NULL), (1, NULL, 5), (2, 'a', 3), (2, 'c', 3), (2, 'c', 7), (NULL, 'z', 1), (NULL, 'z', NULL), (3, 'q', -4))"
            + " AS t (g, s, v)";

    private DuckDbSqlComparison comparison;

    @BeforeAll
    void setUp()
    {
        comparison = new DuckDbSqlComparison(List.of("nation", "region", "orders", "customer", "lineitem"));
    }

    @AfterAll
    void tearDown()
    {
        comparison.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT n_name, row_number() OVER (ORDER BY n_name) FROM nation",
            "SELECT n_name, n_regionkey, row_number() OVER (PARTITION BY n_regionkey ORDER BY n_name DESC) FROM nation",
            "SELECT n_name, rank() OVER (PARTITION BY n_regionkey ORDER BY n_nationkey % 3), dense_rank() OVER (PARTITION BY n_regionkey ORDER BY n_nationkey % 3) FROM nation",
            "SELECT n_name, percent_rank() OVER (PARTITION BY n_regionkey ORDER BY n_nationkey % 3), cume_dist() OVER (PARTITION BY n_regionkey ORDER BY n_nationkey % 3) FROM nation",
            "SELECT n_name, ntile(3) OVER (ORDER BY n_name), ntile(4) OVER (PARTITION BY n_regionkey ORDER BY n_name), ntile(10) OVER (PARTITION BY n_regionkey ORDER BY n_name) FROM nation",
            "SELECT n_name, lag(n_name) OVER (ORDER BY n_nationkey), lead(n_name) OVER (ORDER BY n_nationkey) FROM nation",
            "SELECT n_name, lag(n_nationkey, 2, -1) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey), lead(n_nationkey, 3, 99) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) FROM nation",
            "SELECT n_name, lag(n_nationkey, 0) OVER (ORDER BY n_nationkey) FROM nation",
            "SELECT n_name, first_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_name), last_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_name) FROM nation",
            "SELECT n_name, last_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_name ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM nation",
            "SELECT n_name, nth_value(n_name, 2) OVER (PARTITION BY n_regionkey ORDER BY n_name), nth_value(n_name, 3) OVER (PARTITION BY n_regionkey ORDER BY n_name ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM nation",
            "SELECT n_name, sum(n_nationkey) OVER (PARTITION BY n_regionkey), count(*) OVER (PARTITION BY n_regionkey), avg(n_nationkey) OVER () FROM nation",
            "SELECT n_name, sum(n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_name), count(n_name) OVER (ORDER BY n_regionkey) FROM nation",
            "SELECT n_name, min(n_name) OVER (PARTITION BY n_regionkey), max(n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey DESC) FROM nation",
            "SELECT n_name, sum(n_nationkey) OVER (ORDER BY n_nationkey ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM nation",
            "SELECT n_name, sum(n_nationkey) OVER (ORDER BY n_nationkey ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) FROM nation",
            "SELECT n_name, sum(n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) FROM nation",
            "SELECT n_name, sum(n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM nation",
            "SELECT n_name, count(*) OVER (ORDER BY n_regionkey RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM nation",
            "SELECT n_name, count(*) OVER (ORDER BY n_regionkey RANGE UNBOUNDED PRECEDING), count(*) OVER (ORDER BY n_regionkey, n_name ROWS UNBOUNDED PRECEDING) FROM nation",
            "SELECT n_name, sum(n_nationkey) OVER (ORDER BY n_nationkey ROWS 2 PRECEDING) FROM nation",
            "SELECT o_custkey, o_orderkey, sum(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) FROM orders",
            "SELECT o_orderkey, lag(o_totalprice, 1) OVER (PARTITION BY o_custkey ORDER BY o_orderkey), row_number() OVER (PARTITION BY o_orderstatus, o_orderpriority ORDER BY o_orderkey) FROM orders",
            "SELECT c_mktsegment, c_nationkey, row_number() OVER (PARTITION BY c_mktsegment ORDER BY c_acctbal DESC, c_custkey) AS r FROM customer ORDER BY c_mktsegment, r LIMIT 20",
            "SELECT n_regionkey, count(*), sum(count(*)) OVER (ORDER BY n_regionkey), rank() OVER (ORDER BY count(*) DESC, n_regionkey) FROM nation GROUP BY n_regionkey",
            "SELECT n_regionkey, max(n_name), row_number() OVER (ORDER BY max(n_name)) FROM nation GROUP BY n_regionkey HAVING count(*) > 4",
            "SELECT n_name, row_number() OVER (ORDER BY n_name DESC) AS r FROM nation ORDER BY r",
            "SELECT n_name, n_regionkey * 10 + row_number() OVER (PARTITION BY n_regionkey ORDER BY n_name) FROM nation",
            "SELECT DISTINCT n_regionkey, count(*) OVER (PARTITION BY n_regionkey) FROM nation",
            "SELECT n_name FROM nation ORDER BY row_number() OVER (ORDER BY n_name DESC) LIMIT 5",
            // one partition of 60,175 rows: running frames are computed in linear-logarithmic time, not quadratic
            "SELECT l_orderkey, l_linenumber, sum(l_quantity) OVER (ORDER BY l_orderkey, l_linenumber), count(*) OVER (ORDER BY l_orderkey), "
                    + "max(l_discount) OVER (ORDER BY l_orderkey, l_linenumber ROWS UNBOUNDED PRECEDING) FROM lineitem",
            "SELECT l_orderkey, l_linenumber, min(l_extendedprice) OVER (PARTITION BY l_returnflag ORDER BY l_shipdate, l_orderkey, l_linenumber) FROM lineitem",
    })
    void testTpch(String sql)
    {
        comparison.assertSameAnswer(sql);
    }

    @Test
    void testDecimalAverageOverWindow()
    {
        // Presto: avg(decimal(p, s)) is decimal(p, s), rounded half up; DuckDB's avg of a decimal is a double
        comparison.assertSameAnswer(
                "SELECT o_orderkey, rank() OVER (PARTITION BY o_orderpriority ORDER BY o_totalprice DESC), avg(o_totalprice) OVER (PARTITION BY o_orderstatus) FROM orders",
                "SELECT o_orderkey, rank() OVER (PARTITION BY o_orderpriority ORDER BY o_totalprice DESC), "
                        + "CAST(round(sum(o_totalprice) OVER (PARTITION BY o_orderstatus) / count(o_totalprice) OVER (PARTITION BY o_orderstatus), 2) AS DECIMAL(12, 2)) FROM orders");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT g, s, v, row_number() OVER (PARTITION BY g ORDER BY s, v) FROM " + TIES,
            "SELECT g, s, v, rank() OVER (PARTITION BY g ORDER BY s), dense_rank() OVER (PARTITION BY g ORDER BY s) FROM " + TIES,
            "SELECT g, s, v, rank() OVER (ORDER BY v DESC NULLS LAST), rank() OVER (ORDER BY v NULLS FIRST), rank() OVER (ORDER BY v) FROM " + TIES,
            "SELECT g, s, v, percent_rank() OVER (PARTITION BY g ORDER BY v), cume_dist() OVER (PARTITION BY g ORDER BY v) FROM " + TIES,
            "SELECT g, s, v, sum(v) OVER (PARTITION BY g ORDER BY s), count(v) OVER (PARTITION BY g ORDER BY s), count(*) OVER (PARTITION BY g ORDER BY s) FROM " + TIES,
            "SELECT g, s, v, avg(v) OVER (PARTITION BY g), min(s) OVER (PARTITION BY g), max(v) OVER (PARTITION BY s) FROM " + TIES,
            "SELECT g, s, v, first_value(v) OVER (PARTITION BY g ORDER BY s, v), last_value(v) OVER (PARTITION BY g ORDER BY s) FROM " + TIES,
            "SELECT g, s, v, lag(v) OVER (PARTITION BY g ORDER BY s, v), lead(s, 1, 'none') OVER (PARTITION BY g ORDER BY s, v) FROM " + TIES,
            "SELECT g, s, v, sum(v) OVER (ORDER BY g, s, v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM " + TIES,
            "SELECT g, s, v, ntile(2) OVER (PARTITION BY g ORDER BY s, v) FROM " + TIES,
            "SELECT g, sum(v), row_number() OVER (ORDER BY g) FROM " + TIES + " GROUP BY g",
            "SELECT g, s, v, sum(v) OVER (PARTITION BY g ORDER BY s RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM " + TIES,
    })
    void testValuesWithNullsAndTies(String sql)
    {
        comparison.assertSameAnswer(sql);
    }
}

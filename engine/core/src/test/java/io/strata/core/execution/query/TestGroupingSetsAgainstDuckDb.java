package io.strata.core.execution.query;

import io.strata.core.execution.testing.DuckDbSqlComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

/**
 * GROUP BY with expressions and ordinals, GROUPING SETS, ROLLUP, CUBE and grouping(), HAVING over them, and
 * ORDER BY with NULLS FIRST/LAST, through the whole engine and checked against DuckDB over tpch tiny tables
 * and VALUES with NULLs and ties. Presto orders NULLs last in both directions unless told otherwise; DuckDB's
 * default is the same (its default_null_order is nulls_last).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestGroupingSetsAgainstDuckDb
{
    private static final String ROWS = "(VALUES (1, 'a', 10), (1, 'a', 10), (1, 'b', NULL), (1, NULL, 5), (2, 'a', 3), (2, 'c', 3), (2, 'c', 7), (NULL, 'z', 1), (NULL, 'z', NULL), (3, 'q', -4))"
            + " AS t (g, s, v)";

    private DuckDbSqlComparison comparison;

    @BeforeAll
    void setUp()
    {
        comparison = new DuckDbSqlComparison(List.of("nation", "orders"));
    }

    @AfterAll
    void tearDown()
    {
        comparison.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT n_regionkey, count(*) FROM nation GROUP BY 1",
            "SELECT n_regionkey % 2, count(*) FROM nation GROUP BY n_regionkey % 2",
            "SELECT n_regionkey % 2 AS parity, max(n_name) FROM nation GROUP BY 1 ORDER BY 1 DESC",
            "SELECT n_regionkey, count(*) FROM nation GROUP BY ROLLUP (n_regionkey)",
            "SELECT n_regionkey, n_nationkey % 3, count(*), sum(n_nationkey) FROM nation GROUP BY ROLLUP (n_regionkey, n_nationkey % 3)",
            "SELECT n_regionkey, n_nationkey % 3, count(*) FROM nation GROUP BY CUBE (n_regionkey, n_nationkey % 3)",
            "SELECT n_regionkey, n_nationkey % 2, count(*) FROM nation GROUP BY GROUPING SETS ((n_regionkey), (n_nationkey % 2), ())",
            "SELECT n_regionkey, n_nationkey % 2, count(*), grouping(n_regionkey), grouping(n_regionkey, n_nationkey % 2) FROM nation GROUP BY CUBE (n_regionkey, n_nationkey % 2)",
            "SELECT n_regionkey, count(*), grouping(n_regionkey) FROM nation GROUP BY n_regionkey",
            "SELECT n_regionkey, n_nationkey % 2, count(*) FROM nation GROUP BY n_regionkey, ROLLUP (n_nationkey % 2)",
            "SELECT n_regionkey, sum(n_nationkey) FROM nation GROUP BY ROLLUP (n_regionkey) HAVING sum(n_nationkey) > 50",
            "SELECT n_regionkey, count(*) FROM nation GROUP BY ROLLUP (n_regionkey) HAVING grouping(n_regionkey) = 0",
            "SELECT o_orderstatus, o_orderpriority, count(*), sum(o_totalprice), min(o_orderdate) FROM orders GROUP BY CUBE (o_orderstatus, o_orderpriority)",
            "SELECT o_orderstatus, o_orderpriority, count(*) FROM orders GROUP BY GROUPING SETS ((o_orderstatus, o_orderpriority), (o_orderstatus)) "
                    + "ORDER BY o_orderstatus, o_orderpriority NULLS FIRST",
            "SELECT n_regionkey, count(*) FROM nation GROUP BY ROLLUP (n_regionkey) ORDER BY n_regionkey",
            "SELECT n_regionkey, count(*) FROM nation GROUP BY ROLLUP (n_regionkey) ORDER BY n_regionkey DESC",
            "SELECT n_regionkey, count(*) FROM nation GROUP BY ROLLUP (n_regionkey) ORDER BY n_regionkey NULLS FIRST",
            "SELECT n_regionkey, count(*) FROM nation GROUP BY ROLLUP (n_regionkey) ORDER BY n_regionkey DESC NULLS FIRST",
            "SELECT n_regionkey, count(*), rank() OVER (ORDER BY count(*) DESC, n_regionkey) FROM nation GROUP BY ROLLUP (n_regionkey)",
    })
    void testTpch(String sql)
    {
        comparison.assertSameAnswer(sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT g, s, count(*), sum(v) FROM " + ROWS + " GROUP BY ROLLUP (g, s)",
            "SELECT g, s, count(v), max(v) FROM " + ROWS + " GROUP BY CUBE (g, s)",
            "SELECT g, s, count(*), grouping(g, s) FROM " + ROWS + " GROUP BY GROUPING SETS ((g), (s), (g, s))",
            "SELECT g, count(*) FROM " + ROWS + " GROUP BY g ORDER BY g",
            "SELECT g, count(*) FROM " + ROWS + " GROUP BY g ORDER BY g DESC",
            "SELECT g, count(*) FROM " + ROWS + " GROUP BY g ORDER BY g NULLS FIRST",
            "SELECT g, s, v FROM " + ROWS + " ORDER BY v DESC NULLS LAST, g ASC NULLS FIRST, s",
            "SELECT g, s, v FROM " + ROWS + " ORDER BY s NULLS FIRST, v DESC, g",
            "SELECT g, sum(v) FROM " + ROWS + " GROUP BY ROLLUP (g) HAVING count(v) > 1 ORDER BY g NULLS FIRST",
            // the grand total of no rows is one row
            "SELECT g, count(*), count(v), sum(v), grouping(g) FROM " + ROWS + " WHERE v > 100 GROUP BY ROLLUP (g)",
            "SELECT g, s, count(*), max(s) FROM " + ROWS + " WHERE v > 100 GROUP BY GROUPING SETS ((g), (), (s))",
            "SELECT g, count(*) FILTER (WHERE v > 2), sum(v) FILTER (WHERE s = 'a') FROM " + ROWS + " GROUP BY CUBE (g)",
    })
    void testValuesWithNulls(String sql)
    {
        comparison.assertSameAnswer(sql);
    }
}

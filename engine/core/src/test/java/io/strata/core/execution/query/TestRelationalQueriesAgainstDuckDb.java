package io.strata.core.execution.query;

import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.execution.testing.DuckDbRows;
import io.strata.core.execution.testing.TestingQueryRunner;
import io.strata.core.execution.testing.TpchDuckDb;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.connector.Connector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Joins of every kind, subqueries (scalar, IN, EXISTS, correlated), set operations, DISTINCT, OFFSET and WITH,
 * run through the whole engine and checked against DuckDB running the same SQL (or its DuckDB spelling) over the
 * same rows: small relations with NULL keys, duplicates and empty sides given as WITH ... VALUES, and tpch
 * {@code tiny} tables loaded into DuckDB from the connector's page sources.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestRelationalQueriesAgainstDuckDb
{
    /** Keys with NULLs and duplicates on both sides; {@code e} is empty. */
    private static final String DATA = "WITH l(k, v) AS (VALUES (1, 'a'), (2, 'b'), (NULL, 'c'), (2, 'd'), (4, 'e')), "
            + "r(k, w) AS (VALUES (2, 'x'), (2, 'y'), (NULL, 'z'), (3, 'w'), (4, NULL)), "
            + "e(k, w) AS (SELECT * FROM r WHERE k > 100) ";

    private TestingQueryRunner runner;
    private Connection duckDb;

    /** A query, and its DuckDB spelling where DuckDB needs another (null: the same). */
    record Case(String sql, String duckDbSql)
    {
        static Case of(String sql)
        {
            return new Case(sql, null);
        }

        static Case data(String sql)
        {
            return new Case(DATA + sql, null);
        }

        /** With DuckDB's spelling, where Presto's semantics differ (integer division truncates: DuckDB's {@code //}). */
        static Case data(String sql, String duckDbSql)
        {
            return new Case(DATA + sql, DATA + duckDbSql);
        }

        String oracleSql()
        {
            return duckDbSql == null ? sql : duckDbSql;
        }

        @Override
        public String toString()
        {
            return sql.startsWith(DATA) ? sql.substring(DATA.length()) : sql;
        }
    }

    @BeforeAll
    void setUp()
            throws SQLException, IOException
    {
        runner = new TestingQueryRunner(List.of(new TpchConnectorFactory()), Map.of("tpch", Map.of("connector.name", "tpch")),
                TaskManagerConfig.defaults().withWorkerThreads(2));
        duckDb = DriverManager.getConnection("jdbc:duckdb:");
        Connector connector = runner.catalogManager().requireConnector("tpch");
        for (String table : List.of("region", "nation", "supplier", "customer", "orders")) {
            TpchDuckDb.load(connector, "tiny", table, duckDb);
        }
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        runner.close();
        duckDb.close();
    }

    static List<Case> cases()
    {
        return List.of(
                // joins over NULL keys and duplicates: NULL never matches
                Case.data("SELECT l.v, r.w FROM l JOIN r ON l.k = r.k"),
                Case.data("SELECT l.v, r.w FROM l LEFT JOIN r ON l.k = r.k"),
                Case.data("SELECT l.v, r.w FROM l RIGHT JOIN r ON l.k = r.k"),
                Case.data("SELECT l.v, r.w, l.k, r.k FROM l FULL JOIN r ON l.k = r.k"),
                Case.data("SELECT l.v, r.w FROM l CROSS JOIN r"),
                Case.data("SELECT l.v, r.w FROM l, r WHERE l.k = r.k AND r.w <> 'x'"),
                Case.data("SELECT k, v, w FROM l JOIN r USING (k)"),
                Case.data("SELECT k, v, w FROM l LEFT JOIN r USING (k)"),
                Case.data("SELECT k, v, w FROM l FULL JOIN r USING (k)"),
                // non-equi and mixed conditions: nested loop, or hash join with a filter
                Case.data("SELECT l.v, r.w FROM l JOIN r ON l.k < r.k"),
                Case.data("SELECT l.v, r.w FROM l LEFT JOIN r ON l.k < r.k"),
                Case.data("SELECT l.v, r.w FROM l LEFT JOIN r ON l.k = r.k AND r.w <> 'x'"),
                Case.data("SELECT l.v, r.w FROM l LEFT JOIN r ON l.k = r.k AND l.v <> 'b'"),
                Case.data("SELECT l.v, r.w FROM l FULL JOIN r ON l.k = r.k AND l.v <> 'b'"),
                Case.data("SELECT l.v, r.w FROM l JOIN r ON l.k + 1 = r.k"),
                Case.data("SELECT l.v, r.w FROM l JOIN r ON l.k = CAST(r.k AS bigint)"),
                Case.data("SELECT l.v, r.w FROM l JOIN r ON l.v = r.w"),
                Case.data("SELECT a.v, b.v FROM l a JOIN l b ON a.k = b.k AND a.v < b.v"),
                // empty sides
                Case.data("SELECT l.v, e.w FROM l JOIN e ON l.k = e.k"),
                Case.data("SELECT l.v, e.w FROM l LEFT JOIN e ON l.k = e.k"),
                Case.data("SELECT l.v, e.w FROM e RIGHT JOIN l ON l.k = e.k"),
                Case.data("SELECT l.v, e.w FROM l FULL JOIN e ON l.k = e.k"),
                Case.data("SELECT e.w, r.w FROM e FULL JOIN r ON e.k = r.k"),
                Case.data("SELECT count(*) FROM l CROSS JOIN e"),
                // IN and NOT IN with SQL's NULL semantics
                Case.data("SELECT v FROM l WHERE k IN (SELECT k FROM r)"),
                Case.data("SELECT v FROM l WHERE k NOT IN (SELECT k FROM r)"),
                Case.data("SELECT v FROM l WHERE k NOT IN (SELECT k FROM r WHERE k IS NOT NULL)"),
                Case.data("SELECT v, k IN (SELECT k FROM r) FROM l"),
                Case.data("SELECT v, k IN (SELECT k FROM r WHERE k IS NOT NULL) FROM l"),
                Case.data("SELECT v, k IN (SELECT k FROM e) FROM l"),
                Case.data("SELECT a.v, a.k IN (SELECT b.k FROM l b WHERE b.v <> a.v) FROM l a"),
                Case.data("SELECT a.v, a.k NOT IN (SELECT b.k FROM l b WHERE b.v > a.v) FROM l a"),
                Case.data("SELECT v, k IN (SELECT r.k FROM r WHERE r.k = l.k AND r.w <> 'x') FROM l"),
                Case.data("SELECT v FROM l WHERE k NOT IN (SELECT r.k + 1 FROM r WHERE r.w IS NULL OR r.w > l.v)"),
                Case.data("SELECT v FROM l WHERE k = ANY (SELECT k FROM r)"),
                Case.data("SELECT v FROM l WHERE k <> ALL (SELECT k FROM r WHERE k IS NOT NULL)"),
                Case.data("SELECT v FROM l WHERE k > ALL (SELECT k FROM r WHERE k IS NOT NULL AND k < 4)"),
                Case.data("SELECT v, k < ANY (SELECT k FROM r) FROM l"),
                Case.data("SELECT v, k >= ALL (SELECT k FROM r) FROM l"),
                Case.data("SELECT v, k >= ALL (SELECT k FROM e), k < ANY (SELECT k FROM e) FROM l"),
                Case.data("SELECT v, k = ALL (SELECT k FROM r WHERE k = 2), k <> ANY (SELECT k FROM r WHERE w <> 'z') FROM l"),
                // EXISTS and correlated subqueries
                Case.data("SELECT v FROM l WHERE EXISTS (SELECT * FROM r WHERE r.k = l.k)"),
                Case.data("SELECT v FROM l WHERE NOT EXISTS (SELECT * FROM r WHERE r.k = l.k)"),
                Case.data("SELECT v FROM l WHERE EXISTS (SELECT * FROM r WHERE r.k = l.k AND r.w > l.v)"),
                Case.data("SELECT v FROM l WHERE EXISTS (SELECT * FROM e)"),
                Case.data("SELECT v FROM l WHERE NOT EXISTS (SELECT * FROM e)"),
                Case.data("SELECT v, EXISTS (SELECT * FROM r WHERE r.k = l.k) FROM l"),
                Case.data("SELECT v, (SELECT count(*) FROM r WHERE r.k = l.k) FROM l"),
                Case.data("SELECT v, (SELECT max(w) FROM r WHERE r.k = l.k) FROM l"),
                Case.data("SELECT v, (SELECT w FROM r WHERE r.k = l.k AND r.w <> 'y') FROM l"),
                Case.data("SELECT v, (SELECT w FROM r WHERE r.k = l.k + 2) FROM l"),
                Case.data("SELECT v FROM l WHERE v < (SELECT w FROM r WHERE r.k = l.k AND r.w > l.v AND r.w <> 'y')"),
                Case.data("SELECT v, (SELECT min(k) FROM r) FROM l"),
                Case.data("SELECT v FROM l WHERE k = (SELECT min(k) FROM r)"),
                Case.data("SELECT v, (SELECT k FROM e) FROM l"),
                Case.data("SELECT k, count(*) FROM l GROUP BY k HAVING count(*) > (SELECT count(*) FROM e)"),
                Case.data("SELECT k, count(*) FROM l GROUP BY k HAVING count(*) >= (SELECT count(*) FROM r WHERE r.k = l.k)"),
                Case.data("SELECT v FROM l WHERE k IN (SELECT k FROM r WHERE w IN (SELECT w FROM r WHERE k = 2))"),
                Case.data("SELECT v FROM l WHERE EXISTS (SELECT * FROM r WHERE r.k = l.k AND r.w IN (SELECT w FROM r WHERE k = 2))"),
                Case.data("SELECT v FROM l WHERE k > (SELECT avg(r.k) FROM r WHERE r.k <> 3) AND EXISTS (SELECT * FROM r WHERE r.k = l.k)"),
                Case.data("SELECT v FROM (SELECT k, v FROM l) t WHERE t.k IN (SELECT k FROM r) OR t.v = 'a'"),
                // a conjunct pushed from above is evaluated after the ones that guarded it
                Case.data("SELECT * FROM (SELECT 10 / (k - 1) AS q FROM l WHERE k <> 1) t WHERE q > 2",
                        "SELECT * FROM (SELECT 10 // (k - 1) AS q FROM l WHERE k <> 1) t WHERE q > 2"),
                // set operations with duplicates and NULLs
                Case.data("SELECT k FROM l UNION SELECT k FROM r"),
                Case.data("SELECT k FROM l UNION ALL SELECT k FROM r"),
                Case.data("SELECT k FROM l INTERSECT SELECT k FROM r"),
                Case.data("SELECT k FROM l INTERSECT ALL SELECT k FROM r"),
                Case.data("SELECT k FROM l EXCEPT SELECT k FROM r"),
                Case.data("SELECT k FROM l EXCEPT ALL SELECT k FROM r"),
                Case.data("SELECT k FROM r EXCEPT ALL SELECT k FROM l"),
                Case.data("SELECT k, v FROM l UNION SELECT k, w FROM r ORDER BY 2, 1"),
                Case.data("SELECT k FROM l UNION ALL SELECT k FROM e"),
                Case.data("SELECT count(*) FROM (SELECT k FROM l UNION ALL SELECT k FROM r) t"),
                Case.data("SELECT count(*) FROM (SELECT k FROM l INTERSECT SELECT k FROM r) t"),
                Case.data("SELECT k FROM l UNION SELECT k FROM r EXCEPT SELECT k FROM e"),
                Case.data("SELECT v, w FROM (SELECT k, v FROM l UNION ALL SELECT k, w FROM r) t (k, v) JOIN r ON t.k = r.k"),
                // DISTINCT, distinct aggregates, WITH referenced twice, OFFSET
                Case.data("SELECT DISTINCT k FROM l"),
                Case.data("SELECT count(DISTINCT k), count(k), count(*) FROM l"),
                Case.data("SELECT a.k, b.k FROM l a JOIN l b ON a.k = b.k"),
                new Case("SELECT n_name FROM nation ORDER BY n_name OFFSET 5 ROWS FETCH FIRST 3 ROWS ONLY",
                        "SELECT n_name FROM nation ORDER BY n_name LIMIT 3 OFFSET 5"),
                Case.of("SELECT n_name FROM nation ORDER BY n_name OFFSET 20"),
                // tpch tables: multi-way and multi-key joins, outer joins, semi and anti joins
                Case.of("SELECT n_name, r_name FROM nation JOIN region ON n_regionkey = r_regionkey"),
                Case.of("SELECT n_name, count(*) FROM customer, nation, region WHERE c_nationkey = n_nationkey AND n_regionkey = r_regionkey "
                        + "AND r_name = 'ASIA' GROUP BY n_name"),
                Case.of("SELECT c_custkey, count(o_orderkey) FROM customer LEFT JOIN orders ON c_custkey = o_custkey GROUP BY c_custkey"),
                Case.of("SELECT count(*), count(o_orderkey), count(c_custkey) FROM orders FULL JOIN customer ON c_custkey = o_custkey AND o_orderstatus = 'F'"),
                // one probe page with more matches than one output batch
                Case.of("SELECT count(*), sum(a.c_custkey - b.c_custkey) FROM customer a JOIN customer b ON a.c_nationkey = b.c_nationkey"),
                Case.of("SELECT count(*), count(b.c_custkey) FROM customer a LEFT JOIN customer b ON a.c_nationkey = b.c_nationkey AND a.c_custkey < b.c_custkey"),
                Case.of("SELECT count(*), count(a.c_custkey), count(b.c_custkey) FROM customer a FULL JOIN customer b "
                        + "ON a.c_nationkey = b.c_nationkey AND a.c_acctbal > b.c_acctbal + 9000"),
                Case.of("SELECT count(*) FROM customer WHERE c_custkey NOT IN (SELECT o_custkey FROM orders)"),
                Case.of("SELECT count(*) FROM customer c WHERE EXISTS (SELECT * FROM orders o WHERE o.o_custkey = c.c_custkey AND o.o_totalprice > 300000)"),
                Case.of("SELECT s_name FROM supplier s, nation n WHERE s.s_nationkey = n.n_nationkey AND n.n_name = 'CANADA' "
                        + "AND s.s_acctbal > (SELECT avg(s2.s_acctbal) FROM supplier s2 WHERE s2.s_nationkey = s.s_nationkey)"),
                Case.of("SELECT o1.o_orderpriority, count(*) FROM orders o1 JOIN orders o2 ON o1.o_orderkey = o2.o_orderkey AND o1.o_custkey = o2.o_custkey "
                        + "GROUP BY o1.o_orderpriority"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void testAgainstDuckDb(Case query)
            throws SQLException
    {
        List<List<String>> actual = runner.execute("tpch", "tiny", query.sql()).rows().stream().map(DuckDbRows::normalize).toList();
        List<List<String>> expected = DuckDbRows.query(duckDb, query.oracleSql());
        if (query.sql().contains("ORDER BY")) {
            assertThat(actual).isEqualTo(expected);
        }
        else {
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void testUnsupportedSubqueriesAreUserErrors()
    {
        assertThatThrownBy(() -> runner.execute("tpch", "tiny", "VALUES ((SELECT 1))"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED));
        assertThatThrownBy(() -> runner.execute("tpch", "tiny", DATA + "SELECT count(*) FROM l GROUP BY (SELECT 1)"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED));
        assertThatThrownBy(() -> runner.execute("tpch", "tiny", DATA + "SELECT v FROM l WHERE k > ALL (SELECT k FROM r WHERE r.w = l.v)"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_SUBQUERY));
    }

    @Test
    void testScalarSubqueryWithSeveralRows()
    {
        assertThatThrownBy(() -> runner.execute("tpch", "tiny", DATA + "SELECT v, (SELECT k FROM r) FROM l"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SUBQUERY_MULTIPLE_ROWS));
        assertThatThrownBy(() -> runner.execute("tpch", "tiny", "SELECT n_name FROM nation WHERE n_regionkey = (SELECT r_regionkey FROM region)"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SUBQUERY_MULTIPLE_ROWS));
        // correlated: l's row with k = 2 finds two rows of r
        assertThatThrownBy(() -> runner.execute("tpch", "tiny", DATA + "SELECT v, (SELECT w FROM r WHERE r.k = l.k) FROM l"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SUBQUERY_MULTIPLE_ROWS));
        assertThatThrownBy(() -> runner.execute("tpch", "tiny", "SELECT n_name, (SELECT c_name FROM customer WHERE c_nationkey = n_nationkey) FROM nation"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SUBQUERY_MULTIPLE_ROWS));
    }

    @Test
    void testJoinBuildSideOverTheMemoryLimit()
    {
        TaskManagerConfig config = TaskManagerConfig.defaults().withWorkerThreads(2).withMaxQueryMemoryPerNodeBytes(1L << 20);
        try (TestingQueryRunner limited = new TestingQueryRunner(List.of(new TpchConnectorFactory()), Map.of("tpch", Map.of("connector.name", "tpch")), config)) {
            assertThatThrownBy(() -> limited.execute("tpch", "tiny", "SELECT count(*) FROM lineitem a JOIN lineitem b ON a.l_comment = b.l_comment"))
                    .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT));
        }
    }
}

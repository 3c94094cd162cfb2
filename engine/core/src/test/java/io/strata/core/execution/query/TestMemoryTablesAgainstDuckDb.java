package io.strata.core.execution.query;

import io.strata.connector.memory.MemoryConnectorFactory;
import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.execution.testing.DuckDbRows;
import io.strata.core.execution.testing.TestingQueryRunner;
import io.strata.core.execution.testing.TpchDuckDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries over tables of the memory connector — made by the engine's own CREATE TABLE, INSERT and CREATE TABLE
 * AS, with NULLs in every column, duplicate rows and keys, and an empty table — checked against DuckDB running
 * the same statements over the same rows (or their DuckDB spelling where Presto's semantics differ).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestMemoryTablesAgainstDuckDb
{
    /** Run by both engines, in order: the tables every case reads. */
    private static final List<String> SETUP = List.of(
            "CREATE TABLE t (id bigint, grp varchar, qty integer, price decimal(10,2), ratio double, day date, flag boolean)",
            "INSERT INTO t VALUES "
                    + "(1, 'a', 5, 10.50, 0.5, DATE '2024-01-01', true), "
                    + "(2, 'a', NULL, 3.25, 1.5, DATE '2024-01-15', false), "
                    + "(3, 'b', 7, NULL, NULL, DATE '2024-02-29', true), "
                    + "(4, NULL, 2, 99.99, -2.5, NULL, NULL), "
                    + "(5, 'b', 7, 0.01, 0.0, DATE '2023-12-31', false), "
                    + "(6, 'c', -3, -4.75, 8.25, DATE '2024-03-01', true), "
                    + "(NULL, 'a', 1, 1.00, 2.0, DATE '2024-01-01', NULL)",
            // an exact duplicate row, added by a second INSERT
            "INSERT INTO t VALUES (5, 'b', 7, 0.01, 0.0, DATE '2023-12-31', false)",
            "CREATE TABLE u (id bigint, label varchar)",
            "INSERT INTO u VALUES (1, 'one'), (2, 'two'), (2, 'deux'), (NULL, 'none'), (7, 'seven'), (5, NULL)",
            "CREATE TABLE empty_t (id bigint, grp varchar, qty integer)",
            "CREATE TABLE nation_copy AS SELECT n_nationkey, n_name, n_regionkey FROM nation WHERE n_regionkey < 3",
            "INSERT INTO nation_copy SELECT n_nationkey, n_name, n_regionkey FROM nation WHERE n_regionkey = 1");

    private TestingQueryRunner runner;
    private Connection duckDb;

    /** A query, and its DuckDB spelling where DuckDB needs another (null: the same). */
    record Case(String sql, String duckDbSql)
    {
        static Case of(String sql)
        {
            return new Case(sql, null);
        }

        String oracleSql()
        {
            return duckDbSql == null ? sql : duckDbSql;
        }

        @Override
        public String toString()
        {
            return sql;
        }
    }

    @BeforeAll
    void setUp()
            throws SQLException, IOException
    {
        runner = new TestingQueryRunner(List.of(new TpchConnectorFactory(), new MemoryConnectorFactory()),
                Map.of("tpch", Map.of("connector.name", "tpch"), "memory", Map.of("connector.name", "memory")),
                TaskManagerConfig.defaults().withWorkerThreads(2));
        duckDb = DriverManager.getConnection("jdbc:duckdb:");
        TpchDuckDb.load(runner.catalogManager().requireConnector("tpch"), "tiny", "nation", duckDb);
        for (String statement : SETUP) {
            runner.execute("memory", "default", statement.replace("FROM nation", "FROM tpch.tiny.nation"));
            try (Statement duck = duckDb.createStatement()) {
                duck.execute(statement);
            }
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
                // scans and filters: NULL never satisfies a comparison
                Case.of("SELECT * FROM t"),
                Case.of("SELECT id, grp FROM t WHERE qty > 2"),
                Case.of("SELECT id FROM t WHERE qty IS NULL"),
                Case.of("SELECT id FROM t WHERE qty IS NOT NULL AND grp IS NULL"),
                Case.of("SELECT id FROM t WHERE grp = 'a' OR qty IS NULL"),
                Case.of("SELECT id FROM t WHERE NOT flag"),
                Case.of("SELECT id FROM t WHERE flag OR qty < 0"),
                Case.of("SELECT id FROM t WHERE price BETWEEN 1 AND 20"),
                Case.of("SELECT id FROM t WHERE price NOT BETWEEN 1 AND 20"),
                Case.of("SELECT id FROM t WHERE grp IN ('a', 'c')"),
                Case.of("SELECT id FROM t WHERE grp NOT IN ('a', 'c')"),
                Case.of("SELECT id FROM t WHERE grp IN ('a', NULL)"),
                Case.of("SELECT id FROM t WHERE grp LIKE 'a%' OR grp LIKE '_'"),
                Case.of("SELECT id FROM t WHERE day >= DATE '2024-01-15' AND day < DATE '2024-03-01'"),
                Case.of("SELECT id FROM t WHERE ratio > 0"),
                Case.of("SELECT id FROM t WHERE id IS DISTINCT FROM 5"),
                Case.of("SELECT id FROM t WHERE grp IS NOT DISTINCT FROM NULL"),
                Case.of("SELECT id FROM empty_t WHERE qty > 0"),
                // projections over NULLs: arithmetic, CASE, COALESCE, NULLIF, casts
                Case.of("SELECT id, qty + 1, qty * 2, -qty FROM t"),
                new Case("SELECT id, qty / 2, qty % 2 FROM t", "SELECT id, qty // 2, qty % 2 FROM t"),
                Case.of("SELECT id, price * 2, price + 1.5, price - qty FROM t"),
                Case.of("SELECT id, ratio * 2, ratio + qty FROM t"),
                Case.of("SELECT id, CASE WHEN qty > 5 THEN 'big' WHEN qty > 0 THEN 'small' ELSE 'other' END FROM t"),
                Case.of("SELECT id, CASE grp WHEN 'a' THEN 1 WHEN 'b' THEN 2 END FROM t"),
                Case.of("SELECT id, coalesce(grp, 'none'), coalesce(qty, id, -1) FROM t"),
                Case.of("SELECT id, nullif(qty, 7), nullif(grp, 'a') FROM t"),
                Case.of("SELECT id, CAST(qty AS varchar), CAST(price AS varchar) FROM t"),
                Case.of("SELECT id, CAST(qty AS double), CAST(id AS integer) FROM t"),
                // Presto: date plus an interval is a date (DuckDB makes a timestamp)
                new Case("SELECT id, day + INTERVAL '1' DAY, day - INTERVAL '1' MONTH FROM t",
                        "SELECT id, CAST(day + INTERVAL '1' DAY AS date), CAST(day - INTERVAL '1' MONTH AS date) FROM t"),
                Case.of("SELECT id, flag AND qty > 0, flag OR qty > 0, NOT flag FROM t"),
                Case.of("SELECT id, upper(grp), lower(grp), length(grp), substr(grp, 1, 1), grp || '!' FROM t"),
                Case.of("SELECT id, abs(qty), round(price, 1), round(ratio) FROM t"),
                // aggregation: NULL groups, all-NULL inputs, empty inputs, DISTINCT
                Case.of("SELECT count(*), count(id), count(grp), count(qty), count(price), count(day), count(flag) FROM t"),
                Case.of("SELECT sum(qty), min(qty), max(qty), sum(price), min(price), max(price) FROM t"),
                Case.of("SELECT min(grp), max(grp), min(day), max(day), min(ratio), max(ratio) FROM t"),
                Case.of("SELECT grp, count(*), count(qty), sum(qty), max(price) FROM t GROUP BY grp"),
                Case.of("SELECT grp, flag, count(*) FROM t GROUP BY grp, flag"),
                Case.of("SELECT day, count(*) FROM t GROUP BY day"),
                Case.of("SELECT flag, sum(price) FROM t GROUP BY flag"),
                Case.of("SELECT qty, count(*) FROM t GROUP BY qty HAVING count(*) > 1"),
                Case.of("SELECT grp, sum(qty) FROM t GROUP BY grp HAVING sum(qty) IS NULL OR sum(qty) > 5"),
                Case.of("SELECT count(DISTINCT grp), count(DISTINCT qty), count(DISTINCT id) FROM t"),
                Case.of("SELECT grp, count(DISTINCT qty) FROM t GROUP BY grp"),
                Case.of("SELECT count(*), count(qty), sum(qty), min(grp), max(id) FROM empty_t"),
                Case.of("SELECT grp, count(*) FROM empty_t GROUP BY grp"),
                Case.of("SELECT sum(qty), count(qty) FROM t WHERE qty IS NULL"),
                Case.of("SELECT avg(qty), avg(id) FROM t"),
                Case.of("SELECT grp, avg(ratio) FROM t GROUP BY grp"),
                Case.of("SELECT DISTINCT grp FROM t"),
                Case.of("SELECT DISTINCT grp, qty FROM t"),
                Case.of("SELECT DISTINCT * FROM t"),
                Case.of("SELECT count(*) FROM (SELECT DISTINCT * FROM t) x"),
                Case.of("SELECT grp, count(*) FROM t GROUP BY ROLLUP (grp)"),
                Case.of("SELECT grp, flag, count(*) FROM t GROUP BY CUBE (grp, flag)"),
                // ordering: NULLs last by default in both directions, unless said otherwise
                Case.of("SELECT id, qty FROM t ORDER BY qty, id"),
                Case.of("SELECT id, qty FROM t ORDER BY qty DESC, id DESC"),
                Case.of("SELECT id, grp FROM t ORDER BY grp NULLS FIRST, id"),
                Case.of("SELECT id, grp FROM t ORDER BY grp DESC NULLS LAST, id NULLS FIRST"),
                Case.of("SELECT id, price FROM t ORDER BY price DESC NULLS FIRST, id"),
                Case.of("SELECT id, day FROM t ORDER BY day, id LIMIT 3"),
                new Case("SELECT id, ratio FROM t ORDER BY ratio DESC, id OFFSET 2 LIMIT 4", "SELECT id, ratio FROM t ORDER BY ratio DESC, id LIMIT 4 OFFSET 2"),
                Case.of("SELECT id FROM t ORDER BY id NULLS FIRST OFFSET 6"),
                Case.of("SELECT grp, count(*) c FROM t GROUP BY grp ORDER BY c DESC, grp"),
                // joins over NULL and duplicate keys, and an empty side
                Case.of("SELECT t.id, u.label FROM t JOIN u ON t.id = u.id"),
                Case.of("SELECT t.id, u.label FROM t LEFT JOIN u ON t.id = u.id"),
                Case.of("SELECT t.id, u.label FROM t RIGHT JOIN u ON t.id = u.id"),
                Case.of("SELECT t.id, u.id, u.label FROM t FULL JOIN u ON t.id = u.id"),
                Case.of("SELECT t.id, u.label FROM t JOIN u ON t.id = u.id AND u.label <> 'two'"),
                Case.of("SELECT t.id, u.label FROM t LEFT JOIN u ON t.id = u.id AND t.qty > 5"),
                Case.of("SELECT t.id, e.grp FROM t LEFT JOIN empty_t e ON t.id = e.id"),
                Case.of("SELECT t.id FROM t JOIN empty_t e ON t.id = e.id"),
                Case.of("SELECT a.id, b.id FROM t a JOIN t b ON a.grp = b.grp AND a.id < b.id"),
                Case.of("SELECT t.grp, count(u.label) FROM t LEFT JOIN u ON t.id = u.id GROUP BY t.grp"),
                Case.of("SELECT n.n_name, t.id FROM nation_copy n LEFT JOIN t ON n.n_nationkey = t.id"),
                Case.of("SELECT t.id, u.label FROM t, u WHERE t.qty = u.id"),
                // Presto: a USING column is referred to unqualified
                Case.of("SELECT id, label FROM t JOIN u USING (id)"),
                Case.of("SELECT id, label, grp FROM t FULL JOIN u USING (id)"),
                // subqueries: IN, NOT IN, EXISTS with NULLs
                Case.of("SELECT id FROM t WHERE id IN (SELECT id FROM u)"),
                Case.of("SELECT id FROM t WHERE id NOT IN (SELECT id FROM u)"),
                Case.of("SELECT id FROM t WHERE id NOT IN (SELECT id FROM u WHERE id IS NOT NULL)"),
                Case.of("SELECT id FROM t WHERE id NOT IN (SELECT id FROM empty_t)"),
                Case.of("SELECT id, id IN (SELECT id FROM u) FROM t"),
                Case.of("SELECT id FROM t WHERE EXISTS (SELECT * FROM u WHERE u.id = t.id AND u.label IS NOT NULL)"),
                Case.of("SELECT id FROM t WHERE NOT EXISTS (SELECT * FROM u WHERE u.id = t.id)"),
                Case.of("SELECT id, (SELECT count(*) FROM u WHERE u.id = t.id) FROM t"),
                Case.of("SELECT id FROM t WHERE qty > (SELECT avg(qty) FROM t)"),
                Case.of("SELECT id FROM t WHERE qty = (SELECT max(qty) FROM empty_t)"),
                // set operations
                Case.of("SELECT id FROM t UNION SELECT id FROM u"),
                Case.of("SELECT id FROM t UNION ALL SELECT id FROM u"),
                Case.of("SELECT id FROM t INTERSECT SELECT id FROM u"),
                Case.of("SELECT id FROM t EXCEPT SELECT id FROM u"),
                Case.of("SELECT grp FROM t EXCEPT ALL SELECT label FROM u"),
                Case.of("SELECT id FROM t UNION ALL SELECT id FROM empty_t"),
                Case.of("SELECT id, grp FROM t INTERSECT ALL SELECT id, grp FROM t WHERE id = 5"),
                // window functions over partitions with NULL keys and ties
                Case.of("SELECT id, grp, row_number() OVER (PARTITION BY grp ORDER BY id) FROM t"),
                Case.of("SELECT id, qty, rank() OVER (ORDER BY qty), dense_rank() OVER (ORDER BY qty) FROM t"),
                Case.of("SELECT id, grp, sum(qty) OVER (PARTITION BY grp) FROM t"),
                Case.of("SELECT id, grp, sum(qty) OVER (PARTITION BY grp ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t"),
                Case.of("SELECT id, lag(qty) OVER (ORDER BY id), lead(qty, 2) OVER (ORDER BY id) FROM t WHERE id IS NOT NULL"),
                Case.of("SELECT id, first_value(grp) OVER (ORDER BY id), count(*) OVER () FROM t WHERE id IS NOT NULL"),
                // tables made by CREATE TABLE AS and INSERT ... SELECT
                Case.of("SELECT n_regionkey, count(*) FROM nation_copy GROUP BY n_regionkey"),
                Case.of("SELECT count(*), count(DISTINCT n_nationkey) FROM nation_copy"),
                Case.of("SELECT n_name FROM nation_copy WHERE n_regionkey = 1 ORDER BY n_name, n_nationkey"),
                Case.of("WITH x AS (SELECT grp, sum(qty) s FROM t GROUP BY grp) SELECT a.grp, a.s, b.s FROM x a JOIN x b ON a.grp = b.grp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void testAgainstDuckDb(Case query)
            throws SQLException
    {
        List<List<String>> actual = runner.execute("memory", "default", query.sql()).rows().stream().map(DuckDbRows::normalize).toList();
        List<List<String>> expected = DuckDbRows.query(duckDb, query.oracleSql());
        if (query.sql().toUpperCase(Locale.ROOT).contains("ORDER BY") && !query.sql().contains("OVER (")) {
            assertThat(actual).isEqualTo(expected);
        }
        else {
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}

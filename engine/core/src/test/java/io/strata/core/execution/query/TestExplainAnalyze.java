package io.strata.core.execution.query;

import io.strata.connector.memory.MemoryConnectorFactory;
import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.execution.testing.TestingQueryRunner.MaterializedResult;
import io.strata.protocol.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code EXPLAIN ANALYZE} runs the query and prints its plan with what each operator did: row counts checked
 * against what the tpch generator makes ({@code tiny}: 15,000 orders, 60,175 line items; 25 nations).
 */
class TestExplainAnalyze
{
    private TestingSqlEngine engine;

    @BeforeEach
    void setUp()
    {
        engine = new TestingSqlEngine(List.of(new TpchConnectorFactory(), new MemoryConnectorFactory()), Map.of(
                "tpch", Map.of("connector.name", "tpch"),
                "memory", Map.of("connector.name", "memory")));
    }

    @AfterEach
    void tearDown()
    {
        engine.close();
    }

    private String explainAnalyze(String query)
    {
        MaterializedResult result = engine.run("EXPLAIN ANALYZE " + query);
        assertThat(result.rows()).hasSize(1);
        return (String) result.rows().get(0).get(0);
    }

    @Test
    void testScanAndAggregationCounts()
    {
        String plan = explainAnalyze("SELECT o_orderstatus, count(*) FROM tpch.tiny.orders GROUP BY o_orderstatus");
        assertThat(plan).startsWith("Query: ");
        assertThat(plan).contains("TableScan[tpch.tiny.orders]");
        // the scan read every order, the final aggregation put out one row per status (F, O, P)
        assertThat(readRows(plan)).isEqualTo(15_000);
        assertThat(plan).containsPattern("Aggregation.*\\n(.*\\n)*.*output 3 rows");
        assertThat(plan).contains("wall ").contains("peak memory ");
    }

    @Test
    void testJoinShowsBuildMemory()
    {
        String plan = explainAnalyze("SELECT count(*) FROM tpch.tiny.lineitem l JOIN tpch.tiny.orders o ON l.l_orderkey = o.o_orderkey WHERE o.o_orderstatus = 'F'");
        assertThat(readRows(plan)).isEqualTo(60_175 + 15_000);
        Matcher build = Pattern.compile("HashBuild[A-Za-z]*: .*peak memory ([0-9.]+)(B|kB|MB)").matcher(plan);
        assertThat(build.find()).as(plan).isTrue();
        assertThat(Double.parseDouble(build.group(1))).isGreaterThan(0);
    }

    @Test
    void testRowsAreNotReturnedAndWritesAreRejected()
    {
        MaterializedResult result = engine.run("EXPLAIN ANALYZE SELECT * FROM tpch.tiny.nation");
        assertThat(result.columns()).extracting(column -> column.name()).containsExactly("Query Plan");
        assertThat((String) result.rows().get(0).get(0)).contains("output 25 rows");
        engine.assertError("EXPLAIN ANALYZE CREATE TABLE memory.default.t AS SELECT 1 AS a", ErrorCode.NOT_SUPPORTED, "EXPLAIN ANALYZE of a statement other than a query");
        engine.assertError("EXPLAIN ANALYZE (TYPE DISTRIBUTED) SELECT 1", ErrorCode.NOT_SUPPORTED, "EXPLAIN ANALYZE (TYPE DISTRIBUTED)");
        assertThat(engine.run("SHOW TABLES FROM memory.default").rows()).isEmpty();
    }

    @Test
    void testFailingQueryFailsTheExplain()
    {
        engine.assertError("EXPLAIN ANALYZE SELECT 1 / (n_nationkey - n_nationkey) FROM tpch.tiny.nation", ErrorCode.DIVISION_BY_ZERO, "Division by zero");
        // and the engine keeps serving
        assertThat(engine.run("SELECT count(*) FROM tpch.tiny.nation").rows()).containsExactly(List.of(25L));
    }

    /** The rows the plan's scans read from their connectors. */
    private static long readRows(String plan)
    {
        Matcher read = Pattern.compile("read ([0-9,]+) rows").matcher(plan);
        long rows = 0;
        while (read.find()) {
            rows += Long.parseLong(read.group(1).replace(",", ""));
        }
        return rows;
    }
}

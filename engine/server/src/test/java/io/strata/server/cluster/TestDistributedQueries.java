package io.strata.server.cluster;

import io.strata.core.execution.testing.TestingQueryRunner;
import io.strata.core.session.Session;
import io.strata.server.testing.TestingCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TestDistributedQueries
{
    private final AtomicInteger nextQuery = new AtomicInteger();
    private TestingCluster cluster;

    @BeforeAll
    void start()
    {
        // pages between tasks LZ4-compressed here; the SQL suites run uncompressed (the default)
        cluster = TestingCluster.start(2, Map.of("tpch", Map.of("connector.name", "tpch")), Map.of(), Map.of("exchange.compression-codec", "LZ4"));
    }

    @AfterAll
    void stop()
    {
        if (cluster != null) {
            cluster.close();
        }
    }

    private List<List<Object>> run(String sql, Map<String, String> properties)
    {
        String queryId = "20250101_000000_" + String.format("%05d", nextQuery.incrementAndGet()) + "_dist";
        Session simple = Session.simple(queryId, "test", Optional.of("tpch"), Optional.of("tiny"));
        Session session = new Session(simple.queryId(), simple.user(), simple.source(), simple.catalog(), simple.schema(), simple.timeZone(),
                simple.language(), simple.clientTags(), simple.clientInfo(), simple.traceToken(), properties, simple.catalogProperties(),
                simple.preparedStatements(), simple.transactionId(), simple.start());
        return TestingQueryRunner.execute(cluster.queryEngine().createQuery(session, sql)).rows();
    }

    @Test
    void failureOfOneTaskIsTheQueryFailure()
    {
        for (int i = 0; i < 20; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("SELECT n_name FROM nation WHERE n_regionkey = (SELECT r_regionkey FROM region)",
                            Map.of("join_distribution_type", "PARTITIONED", "hash_partition_count", "3")))
                    .hasMessageContaining("Scalar sub-query has returned multiple rows");
        }
    }

    @Test
    void explainAnalyzeSumsTheOperatorsOfEveryTask()
    {
        String plan = (String) run("EXPLAIN ANALYZE SELECT o_orderstatus, count(*) FROM orders GROUP BY o_orderstatus", Map.of()).get(0).get(0);
        // the scan runs in a task on each worker: its rows are the table's, summed over both
        assertThat(plan).contains("TableScan[tpch.tiny.orders]").containsPattern("TableScan\\[tpch.tiny.orders\\](.*\\n)*.*output 15,000 rows");
        assertThat(plan).containsPattern("Aggregate.*\\n(.*\\n)*.*output 3 rows");
    }

    @Test
    void smoke()
    {
        assertThat(run("SELECT count(*) FROM lineitem", Map.of())).containsExactly(List.of(60175L));
        assertThat(run("SELECT n_regionkey, count(*) FROM nation GROUP BY n_regionkey ORDER BY 1", Map.of())).hasSize(5);
        for (String type : List.of("BROADCAST", "PARTITIONED")) {
            assertThat(run("SELECT count(*) FROM orders o JOIN customer c ON o.o_custkey = c.c_custkey", Map.of("join_distribution_type", type, "hash_partition_count", "3")))
                    .containsExactly(List.of(15000L));
        }
    }
}

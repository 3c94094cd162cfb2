package io.strata.server.cluster;

import io.strata.core.execution.testing.TestingQueryRunner;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.server.testing.TestingCluster;
import io.strata.spi.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Memory limits on a coordinator and two workers: a query over the per-node limit fails with
 * {@code EXCEEDED_LOCAL_MEMORY_LIMIT}, one over the limit on all nodes together with {@code EXCEEDED_GLOBAL_MEMORY_LIMIT};
 * either way the nodes keep serving the next queries.
 */
@Timeout(180)
final class TestClusterMemoryLimits
{
    private static final Map<String, Map<String, String>> TPCH = Map.of("tpch", Map.of("connector.name", "tpch"));
    private static final String BIG_HASH_TABLE = "SELECT count(*) FROM lineitem a JOIN lineitem b ON a.l_comment = b.l_comment";

    private final AtomicInteger nextQuery = new AtomicInteger();

    @Test
    void hashTableOverThePerNodeLimitFailsAndTheWorkersKeepServing()
    {
        try (TestingCluster cluster = TestingCluster.start(2, TPCH, Map.of("join_distribution_type", "PARTITIONED"),
                Map.of("query.max-memory-per-node", "1MB"))) {
            assertThatThrownBy(() -> run(cluster, "tiny", BIG_HASH_TABLE))
                    .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT));
            assertThat(run(cluster, "tiny", "SELECT count(*) FROM lineitem")).containsExactly(List.of(60175L));
            assertThat(run(cluster, "tiny", "SELECT count(*) FROM orders o JOIN customer c ON o.o_custkey = c.c_custkey")).containsExactly(List.of(15000L));
        }
    }

    @Test
    void queryOverTheLimitOnAllNodesTogetherFails()
    {
        // each node allows the query 1GB, all of them together 2MB: only the coordinator's sum of its tasks' memory can catch it
        try (TestingCluster cluster = TestingCluster.start(2, TPCH, Map.of("join_distribution_type", "PARTITIONED", "hash_partition_count", "2"),
                Map.of("query.max-memory", "2MB"))) {
            assertThatThrownBy(() -> run(cluster, "sf1", "SELECT count(*) FROM (SELECT l_comment, count(*) FROM lineitem GROUP BY l_comment)"))
                    .isInstanceOfSatisfying(StrataException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.EXCEEDED_GLOBAL_MEMORY_LIMIT);
                        assertThat(e.getMessage()).contains("Query exceeded distributed user memory limit of 2MB");
                    });
            assertThat(run(cluster, "tiny", "SELECT count(*) FROM lineitem")).containsExactly(List.of(60175L));
        }
    }

    private List<List<Object>> run(TestingCluster cluster, String schema, String sql)
    {
        String queryId = "20250101_000000_" + String.format("%05d", nextQuery.incrementAndGet()) + "_mem";
        Session session = Session.simple(queryId, "test", Optional.of("tpch"), Optional.of(schema));
        return TestingQueryRunner.execute(cluster.queryEngine().createQuery(session, sql)).rows();
    }
}

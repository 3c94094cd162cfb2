package io.strata.core.optimizer;

import io.strata.core.planner.TestingPlanner;
import io.strata.core.session.Session;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the remote exchanges go, read from {@code EXPLAIN (TYPE DISTRIBUTED)} over the tpch catalog (row counts from
 * the connector): aggregations split around a repartitioning, joins broadcast or partitioned as the session or the
 * estimates say, and the rules correctness imposes whatever the session says.
 */
final class TestAddExchanges
{
    private final TestingPlanner planner = new TestingPlanner();

    private String distributed(String sql, Map<String, String> properties)
    {
        Session simple = TestingPlanner.tpchSession();
        Session session = new Session(simple.queryId(), simple.user(), simple.source(), simple.catalog(), simple.schema(), simple.timeZone(),
                simple.language(), simple.clientTags(), simple.clientInfo(), simple.traceToken(), properties, simple.catalogProperties(),
                simple.preparedStatements(), simple.transactionId(), simple.start());
        return planner.rows(session, "EXPLAIN (TYPE DISTRIBUTED) " + sql).get(0).get(0);
    }

    @Test
    void groupedAggregationIsPartialThenRepartitionedThenFinal()
    {
        String plan = distributed("SELECT l_returnflag, avg(l_quantity), count(*) FROM lineitem GROUP BY l_returnflag", Map.of());
        assertThat(plan).contains("Output partitioning: REPARTITION [l_returnflag]", "Aggregate[PARTIAL, keys = [l_returnflag]]",
                "Aggregate[FINAL, keys = [l_returnflag]]", "Fragment 1 [HASH]");
        // avg's partial state is two columns: a sum and a count
        assertThat(plan).containsPattern("intermediates: .*\\$partial0, .*\\$partial1");
    }

    @Test
    void globalAggregationGathersItsPartialStates()
    {
        String plan = distributed("SELECT count(*), sum(l_extendedprice) FROM lineitem", Map.of());
        assertThat(plan).contains("Aggregate[PARTIAL]", "Aggregate[FINAL]", "RemoteSource[GATHER").doesNotContain("REPARTITION");
    }

    @Test
    void distinctAggregationMovesItsRows()
    {
        String plan = distributed("SELECT l_returnflag, count(DISTINCT l_partkey) FROM lineitem GROUP BY l_returnflag", Map.of());
        assertThat(plan).contains("Aggregate[SINGLE, keys = [l_returnflag]]", "REPARTITION [l_returnflag]").doesNotContain("PARTIAL");
    }

    @Test
    void joinDistributionFollowsTheSessionAndTheEstimates()
    {
        String join = "SELECT count(*) FROM orders o JOIN customer c ON o.o_custkey = c.c_custkey";
        assertThat(distributed(join, Map.of("join_distribution_type", "BROADCAST"))).contains("REPLICATE").doesNotContain("REPARTITION [");
        assertThat(distributed(join, Map.of("join_distribution_type", "PARTITIONED")))
                .contains("REPARTITION [o_custkey]", "REPARTITION [c_custkey]").doesNotContain("REPLICATE");
        // at tiny every table is small: AUTOMATIC broadcasts; at sf1 the 1.5M orders are too many to broadcast
        assertThat(distributed(join, Map.of())).contains("REPLICATE");
        assertThat(distributed("SELECT count(*) FROM tpch.sf1.lineitem l JOIN tpch.sf1.orders o ON l.l_orderkey = o.o_orderkey", Map.of()))
                .contains("REPARTITION [l_orderkey]", "REPARTITION [o_orderkey]");
    }

    @Test
    void fullJoinIsPartitionedAndNullAwareSemiJoinBroadcastWhateverTheSession()
    {
        assertThat(distributed("SELECT count(*) FROM orders o FULL JOIN customer c ON o.o_custkey = c.c_custkey", Map.of("join_distribution_type", "BROADCAST")))
                .contains("REPARTITION [o_custkey]", "REPARTITION [c_custkey]").doesNotContain("REPLICATE");
        assertThat(distributed("SELECT count(*) FROM orders WHERE o_custkey NOT IN (SELECT c_custkey FROM customer)", Map.of("join_distribution_type", "PARTITIONED")))
                .contains("REPLICATE");
    }

    @Test
    void topNAndLimitRunPartiallyBeforeTheGathering()
    {
        String topN = distributed("SELECT o_orderkey FROM orders ORDER BY o_totalprice DESC LIMIT 5", Map.of());
        assertThat(topN.split("TopN\\[", -1)).as("a partial and a final top-N").hasSize(3);
        String limit = distributed("SELECT o_orderkey FROM orders LIMIT 5", Map.of());
        assertThat(limit.split("Limit\\[", -1)).as("a partial and a final limit").hasSize(3);
    }

    @Test
    void windowIsRepartitionedOnItsPartitionKeys()
    {
        assertThat(distributed("SELECT o_custkey, row_number() OVER (PARTITION BY o_custkey ORDER BY o_orderdate) FROM orders", Map.of()))
                .contains("REPARTITION [o_custkey]");
    }

    @Test
    void unhashableKeysAreGathered()
    {
        String plan = distributed("SELECT k, count(*) FROM (SELECT ARRAY[o_orderstatus] AS k FROM orders) GROUP BY k", Map.of());
        assertThat(plan).doesNotContain("REPARTITION").contains("Aggregate[FINAL, keys = [k]]", "RemoteSource[GATHER");
    }

    @Test
    void singleNodePlansHaveNoExchangesButTheOutputGathering()
    {
        assertThat(distributed("SELECT 1", Map.of())).doesNotContain("RemoteSource").startsWith("Fragment 0 [SINGLE]");
        assertThat(Optional.of(distributed("SELECT n_name FROM nation", Map.of())))
                .hasValueSatisfying(plan -> assertThat(plan).contains("RemoteSource[GATHER", "Fragment 1 [SOURCE]"));
    }
}

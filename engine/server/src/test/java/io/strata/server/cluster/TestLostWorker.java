package io.strata.server.cluster;

import io.strata.core.execution.QueryExecution;
import io.strata.core.execution.testing.TestingQueryRunner;
import io.strata.core.session.Session;
import io.strata.protocol.QueryState;
import io.strata.server.testing.TestingCluster;
import io.strata.spi.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker that stops in the middle of a query fails that query, within 10 s, with an error naming the node; the next
 * queries run on the worker that is left.
 */
@Timeout(180)
final class TestLostWorker
{
    @Test
    void queryFailsNamingTheLostWorkerAndTheNextQueriesSucceed()
            throws Exception
    {
        try (TestingCluster cluster = TestingCluster.start(2, Map.of("tpch", Map.of("connector.name", "tpch")), Map.of())) {
            QueryExecution query = cluster.queryEngine().createQuery(session("00001", "sf1"),
                    "SELECT l_returnflag, sum(l_quantity), count(*) FROM lineitem GROUP BY l_returnflag");
            query.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (query.statistics().completedSplits() == 0 && !query.state().isDone()) {
                assertThat(System.nanoTime()).as("the query runs").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(query.state().isDone()).as("still running when the worker stops").isFalse();

            long stopped = System.nanoTime();
            cluster.workers().get(1).close();
            System.out.printf("lost worker: closing the worker took %d ms; query %s%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped), query.state());
            while (query.failure().isEmpty()) {
                assertThat(query.state()).as("not finished without the worker's rows").isNotEqualTo(QueryState.FINISHED);
                assertThat(System.nanoTime() - stopped).as("failed within 10 s").isLessThan(TimeUnit.SECONDS.toNanos(10));
                try {
                    query.whenChanged().get(100, TimeUnit.MILLISECONDS);
                }
                catch (TimeoutException e) {
                    // look again
                }
            }
            System.out.printf("lost worker: the query failed %d ms after the worker stopped: %s%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped), query.failure().get().getMessage());
            StrataException failure = query.failure().get();
            assertThat(failure.getMessage()).containsAnyOf("worker-2", cluster.workers().get(1).baseUri().getAuthority());

            for (int i = 0; i < 3; i++) {
                assertThat(run(cluster, "SELECT count(*) FROM lineitem")).containsExactly(List.of(60175L));
                assertThat(run(cluster, "SELECT count(*) FROM orders o JOIN customer c ON o.o_custkey = c.c_custkey")).containsExactly(List.of(15000L));
            }
        }
    }

    private static int next;

    private static List<List<Object>> run(TestingCluster cluster, String sql)
    {
        next++;
        return TestingQueryRunner.execute(cluster.queryEngine().createQuery(session(String.format("%05d", 100 + next), "tiny"), sql)).rows();
    }

    private static Session session(String number, String schema)
    {
        return Session.simple("20250101_000000_" + number + "_lost", "test", Optional.of("tpch"), Optional.of(schema));
    }
}

package io.strata.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.server.TestingHttpClient;
import io.strata.server.WorkerServices;
import io.strata.server.testing.TestingCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code system.runtime.nodes}, {@code system.runtime.tasks} and the client protocol's {@code StatementStats} on a
 * coordinator with two workers, through the statement protocol (only queries clients sent are tracked).
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TestClusterSystemTables
{
    private static final Map<String, Map<String, String>> CATALOGS = Map.of("tpch", Map.of("connector.name", "tpch"));
    // TPC-H scale factor 0.01 (the tpch connector's schema tiny) has 60175 lineitem rows
    private static final long TINY_LINEITEM_ROWS = 60175;
    private static final String[] HEADERS = {"X-Presto-User", "alice", "X-Presto-Catalog", "tpch", "X-Presto-Schema", "tiny"};

    private TestingCluster cluster;
    private TestingHttpClient client;

    @BeforeAll
    void start()
    {
        cluster = TestingCluster.start(2, CATALOGS, Map.of());
        client = new TestingHttpClient(cluster.coordinator().baseUri());
    }

    @AfterAll
    void stop()
    {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void nodesListsTheCoordinatorAndBothWorkersAsActive()
    {
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("coordinator", cluster.coordinator().baseUri().toString(), nodeVersion(client), "true", "active"));
        for (WorkerServices worker : cluster.workers()) {
            try (TestingHttpClient workerClient = new TestingHttpClient(worker.baseUri())) {
                expected.add(List.of(workerClient.json(workerClient.get("/v1/info")).get("nodeId").asText(), worker.baseUri().toString(),
                        nodeVersion(workerClient), "false", "active"));
            }
        }
        assertThat(run(client, "SELECT node_id, http_uri, node_version, coordinator, state FROM system.runtime.nodes ORDER BY node_id").rows())
                .containsExactlyElementsOf(expected);
        assertThat(expected).extracting(row -> row.get(0)).containsExactly("coordinator", "worker-1", "worker-2");
    }

    @Test
    void aClosedWorkerBecomesInactive()
            throws InterruptedException
    {
        try (TestingCluster own = TestingCluster.start(2, CATALOGS, Map.of());
                TestingHttpClient ownClient = new TestingHttpClient(own.coordinator().baseUri())) {
            String sql = "SELECT node_id, state FROM system.runtime.nodes ORDER BY node_id";
            assertThat(run(ownClient, sql).rows()).containsExactly(List.of("coordinator", "active"), List.of("worker-1", "active"), List.of("worker-2", "active"));
            own.workers().get(1).close();
            // a few liveness intervals (200 ms each) at most
            long deadline = System.nanoTime() + 5_000_000_000L;
            List<List<String>> rows = run(ownClient, sql).rows();
            while (!rows.contains(List.of("worker-2", "inactive")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                rows = run(ownClient, sql).rows();
            }
            assertThat(rows).containsExactly(List.of("coordinator", "active"), List.of("worker-1", "active"), List.of("worker-2", "inactive"));
        }
    }

    @Test
    void tasksOfADistributedQuery()
    {
        Outcome count = run(client, "SELECT count(*) FROM lineitem");
        assertThat(count.rows()).containsExactly(List.of(Long.toString(TINY_LINEITEM_ROWS)));
        String queryId = count.queryId();

        List<List<String>> tasks = run(client, "SELECT task_id, stage_id, node_id, state, splits, completed_splits, raw_input_rows, processed_input_rows, output_rows "
                + "FROM system.runtime.tasks WHERE query_id = '" + queryId + "' ORDER BY task_id").rows();
        assertThat(tasks).isNotEmpty();
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.get(0)).startsWith(task.get(1) + ".");
            assertThat(task.get(1)).startsWith(queryId + ".");
            assertThat(task.get(3)).isEqualTo("FINISHED");
        });
        // the root stage (0) runs on the coordinator; the scan stage on both workers
        List<List<String>> root = tasks.stream().filter(task -> task.get(1).equals(queryId + ".0")).toList();
        assertThat(root).extracting(task -> task.get(2)).containsExactly("coordinator");
        List<List<String>> scans = tasks.stream().filter(task -> !task.get(1).equals(queryId + ".0")).toList();
        assertThat(scans).extracting(task -> task.get(2)).containsExactlyInAnyOrder("worker-1", "worker-2");
        assertThat(scans).extracting(task -> task.get(1)).containsOnly(queryId + ".1");
        assertThat(scans.stream().mapToLong(task -> Long.parseLong(task.get(6))).sum()).isEqualTo(TINY_LINEITEM_ROWS);
        assertThat(scans.stream().mapToLong(task -> Long.parseLong(task.get(7))).sum()).isEqualTo(TINY_LINEITEM_ROWS);
        // every scan task ran all of its splits; the root read no table and sent the one count
        assertThat(scans).allSatisfy(task -> assertThat(task.get(4)).isEqualTo(task.get(5)));
        assertThat(scans.stream().mapToLong(task -> Long.parseLong(task.get(4))).sum()).isPositive();
        // the splits were spread: each split went to the task with the fewest unfinished ones, so both read rows
        assertThat(scans).allSatisfy(task -> assertThat(Long.parseLong(task.get(6))).isPositive());
        assertThat(root.get(0).subList(4, 9)).containsExactly("0", "0", "0", "0", "1");

        // without the filter the table has other queries' tasks too (this one's own, at least)
        List<List<String>> all = run(client, "SELECT query_id FROM system.runtime.tasks").rows();
        Set<String> queryIds = new HashSet<>();
        all.forEach(row -> queryIds.add(row.get(0)));
        assertThat(queryIds).contains(queryId).hasSizeGreaterThan(1);
        assertThat(run(client, "SELECT count(*) FROM system.runtime.tasks WHERE query_id = '" + queryId + "'").rows())
                .containsExactly(List.of(Integer.toString(tasks.size())));
        assertThat(run(client, "SELECT * FROM system.runtime.tasks WHERE query_id = 'no_such_query'").rows()).isEmpty();
    }

    /**
     * The last response's stats are final: before the scheduler read every task's status once more as the output
     * completed, about one run in five reported a split still running and fewer rows (the workers' last statuses had not
     * arrived), so this repeats the query.
     */
    @Test
    void statementStatsOfADistributedCount()
    {
        for (int i = 0; i < 10; i++) {
            Outcome count = run(client, "SELECT count(*) FROM lineitem");
            assertThat(count.rows()).containsExactly(List.of(Long.toString(TINY_LINEITEM_ROWS)));
            JsonNode stats = count.lastStats();
            assertThat(stats.get("state").asText()).isEqualTo("FINISHED");
            assertThat(stats.get("nodes").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(stats.get("totalSplits").asInt()).isPositive();
            assertThat(stats.get("completedSplits").asInt()).as(stats.toString()).isEqualTo(stats.get("totalSplits").asInt());
            assertThat(stats.get("queuedSplits").asInt()).isZero();
            assertThat(stats.get("runningSplits").asInt()).isZero();
            assertThat(stats.get("processedRows").asLong()).as(stats.toString()).isEqualTo(TINY_LINEITEM_ROWS);
        }
    }

    private static String nodeVersion(TestingHttpClient nodeClient)
    {
        return nodeClient.json(nodeClient.get("/v1/info")).get("nodeVersion").get("version").asText();
    }

    /** Runs {@code sql} through the statement protocol: the query id, every row with its values as text, and the last response's stats. */
    private static Outcome run(TestingHttpClient client, String sql)
    {
        List<TestingHttpClient.Result> results = client.run(sql, HEADERS);
        List<List<String>> rows = new ArrayList<>();
        JsonNode last = null;
        for (TestingHttpClient.Result result : results) {
            assertThat(result.status()).as(result.text()).isEqualTo(200);
            last = client.json(result);
            if (last.has("data")) {
                for (JsonNode row : last.get("data")) {
                    List<String> values = new ArrayList<>();
                    row.forEach(value -> values.add(value.isNull() ? null : value.asText()));
                    rows.add(values);
                }
            }
        }
        assertThat(last.has("error")).as(last.toString()).isFalse();
        return new Outcome(last.get("id").asText(), rows, last.get("stats"));
    }

    private record Outcome(String queryId, List<List<String>> rows, JsonNode lastStats) {}
}

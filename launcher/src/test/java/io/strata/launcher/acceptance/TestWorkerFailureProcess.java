package io.strata.launcher.acceptance;

import com.facebook.presto.jdbc.PrestoResultSet;
import com.facebook.presto.jdbc.PrestoStatement;
import com.fasterxml.jackson.databind.JsonNode;
import io.strata.protocol.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

/**
 * Failures on a cluster of worker processes, through the unmodified presto-jdbc driver. A query whose hash table
 * exceeds {@code query.max-memory-per-node} on the workers fails with {@code EXCEEDED_LOCAL_MEMORY_LIMIT}, and the
 * same workers answer the next queries. A worker process killed hard ({@code SIGKILL}) while a query runs tasks on it:
 * the query fails with an error naming the lost node, soon after the kill; the next queries run on the remaining
 * worker and give the right answers. Its own cluster ({@code bin/strata cluster start --workers 2 --config
 * query.max-memory-per-node=16MB}), since it loses a worker; the tests run in order.
 */
@Tag("process")
@TestInstance(PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = SECONDS, threadMode = SEPARATE_THREAD)
class TestWorkerFailureProcess
{
    /**
     * Scans the 6 million rows of {@code sf1.lineitem} on both workers: 8 to 14 s on 2 shared cores (measured), long
     * enough to kill a worker in the middle, with little memory (four groups).
     */
    private static final String LONG_QUERY = "SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity) FROM tpch.sf1.lineitem GROUP BY 1, 2";
    private static final String KILLED_WORKER = "worker-1";
    /** What the issue asks: the query fails within this time of the kill. */
    private static final Duration FAILURE_BOUND = Duration.ofSeconds(10);
    /** Generous bounds for waits on 2 cores shared by three JVMs and the build. */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration TASKS_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration KILL_DELAY = Duration.ofMillis(1500);

    /**
     * Small enough for one query's hash table to exceed it on the workers, large enough for the other queries here
     * (the tiny TPC-H queries and the few groups of the long query).
     */
    private static final String MEMORY_PER_NODE = "16MB";
    /** Groups by a comment (1.5 million of about 50 bytes): over 16MB of hash table on each worker within a few seconds. */
    private static final String LARGE_HASH_TABLE_QUERY = "SELECT count(*) FROM (SELECT o_comment, count(*) FROM tpch.sf1.orders GROUP BY o_comment)";

    @TempDir
    static Path directory;

    private final TpchAnswers answers = TpchAnswers.forScale("sf0.01");
    private final ExecutorService queryThread = Executors.newSingleThreadExecutor();
    private WorkerProcessCluster cluster;
    // set by testKilledWorkerFailsTheQuery
    private Optional<Duration> killToFailure = Optional.empty();

    @BeforeAll
    void startCluster()
    {
        cluster = WorkerProcessCluster.start(directory, 2, Map.of("query.max-memory-per-node", MEMORY_PER_NODE));
    }

    @AfterAll
    void stopCluster()
            throws Exception
    {
        queryThread.shutdownNow();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void testHashTableOverThePerNodeLimitFailsTheQuery()
            throws SQLException
    {
        try (Connection connection = cluster.connect(Map.of());
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> {
                try (ResultSet resultSet = statement.executeQuery(LARGE_HASH_TABLE_QUERY)) {
                    while (resultSet.next()) {
                        // read to the end or the failure
                    }
                }
            })
                    .isInstanceOfSatisfying(SQLException.class, failure -> assertThat(failure.getErrorCode()).isEqualTo(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT.code()))
                    .hasMessageContaining("Query exceeded per-node memory limit of " + MEMORY_PER_NODE);
        }
    }

    @Test
    @Order(2)
    void testBothWorkersAnswerAfterTheMemoryFailure()
            throws SQLException
    {
        assertCountAndJoinOn(3);
    }

    @Test
    @Order(3)
    void testKilledWorkerFailsTheQuery()
            throws Exception
    {
        AtomicReference<String> queryId = new AtomicReference<>();
        AtomicLong failedAt = new AtomicLong();
        Future<List<String>> query = queryThread.submit(() -> {
            try (Connection connection = cluster.connect(Map.of());
                    Statement statement = connection.createStatement()) {
                statement.unwrap(PrestoStatement.class).setProgressMonitor(stats -> queryId.compareAndSet(null, stats.getQueryId()));
                List<String> rows = new ArrayList<>();
                try (ResultSet resultSet = statement.executeQuery(LONG_QUERY)) {
                    while (resultSet.next()) {
                        rows.add(resultSet.getString(1) + resultSet.getString(2) + "=" + resultSet.getLong(3));
                    }
                }
                return rows;
            }
            catch (SQLException e) {
                failedAt.set(System.nanoTime());
                throw e;
            }
        });

        // kill only once both workers run tasks of the query
        long deadline = System.nanoTime() + TASKS_TIMEOUT.toNanos();
        while (queryId.get() == null || !runsOnWorker(0, queryId.get()) || !runsOnWorker(1, queryId.get())) {
            assertThat(query.isDone()).as("the query ended before both workers ran tasks of it" + (query.isDone() ? ": " + outcome(query) : "")).isFalse();
            assertThat(System.nanoTime()).as("both workers running tasks of the query within " + TASKS_TIMEOUT).isLessThan(deadline);
            Thread.sleep(50);
        }
        // then a little later, when the scheduler has handed out every split and only follows the tasks (a kill right at
        // the start fails the query's next task update instead, a different path)
        Thread.sleep(KILL_DELAY.toMillis());
        assertThat(query.isDone()).as("the query ended before the kill" + (query.isDone() ? ": " + outcome(query) : "")).isFalse();
        ProcessHandle worker = ProcessHandle.of(cluster.pid(KILLED_WORKER)).orElseThrow(() -> new AssertionError(KILLED_WORKER + " is not running"));
        long killedAt = System.nanoTime();
        assertThat(worker.destroyForcibly()).as("SIGKILL sent to " + KILLED_WORKER).isTrue();
        worker.onExit().get(10, TimeUnit.SECONDS);

        Throwable failure;
        try {
            List<String> rows = query.get(QUERY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("query " + queryId.get() + " succeeded although " + KILLED_WORKER + " was killed while it ran: " + rows);
        }
        catch (ExecutionException e) {
            failure = e.getCause();
        }
        catch (TimeoutException e) {
            throw new AssertionError("query " + queryId.get() + " neither failed nor finished within " + QUERY_TIMEOUT + " of killing " + KILLED_WORKER);
        }
        Duration measured = Duration.ofNanos(failedAt.get() - killedAt);
        killToFailure = Optional.of(measured);
        System.out.printf("%s killed; query %s failed %s ms later: %s%n", KILLED_WORKER, queryId.get(), measured.toMillis(), failure.getMessage());

        assertThat(failure).isInstanceOf(SQLException.class);
        // e.g. "Could not reach worker worker-1 (http://127.0.0.1:40213) to get the status of task ...: Connection refused"
        assertThat(failure.getMessage()).contains(KILLED_WORKER).contains(cluster.descriptor().workers().get(0).getAuthority());
    }

    @Test
    @Order(4)
    void testQueryFailsWithinTenSecondsOfTheKill()
    {
        Duration measured = killToFailure.orElseThrow(() -> new AssertionError("testKilledWorkerFailsTheQuery measured nothing"));
        assertThat(measured).as("from the kill of " + KILLED_WORKER + " to the failure of the query").isLessThanOrEqualTo(FAILURE_BOUND);
    }

    @Test
    @Order(5)
    void testRemainingWorkerAnswers()
            throws SQLException
    {
        assertCountAndJoinOn(2);
        for (int tpchQuery : List.of(3, 5, 18)) {
            try (Connection connection = cluster.connect(Map.of());
                    Statement statement = connection.createStatement();
                    ResultSet resultSet = statement.executeQuery(answers.query(tpchQuery))) {
                answers.assertResult(tpchQuery, resultSet);
                assertRanOnRemainingWorker(resultSet.unwrap(PrestoResultSet.class));
            }
        }
    }

    /** The rows of {@code sql}, asserting that its tasks ran on {@code nodes} nodes: the coordinator and the workers alive. */
    private List<List<String>> query(String sql, int nodes)
            throws SQLException
    {
        try (Connection connection = cluster.connect(Map.of());
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(resultSet.getString(column));
                }
                rows.add(row);
            }
            PrestoResultSet prestoResultSet = resultSet.unwrap(PrestoResultSet.class);
            if (nodes == 2) {
                assertRanOnRemainingWorker(prestoResultSet);
            }
            else {
                assertThat(prestoResultSet.getStats().getNodes()).as("nodes that ran tasks of " + prestoResultSet.getQueryId()).isEqualTo(nodes);
                assertThat(cluster.workerTasks(0, prestoResultSet.getQueryId())).as("tasks of " + prestoResultSet.getQueryId() + " on worker-1").isNotEmpty();
                assertThat(cluster.workerTasks(1, prestoResultSet.getQueryId())).as("tasks of " + prestoResultSet.getQueryId() + " on worker-2").isNotEmpty();
            }
            return rows;
        }
    }

    private void assertRanOnRemainingWorker(PrestoResultSet resultSet)
            throws SQLException
    {
        // the coordinator (root task) and worker-2
        assertThat(resultSet.getStats().getNodes()).as("nodes that ran tasks of " + resultSet.getQueryId()).isEqualTo(2);
        assertThat(cluster.workerTasks(1, resultSet.getQueryId())).as("tasks of " + resultSet.getQueryId() + " on worker-2").isNotEmpty();
    }

    /** Whether worker {@code index} (0-based) holds a running task of the query. */
    private boolean runsOnWorker(int index, String queryId)
    {
        for (JsonNode status : cluster.workerTaskStatuses(index)) {
            if (WorkerProcessCluster.taskId(status.get("taskId")).startsWith(queryId + ".") && status.get("state").asText().equals("RUNNING")) {
                return true;
            }
        }
        return false;
    }

    private static String outcome(Future<?> query)
    {
        try {
            return String.valueOf(query.get());
        }
        catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** A count and a join give TPC-H's answers (lineitem at scale factor 0.01 has 60175 rows; 25 nations, five per region) on that many nodes. */
    private void assertCountAndJoinOn(int nodes)
            throws SQLException
    {
        assertThat(query("SELECT count(*) FROM lineitem", nodes)).containsExactly(List.of("60175"));
        assertThat(query("SELECT r_name, count(*) FROM nation JOIN region ON n_regionkey = r_regionkey GROUP BY r_name ORDER BY r_name", nodes))
                .containsExactly(
                        List.of("AFRICA", "5"),
                        List.of("AMERICA", "5"),
                        List.of("ASIA", "5"),
                        List.of("EUROPE", "5"),
                        List.of("MIDDLE EAST", "5"));
    }
}

package io.strata.server.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.core.execution.driver.OperatorStatistics;
import io.strata.core.execution.exchange.ExchangeClientConfig;
import io.strata.core.execution.exchange.HttpExchangeClient;
import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.execution.remote.HttpTaskManager;
import io.strata.core.execution.remote.HttpTaskManagerConfig;
import io.strata.core.execution.serde.CompressionCodec;
import io.strata.core.execution.serde.PagesSerde;
import io.strata.core.execution.split.SplitAssignment;
import io.strata.core.execution.task.OutputBuffers;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskState;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.execution.task.TaskUpdateRequest;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.PlanFragmenter;
import io.strata.core.node.InternalNode;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.SqlStatementPlanner;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.server.CoordinatorServices;
import io.strata.server.TestingHttpClient;
import io.strata.server.TestingHttpClient.Result;
import io.strata.server.config.ServerConfig;
import io.strata.server.http.JsonCodec;
import io.strata.server.protocol.RowEncoder;
import io.strata.spi.StrataException;
import io.strata.spi.block.Page;
import io.strata.sql.parser.SqlParser;
import okhttp3.OkHttpClient;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The coordinator's {@link HttpTaskManager} against a real node's {@code TaskResource} on loopback: a task created,
 * fed splits and followed over HTTP gives, read with the exchange client, the rows the same SQL gives through the
 * client statement protocol; aborts, unknown tasks, the task list, operator statistics, and a node whose server
 * stopped.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TestHttpTaskManager
{
    private static final String[] CLIENT_HEADERS = {"X-Presto-User", "test", "X-Presto-Catalog", "tpch", "X-Presto-Schema", "tiny"};
    // a short error time: a stopped node fails its requests in about a second
    private static final HttpTaskManagerConfig CONFIG = HttpTaskManagerConfig.DEFAULT
            .withMaxErrorDuration(Duration.ofMillis(1500))
            .withRequestTimeout(Duration.ofSeconds(20))
            .withStatusMaxWait(Duration.ofMillis(500));

    private final ObjectMapper resultJson = JsonCodec.createObjectMapper();
    private final AtomicInteger queryCount = new AtomicInteger();
    private CoordinatorServices server;
    private TestingHttpClient client;
    private SqlStatementPlanner planner;
    private OkHttpClient httpClient;
    private ScheduledExecutorService exchangeRetries;
    private InternalNode node;
    private HttpTaskManager remote;

    @BeforeAll
    void start()
    {
        server = startServer("worker-1");
        client = new TestingHttpClient(server.baseUri());
        planner = new SqlStatementPlanner(new SqlParser(), server.catalogManager(), new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
        httpClient = new OkHttpClient();
        exchangeRetries = Executors.newSingleThreadScheduledExecutor();
        node = new InternalNode("worker-1", server.baseUri(), false);
        remote = new HttpTaskManager(node, httpClient, CONFIG);
    }

    @AfterAll
    void stop()
    {
        if (exchangeRetries != null) {
            exchangeRetries.shutdownNow();
        }
        if (httpClient != null) {
            httpClient.dispatcher().executorService().shutdown();
            httpClient.connectionPool().evictAll();
        }
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    // the second query counts the rows the scan gives (filters run in the scan)
    @CsvSource(delimiter = '|', value = {
            "SELECT n_nationkey, n_name, n_regionkey, n_comment FROM nation ORDER BY n_nationkey | SELECT count(*) FROM nation",
            "SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity), avg(l_discount) FROM lineitem GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2 | SELECT count(*) FROM lineitem",
            "SELECT o_orderkey, o_totalprice, o_orderdate FROM orders WHERE o_orderkey < 200 ORDER BY o_orderkey | SELECT count(*) FROM orders WHERE o_orderkey < 200",
            "SELECT n_name FROM nation WHERE n_regionkey = 99 | SELECT count(*) FROM nation WHERE n_regionkey = 99",
    })
    void testTaskOverHttpGivesTheStatementsRows(String sql, String scannedRowsSql)
            throws Exception
    {
        Session session = newSession();
        PlanFragment fragment = fragment(session, sql);
        TaskId taskId = new TaskId(session.queryId(), 0, 0);

        // created without splits: it waits for them
        TaskStatus created = remote.updateTask(taskId, new TaskUpdateRequest(session, Optional.of(fragment), List.of(), OutputBuffers.SINGLE));
        assertThat(created.taskId()).isEqualTo(taskId);
        assertThat(created.state().isDone()).isFalse();
        CompletableFuture<TaskStatus> firstChange = remote.getTaskStatus(taskId, created.version());

        // the exchange client reads while the splits come in two updates; the last update is sent twice, as a retry would
        List<Page> pages = new ArrayList<>();
        try (HttpExchangeClient exchange = new HttpExchangeClient(httpClient, () -> new PagesSerde(CompressionCodec.NONE),
                ExchangeClientConfig.DEFAULT.withMaxBufferedBytes(64 << 10), exchangeRetries)) {
            exchange.addLocation(server.baseUri().resolve("/v1/task/" + taskId + "/results/0"));
            exchange.noMoreLocations();

            List<SplitAssignment> all = TaskFragments.allSplits(server.catalogManager(), session, fragment);
            List<SplitAssignment> firstHalf = new ArrayList<>();
            for (SplitAssignment assignment : all) {
                firstHalf.add(new SplitAssignment(assignment.planNodeId(), assignment.splits().subList(0, assignment.splits().size() / 2), false));
            }
            remote.updateTask(taskId, new TaskUpdateRequest(session, Optional.empty(), firstHalf, OutputBuffers.SINGLE));
            assertThat(firstChange.get(30, TimeUnit.SECONDS).version()).isGreaterThan(created.version());
            remote.updateTask(taskId, new TaskUpdateRequest(session, Optional.empty(), all, OutputBuffers.SINGLE));
            remote.updateTask(taskId, new TaskUpdateRequest(session, Optional.empty(), all, OutputBuffers.SINGLE));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!exchange.isFinished()) {
                assertThat(System.nanoTime()).as("exchange still running").isLessThan(deadline);
                Page page = exchange.pollPage();
                if (page != null) {
                    pages.add(page);
                }
                else {
                    try {
                        exchange.isBlocked().get(1, TimeUnit.SECONDS);
                    }
                    catch (TimeoutException e) {
                        // a loaded machine: the deadline above bounds the wait
                    }
                }
            }
        }

        // the long poll follows the task to its end
        TaskStatus status = created;
        for (int poll = 0; poll < 100 && !status.state().isDone(); poll++) {
            TaskStatus next = remote.getTaskStatus(taskId, status.version()).get(30, TimeUnit.SECONDS);
            assertThat(next.version()).isGreaterThan(status.version());
            status = next;
        }
        assertThat(status.state()).isEqualTo(TaskState.FINISHED);
        assertThat(status.failures()).isEmpty();
        assertThat(remote.getTaskStatus(taskId)).isEqualTo(status);

        List<List<Object>> rows = new ArrayList<>();
        RowEncoder encoder = RowEncoder.create(fragment.outputLayout().stream().map(Symbol::type).toList());
        for (Page page : pages) {
            encoder.appendRows(page, rows);
        }
        // as JSON text: the statement protocol reads small numbers back as ints, the encoder gives longs
        assertThat(resultJson.valueToTree(rows).toString()).isEqualTo(statementRows(sql).toString());

        // every split was run once, though the last update came twice
        long scannedRows = statementRows(scannedRowsSql).get(0).get(0).asLong();
        List<OperatorStatistics> operators = remote.getOperatorStatistics(taskId);
        assertThat(operators).isNotEmpty();
        assertThat(sumOf(operators, "TableScanOperator", true)).isEqualTo(scannedRows);
        assertThat(sumOf(operators, "TaskOutputOperator", false)).isEqualTo(rows.size());

        assertThat(remote.getAllTaskStatus())
                .filteredOn(listed -> listed.taskId().equals(taskId))
                .singleElement()
                .satisfies(listed -> assertThat(listed.state()).isEqualTo(TaskState.FINISHED));
    }

    @Test
    void testAbortAndCancelOverHttp()
            throws Exception
    {
        Session session = newSession();
        TaskId aborted = new TaskId(session.queryId(), 0, 0);
        TaskId canceled = new TaskId(session.queryId(), 0, 1);
        PlanFragment fragment = fragment(session, "SELECT n_name FROM nation");
        TaskStatus created = remote.updateTask(aborted, new TaskUpdateRequest(session, Optional.of(fragment), List.of(), OutputBuffers.SINGLE));
        remote.updateTask(canceled, new TaskUpdateRequest(session, Optional.of(fragment), List.of(), OutputBuffers.SINGLE));
        CompletableFuture<TaskStatus> waiting = remote.getTaskStatus(aborted, created.version());

        TaskStatus abortStatus = remote.abortTask(aborted);
        assertThat(abortStatus.state()).isEqualTo(TaskState.ABORTED);
        assertThat(abortStatus.taskInstanceId()).isEqualTo(created.taskInstanceId());
        assertThat(waiting.get(30, TimeUnit.SECONDS).state()).isEqualTo(TaskState.ABORTED);
        assertThat(remote.getTaskStatus(aborted).state()).isEqualTo(TaskState.ABORTED);

        assertThat(remote.cancelTask(canceled).state()).isEqualTo(TaskState.CANCELED);
        assertThat(remote.getTaskStatus(canceled).state()).isEqualTo(TaskState.CANCELED);
        assertThat(remote.getAllTaskStatus()).extracting(TaskStatus::taskId).contains(aborted, canceled);
    }

    @Test
    void testUnknownTaskIsNotFound()
    {
        TaskId unknown = new TaskId("nosuchquery", 0, 0);
        assertNotFound(() -> remote.getTaskStatus(unknown));
        assertNotFound(() -> remote.getOperatorStatistics(unknown));
        assertThatThrownBy(() -> remote.getTaskStatus(unknown, 0).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("nosuchquery.0.0");
        // an update without a fragment cannot create a task
        Session session = newSession();
        assertNotFound(() -> remote.updateTask(new TaskId(session.queryId(), 0, 0), new TaskUpdateRequest(session, Optional.empty(), List.of(), OutputBuffers.SINGLE)));
    }

    @Test
    void testStoppedNodeFailsWithinTheErrorTime()
            throws Exception
    {
        CoordinatorServices doomed = startServer("worker-2");
        InternalNode doomedNode = new InternalNode("worker-2", doomed.baseUri(), false);
        HttpTaskManager doomedTasks = new HttpTaskManager(doomedNode, httpClient, CONFIG);
        Session session = newSession();
        TaskId taskId = new TaskId(session.queryId(), 0, 0);
        SqlStatementPlanner doomedPlanner = new SqlStatementPlanner(new SqlParser(), doomed.catalogManager(), new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
        PlanFragment fragment = new PlanFragmenter().fragment(doomedPlanner.plan(session, "SELECT n_name FROM nation").plan().orElseThrow()).fragment();
        TaskStatus created;
        try {
            created = doomedTasks.updateTask(taskId, new TaskUpdateRequest(session, Optional.of(fragment), List.of(), OutputBuffers.SINGLE));
        }
        finally {
            doomed.close();
        }

        long start = System.nanoTime();
        assertThatThrownBy(() -> doomedTasks.updateTask(taskId, new TaskUpdateRequest(session, Optional.empty(), List.of(), OutputBuffers.SINGLE)))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REMOTE_TASK_ERROR))
                .hasMessageContaining("Could not reach worker " + doomedNode.describe() + " to update task " + taskId)
                .hasMessageContaining("Connection refused");
        assertThat(elapsedMillis(start)).isBetween(CONFIG.maxErrorDuration().toMillis(), CONFIG.maxErrorDuration().toMillis() + 2000);

        start = System.nanoTime();
        CompletableFuture<TaskStatus> poll = doomedTasks.getTaskStatus(taskId, created.version());
        assertThatThrownBy(() -> poll.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REMOTE_TASK_ERROR))
                .hasMessageContaining("Could not reach worker " + doomedNode.describe() + " to get the status of task " + taskId);
        assertThat(elapsedMillis(start)).isLessThan(CONFIG.maxErrorDuration().toMillis() + 2000);

        start = System.nanoTime();
        assertThat(doomedTasks.abortTask(taskId).state()).isEqualTo(TaskState.ABORTED);
        assertThat(elapsedMillis(start)).isLessThan(2000);
    }

    private static void assertNotFound(ThrowingCallable call)
    {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("does not exist")
                .hasMessageContaining("worker-1");
    }

    private static long sumOf(List<OperatorStatistics> operators, String operatorType, boolean output)
    {
        return operators.stream()
                .filter(operator -> operator.operatorType().equals(operatorType))
                .mapToLong(operator -> output ? operator.outputPositions() : operator.inputPositions())
                .sum();
    }

    private static long elapsedMillis(long startNanos)
    {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static CoordinatorServices startServer(String nodeId)
    {
        return CoordinatorServices.start(
                ServerConfig.fromProperties(Map.of(
                        "node.id", nodeId,
                        "http-server.http.host", "127.0.0.1",
                        "http-server.http.port", "0",
                        "http-server.threads.max", "2",
                        "protocol.v1.threads", "2")),
                Map.of("tpch", Map.of("connector.name", "tpch")));
    }

    private Session newSession()
    {
        return Session.simple("remotetask_" + queryCount.incrementAndGet(), "test", Optional.of("tpch"), Optional.of("tiny"));
    }

    private PlanFragment fragment(Session session, String sql)
    {
        return new PlanFragmenter().fragment(planner.plan(session, sql).plan().orElseThrow()).fragment();
    }

    private JsonNode statementRows(String sql)
    {
        List<JsonNode> rows = new ArrayList<>();
        for (Result result : client.run(sql, CLIENT_HEADERS)) {
            assertThat(result.status()).as(result.text()).isEqualTo(200);
            JsonNode json = client.json(result);
            assertThat(json.has("error")).as(result.text()).isFalse();
            if (json.has("data")) {
                json.get("data").forEach(rows::add);
            }
        }
        return resultJson.valueToTree(rows);
    }
}

package io.strata.server.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airlift.slice.Slices;
import io.strata.core.execution.exchange.ExchangeClientConfig;
import io.strata.core.execution.exchange.HttpExchangeClient;
import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.execution.serde.CompressionCodec;
import io.strata.core.execution.serde.PagesSerde;
import io.strata.core.execution.split.ScheduledSplit;
import io.strata.core.execution.split.SplitAssignment;
import io.strata.core.execution.task.OutputBuffers;
import io.strata.core.execution.task.TaskState;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.execution.task.TaskUpdateRequest;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.PlanFragmenter;
import io.strata.core.json.PlanJson;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.SqlStatementPlanner;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.session.Session;
import io.strata.protocol.InternalHeaders;
import io.strata.server.CoordinatorServices;
import io.strata.server.TestingHttpClient;
import io.strata.server.TestingHttpClient.Result;
import io.strata.server.config.ServerConfig;
import io.strata.server.http.JsonCodec;
import io.strata.server.protocol.RowEncoder;
import io.strata.spi.block.Page;
import io.strata.spi.type.Type;
import io.strata.sql.parser.SqlParser;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal task API over real HTTP on loopback: a coordinator with the tpch catalog runs fragments planned
 * from SQL as tasks posted as JSON, and their results, read token by token as framed pages, are the rows the
 * same SQL gives through the client statement protocol.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TestTaskResource
{
    private static final String[] CLIENT_HEADERS = {"X-Presto-User", "test", "X-Presto-Catalog", "tpch", "X-Presto-Schema", "tiny"};

    private final ObjectMapper planJson = PlanJson.newObjectMapper();
    private final ObjectMapper resultJson = JsonCodec.createObjectMapper();
    private final AtomicInteger queryCount = new AtomicInteger();
    private CoordinatorServices server;
    private TestingHttpClient client;
    private SqlStatementPlanner planner;

    @BeforeAll
    void start()
    {
        server = CoordinatorServices.start(
                ServerConfig.fromProperties(Map.of(
                        "node.id", "test-node-1",
                        "http-server.http.host", "127.0.0.1",
                        "http-server.http.port", "0",
                        "http-server.threads.max", "2",
                        "protocol.v1.threads", "2")),
                Map.of("tpch", Map.of("connector.name", "tpch")));
        client = new TestingHttpClient(server.baseUri());
        planner = new SqlStatementPlanner(new SqlParser(), server.catalogManager(), new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
    }

    @AfterAll
    void stop()
    {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT n_nationkey, n_name, n_regionkey, n_comment FROM nation ORDER BY n_nationkey",
            "SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity), avg(l_discount) FROM lineitem GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2",
            "SELECT o_orderkey, o_totalprice, o_orderdate FROM orders WHERE o_orderkey < 200 ORDER BY o_orderkey",
            "SELECT n_name FROM nation WHERE n_regionkey = 99",
    })
    void testTaskResultsEqualStatementResults(String sql)
    {
        Session session = newSession();
        PlanFragment fragment = fragment(session, sql);
        String taskId = session.queryId() + ".0.0";
        Result posted = postUpdate(taskId, new TaskUpdateRequest(session, Optional.of(fragment), TaskFragments.allSplits(server.catalogManager(), session, fragment), OutputBuffers.SINGLE));
        assertThat(posted.status()).as(posted.text()).isEqualTo(200);
        assertThat(posted.header("Content-Type")).isEqualTo("application/json");
        TaskStatus created = readStatus(posted);
        assertThat(created.taskId().toString()).isEqualTo(taskId);

        List<Page> pages = new ArrayList<>();
        long token = 0;
        String instanceId = null;
        int reads = 0;
        while (true) {
            assertThat(reads++).as("reads of %s", taskId).isLessThan(1000);
            Result result = client.get(resultsPath(taskId, 0, token), InternalHeaders.MAX_WAIT, "2s", InternalHeaders.MAX_SIZE, "64kB");
            assertThat(result.status()).as(result.text()).isEqualTo(200);
            assertThat(result.header("Content-Type")).isEqualTo(InternalHeaders.PAGES_CONTENT_TYPE);
            assertThat(result.header(InternalHeaders.PAGE_TOKEN)).isEqualTo(Long.toString(token));
            if (instanceId == null) {
                instanceId = result.header(InternalHeaders.TASK_INSTANCE_ID);
                assertThat(instanceId).isEqualTo(created.taskInstanceId());
            }
            assertThat(result.header(InternalHeaders.TASK_INSTANCE_ID)).isEqualTo(instanceId);
            List<Page> read = deserialize(result.body());
            long endToken = Long.parseLong(result.header(InternalHeaders.PAGE_END_TOKEN));
            assertThat(endToken).isEqualTo(token + read.size());
            if (!read.isEmpty()) {
                // the same token again, before acknowledging: the same bytes
                Result repeated = client.get(resultsPath(taskId, 0, token), InternalHeaders.MAX_WAIT, "2s", InternalHeaders.MAX_SIZE, "64kB");
                assertThat(repeated.status()).isEqualTo(200);
                assertThat(repeated.body()).isEqualTo(result.body());
                assertThat(repeated.header(InternalHeaders.PAGE_END_TOKEN)).isEqualTo(result.header(InternalHeaders.PAGE_END_TOKEN));
            }
            pages.addAll(read);
            token = endToken;
            if (Boolean.parseBoolean(result.header(InternalHeaders.BUFFER_COMPLETE))) {
                break;
            }
        }
        assertThat(client.get(resultsPath(taskId, 0, token) + "/acknowledge").status()).isEqualTo(204);
        assertThat(client.method("DELETE", "/v1/task/" + taskId + "/results/0", null).status()).isEqualTo(204);

        List<Type> types = fragment.outputLayout().stream().map(Symbol::type).toList();
        List<List<Object>> rows = new ArrayList<>();
        RowEncoder encoder = RowEncoder.create(types);
        for (Page page : pages) {
            encoder.appendRows(page, rows);
        }
        JsonNode taskRows = resultJson.valueToTree(rows);
        // as JSON text: the statement protocol reads small numbers back as ints, the encoder gives longs
        assertThat(taskRows.toString()).isEqualTo(statementRows(sql).toString());

        TaskStatus done = awaitDone(taskId);
        assertThat(done.state()).isEqualTo(TaskState.FINISHED);
        assertThat(done.failures()).isEmpty();
    }

    /**
     * The two halves of the protocol together: the exchange client reads two tasks of this server, each over half
     * of the splits, and together they give the statement's rows.
     */
    @Test
    void testExchangeClientReadsTheServersTasks()
            throws Exception
    {
        String sql = "SELECT o_orderkey, o_orderstatus, o_totalprice FROM orders WHERE o_orderkey < 3000";
        Session session = newSession();
        PlanFragment fragment = fragment(session, sql);
        SplitAssignment all = TaskFragments.allSplits(server.catalogManager(), session, fragment).get(0);
        int half = all.splits().size() / 2;
        assertThat(half).isPositive();
        List<URI> locations = new ArrayList<>();
        for (int task = 0; task < 2; task++) {
            List<ScheduledSplit> splits = task == 0 ? all.splits().subList(0, half) : all.splits().subList(half, all.splits().size());
            String taskId = session.queryId() + ".0." + task;
            Result posted = postUpdate(taskId, new TaskUpdateRequest(session, Optional.of(fragment), List.of(new SplitAssignment(all.planNodeId(), splits, true)),
                    OutputBuffers.SINGLE));
            assertThat(posted.status()).as(posted.text()).isEqualTo(200);
            locations.add(server.baseUri().resolve("/v1/task/" + taskId + "/results/0"));
        }

        OkHttpClient httpClient = new OkHttpClient();
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
        List<Page> pages = new ArrayList<>();
        try (HttpExchangeClient exchange = new HttpExchangeClient(httpClient, () -> new PagesSerde(CompressionCodec.LZ4),
                ExchangeClientConfig.DEFAULT.withMaxBufferedBytes(64 << 10), retries)) {
            locations.forEach(exchange::addLocation);
            exchange.noMoreLocations();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!exchange.isFinished()) {
                assertThat(System.nanoTime()).as("exchange still running").isLessThan(deadline);
                Page page = exchange.pollPage();
                if (page != null) {
                    pages.add(page);
                }
                else {
                    exchange.isBlocked().get(10, TimeUnit.SECONDS);
                }
            }
        }
        finally {
            retries.shutdownNow();
            httpClient.dispatcher().executorService().shutdown();
            httpClient.connectionPool().evictAll();
        }

        List<List<Object>> rows = new ArrayList<>();
        RowEncoder encoder = RowEncoder.create(fragment.outputLayout().stream().map(Symbol::type).toList());
        for (Page page : pages) {
            encoder.appendRows(page, rows);
        }
        List<String> actual = new ArrayList<>();
        resultJson.valueToTree(rows).forEach(row -> actual.add(row.toString()));
        List<String> expected = new ArrayList<>();
        statementRows(sql).forEach(row -> expected.add(row.toString()));
        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void testStatusLongPoll()
            throws Exception
    {
        Session session = newSession();
        PlanFragment fragment = fragment(session, "SELECT count(*) FROM nation");
        String taskId = session.queryId() + ".0.0";
        // the task waits for its splits: its version changes only when an update brings them
        Result posted = postUpdate(taskId, new TaskUpdateRequest(session, Optional.of(fragment), List.of(), OutputBuffers.SINGLE));
        assertThat(posted.status()).as(posted.text()).isEqualTo(200);

        // without a newer version the poll answers the current status after the wait
        TaskStatus current = readStatus(client.get("/v1/task/" + taskId + "/status"));
        TaskStatus unchanged = null;
        for (int attempt = 0; attempt < 5 && unchanged == null; attempt++) {
            Result polled = client.get("/v1/task/" + taskId + "/status",
                    InternalHeaders.CURRENT_VERSION, Long.toString(current.version()), InternalHeaders.MAX_WAIT, "300ms");
            assertThat(polled.status()).isEqualTo(200);
            TaskStatus status = readStatus(polled);
            assertThat(status.version()).isGreaterThanOrEqualTo(current.version());
            if (status.version() == current.version()) {
                unchanged = status;
            }
            current = status;
        }
        assertThat(unchanged).as("a poll that ran out its wait").isNotNull();
        assertThat(unchanged.state().isDone()).isFalse();

        // an older version answers at once; a poll for a newer one answers once the splits arrive
        assertThat(readStatus(client.get("/v1/task/" + taskId + "/status", InternalHeaders.CURRENT_VERSION, Long.toString(current.version() - 1))).version())
                .isEqualTo(current.version());
        long version = current.version();
        CompletableFuture<Result> poll = CompletableFuture.supplyAsync(() -> client.get("/v1/task/" + taskId + "/status",
                InternalHeaders.CURRENT_VERSION, Long.toString(version), InternalHeaders.MAX_WAIT, "10s"));
        Result update = postUpdate(taskId, new TaskUpdateRequest(session, Optional.empty(), TaskFragments.allSplits(server.catalogManager(), session, fragment), OutputBuffers.SINGLE));
        assertThat(update.status()).as(update.text()).isEqualTo(200);
        Result newer = poll.get(30, TimeUnit.SECONDS);
        assertThat(newer.status()).isEqualTo(200);
        assertThat(readStatus(newer).version()).isGreaterThan(version);

        // the results long poll answers after its wait with no pages and the same token when nothing is new
        Result first = client.get(resultsPath(taskId, 0, 0), InternalHeaders.MAX_WAIT, "5s");
        assertThat(first.status()).isEqualTo(200);
        List<Page> pages = deserialize(first.body());
        assertThat(pages).hasSize(1);
        assertThat(RowEncoder.create(fragment.outputLayout().stream().map(Symbol::type).toList()).encode(pages.get(0))).containsExactly(List.of(25L));
        Result end = client.get(resultsPath(taskId, 0, 1), InternalHeaders.MAX_WAIT, "5s");
        assertThat(end.header(InternalHeaders.BUFFER_COMPLETE)).isEqualTo("true");
        assertThat(deserialize(end.body())).isEmpty();
        assertThat(end.header(InternalHeaders.PAGE_END_TOKEN)).isEqualTo("1");
    }

    @Test
    void testResultsWaitRunsOutWithNoPages()
    {
        Session session = newSession();
        PlanFragment fragment = fragment(session, "SELECT n_name FROM nation");
        String taskId = session.queryId() + ".0.0";
        assertThat(postUpdate(taskId, new TaskUpdateRequest(session, Optional.of(fragment), List.of(), OutputBuffers.SINGLE)).status()).isEqualTo(200);
        Result waited = client.get(resultsPath(taskId, 0, 0), InternalHeaders.MAX_WAIT, "200ms");
        assertThat(waited.status()).isEqualTo(200);
        assertThat(waited.body()).isEmpty();
        assertThat(waited.header(InternalHeaders.PAGE_TOKEN)).isEqualTo("0");
        assertThat(waited.header(InternalHeaders.PAGE_END_TOKEN)).isEqualTo("0");
        assertThat(waited.header(InternalHeaders.BUFFER_COMPLETE)).isEqualTo("false");
        assertThat(waited.header(InternalHeaders.TASK_INSTANCE_ID)).isNotEmpty();
        // the task has one output buffer
        Result noSuchBuffer = client.get(resultsPath(taskId, 5, 0), InternalHeaders.MAX_WAIT, "200ms");
        assertThat(noSuchBuffer.status()).isEqualTo(400);
        assertThat(client.json(noSuchBuffer).get("message").asText()).contains("no output buffer 5");
        assertThat(client.method("DELETE", "/v1/task/" + taskId, null).status()).isEqualTo(200);
    }

    @Test
    void testDeleteAbortsAndResultsThenFail()
    {
        Session session = newSession();
        PlanFragment fragment = fragment(session, "SELECT n_name FROM nation");
        String taskId = session.queryId() + ".0.0";
        assertThat(postUpdate(taskId, new TaskUpdateRequest(session, Optional.of(fragment), List.of(), OutputBuffers.SINGLE)).status()).isEqualTo(200);

        Result deleted = client.method("DELETE", "/v1/task/" + taskId, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(readStatus(deleted).state()).isEqualTo(TaskState.ABORTED);
        Result results = client.get(resultsPath(taskId, 0, 0), InternalHeaders.MAX_WAIT, "1s");
        assertThat(results.status()).isEqualTo(500);
        assertThat(client.json(results).get("errorCode").asText()).isNotEmpty();
        assertThat(client.json(results).get("message").asText()).contains("aborted");

        // ?abort=false cancels
        Session other = newSession();
        String canceledId = other.queryId() + ".0.0";
        assertThat(postUpdate(canceledId, new TaskUpdateRequest(other, Optional.of(fragment(other, "SELECT n_name FROM nation")), List.of(), OutputBuffers.SINGLE)).status())
                .isEqualTo(200);
        Result canceled = client.method("DELETE", "/v1/task/" + canceledId + "?abort=false", null);
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(readStatus(canceled).state()).isEqualTo(TaskState.CANCELED);
    }

    @Test
    void testUnknownTaskIsNotFound()
    {
        for (Result result : List.of(
                client.get("/v1/task/nosuchquery.0.0/status"),
                client.get(resultsPath("nosuchquery.0.0", 0, 0)),
                client.get(resultsPath("nosuchquery.0.0", 0, 0) + "/acknowledge"),
                client.method("DELETE", "/v1/task/nosuchquery.0.0", null),
                client.method("DELETE", "/v1/task/nosuchquery.0.0/results/0", null))) {
            assertThat(result.status()).as(result.text()).isEqualTo(404);
            assertThat(result.header("Content-Type")).isEqualTo("application/json");
            JsonNode error = client.json(result);
            assertThat(error.get("errorCode").asText()).isEqualTo("NOT_FOUND");
            assertThat(error.get("message").asText()).contains("nosuchquery.0.0");
        }
        // an update without a fragment cannot create a task
        Session session = newSession();
        Result noFragment = postUpdate(session.queryId() + ".0.0", new TaskUpdateRequest(session, Optional.empty(), List.of(), OutputBuffers.SINGLE));
        assertThat(noFragment.status()).isEqualTo(404);
        assertThat(client.json(noFragment).get("errorCode").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void testMalformedRequestsAreBadRequests()
    {
        Result notJson = client.method("POST", "/v1/task/bad.0.0", "{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(client.json(notJson).get("errorCode").asText()).isEqualTo("BAD_REQUEST");
        assertThat(client.json(notJson).get("message").asText()).contains("TaskUpdateRequest");

        Result missingField = client.method("POST", "/v1/task/bad.0.0", "{\"outputBuffers\": {\"bufferCount\": 1}}".getBytes(StandardCharsets.UTF_8));
        assertThat(missingField.status()).isEqualTo(400);
        assertThat(client.json(missingField).get("message").asText()).containsIgnoringCase("missing").contains("session");

        Result empty = client.method("POST", "/v1/task/bad.0.0", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(client.json(empty).get("message").asText()).contains("empty");

        assertThat(client.get("/v1/task/not-a-task-id/status").status()).isEqualTo(400);
        assertThat(client.get("/v1/task/q.0.0/status", InternalHeaders.MAX_WAIT, "soon").status()).isEqualTo(400);
        assertThat(client.get("/v1/task/q.0.0/results/0/-1").status()).isEqualTo(400);
        assertThat(client.get("/v1/task/q.0.0/status", InternalHeaders.CURRENT_VERSION, "x").status()).isEqualTo(400);
    }

    @Test
    void testFailedTaskAnswersResultsWithItsError()
    {
        Session session = newSession();
        PlanFragment fragment = fragment(session, "SELECT n_nationkey / (n_regionkey - n_regionkey) FROM nation");
        String taskId = session.queryId() + ".0.0";
        assertThat(postUpdate(taskId, new TaskUpdateRequest(session, Optional.of(fragment), TaskFragments.allSplits(server.catalogManager(), session, fragment), OutputBuffers.SINGLE)).status())
                .isEqualTo(200);
        Result results = null;
        long token = 0;
        for (int attempt = 0; attempt < 100; attempt++) {
            results = client.get(resultsPath(taskId, 0, token), InternalHeaders.MAX_WAIT, "2s");
            if (results.status() != 200) {
                break;
            }
            token = Long.parseLong(results.header(InternalHeaders.PAGE_END_TOKEN));
        }
        assertThat(results.status()).as(results.text()).isEqualTo(500);
        assertThat(results.header("Content-Type")).isEqualTo("application/json");
        JsonNode failure = client.json(results);
        assertThat(failure.get("errorCode").asText()).isEqualTo("DIVISION_BY_ZERO");
        assertThat(failure.get("message").asText()).containsIgnoringCase("division by zero");

        TaskStatus failed = awaitDone(taskId);
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.failures()).isNotEmpty();
        assertThat(failed.failures().get(0).errorCode().name()).isEqualTo("DIVISION_BY_ZERO");
    }

    private Session newSession()
    {
        return Session.simple("taskapi_" + queryCount.incrementAndGet(), "test", Optional.of("tpch"), Optional.of("tiny"));
    }

    private PlanFragment fragment(Session session, String sql)
    {
        return new PlanFragmenter().fragment(planner.plan(session, sql).plan().orElseThrow()).fragment();
    }

    private Result postUpdate(String taskId, TaskUpdateRequest update)
    {
        return client.method("POST", "/v1/task/" + taskId, PlanJson.toJson(update).getBytes(StandardCharsets.UTF_8));
    }

    private TaskStatus readStatus(Result result)
    {
        assertThat(result.status()).as(result.text()).isEqualTo(200);
        try {
            return planJson.readValue(result.body(), TaskStatus.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException("not a TaskStatus: " + result.text(), e);
        }
    }

    /** The buffer may complete before the task records that it finished: poll the status until it is done. */
    private TaskStatus awaitDone(String taskId)
    {
        TaskStatus status = readStatus(client.get("/v1/task/" + taskId + "/status"));
        for (int poll = 0; poll < 50 && !status.state().isDone(); poll++) {
            status = readStatus(client.get("/v1/task/" + taskId + "/status",
                    InternalHeaders.CURRENT_VERSION, Long.toString(status.version()), InternalHeaders.MAX_WAIT, "1s"));
        }
        return status;
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

    private static List<Page> deserialize(byte[] body)
    {
        return new PagesSerde(CompressionCodec.NONE).deserializeFrames(Slices.wrappedBuffer(body));
    }

    private static String resultsPath(String taskId, int bufferId, long token)
    {
        return "/v1/task/" + taskId + "/results/" + bufferId + "/" + token;
    }
}

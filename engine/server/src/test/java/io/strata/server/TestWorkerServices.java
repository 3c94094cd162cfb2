package io.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.airlift.slice.Slices;
import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.execution.serde.CompressionCodec;
import io.strata.core.execution.serde.PagesSerde;
import io.strata.core.execution.task.OutputBuffers;
import io.strata.core.execution.task.TaskUpdateRequest;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.PlanFragmenter;
import io.strata.core.json.PlanJson;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.SqlStatementPlanner;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.session.Session;
import io.strata.protocol.InternalHeaders;
import io.strata.server.TestingHttpClient.Result;
import io.strata.server.config.ServerConfig;
import io.strata.server.protocol.RowEncoder;
import io.strata.spi.block.Page;
import io.strata.sql.parser.SqlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A worker in this JVM over loopback HTTP: it answers /v1/info as a worker, runs tasks, and refuses statements. */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TestWorkerServices
{
    private WorkerServices worker;
    private TestingHttpClient client;

    @BeforeAll
    void start()
    {
        worker = WorkerServices.start(TestingNodes.workerConfig("worker-7", 0), Map.of("tpch", Map.of("connector.name", "tpch")));
        client = new TestingHttpClient(worker.baseUri());
    }

    @AfterAll
    void stop()
    {
        if (client != null) {
            client.close();
        }
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void testInfoSaysWorker()
    {
        assertThat(worker.baseUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        Result info = client.get("/v1/info");
        assertThat(info.status()).isEqualTo(200);
        JsonNode json = client.json(info);
        assertThat(json.get("coordinator").asBoolean()).isFalse();
        assertThat(json.get("starting").asBoolean()).isFalse();
        assertThat(json.get("nodeId").asText()).isEqualTo("worker-7");
        assertThat(json.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(json.has("coordinatorId")).isFalse();
        assertThat(client.get("/v1/info/state").text()).isEqualTo("\"ACTIVE\"");
        assertThat(client.get("/v1/info/coordinator").status()).isEqualTo(404);
    }

    @Test
    void testStatementsAreNotFound()
    {
        for (Result result : List.of(
                client.post("SELECT 1", "X-Presto-User", "test"),
                client.get("/v1/statement/queued/20250101_000000_00001_c1/1"),
                client.method("DELETE", "/v1/statement/executing/20250101_000000_00001_c1/1", null))) {
            assertThat(result.status()).as(result.text()).isEqualTo(404);
            assertThat(result.header("Content-Type")).isEqualTo("application/json");
            JsonNode error = client.json(result);
            assertThat(error.get("errorCode").asText()).isEqualTo("NOT_FOUND");
            assertThat(error.get("message").asText()).contains("worker-7").contains("is a worker");
        }
    }

    @Test
    void testRunsATaskPostedToIt()
    {
        Session session = Session.simple("worker_task_1", "test", Optional.of("tpch"), Optional.of("tiny"));
        SqlStatementPlanner planner = new SqlStatementPlanner(new SqlParser(), worker.catalogManager(), new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
        PlanFragment fragment = new PlanFragmenter().fragment(planner.plan(session, "SELECT 6 * 7").plan().orElseThrow()).fragment();
        String taskId = session.queryId() + ".0.0";
        TaskUpdateRequest update = new TaskUpdateRequest(session, Optional.of(fragment), List.of(), OutputBuffers.SINGLE);
        Result posted = client.method("POST", "/v1/task/" + taskId, PlanJson.toJson(update).getBytes(StandardCharsets.UTF_8));
        assertThat(posted.status()).as(posted.text()).isEqualTo(200);

        List<Page> pages = new ArrayList<>();
        long token = 0;
        for (int read = 0; read < 100; read++) {
            Result result = client.get("/v1/task/" + taskId + "/results/0/" + token, InternalHeaders.MAX_WAIT, "2s");
            assertThat(result.status()).as(result.text()).isEqualTo(200);
            pages.addAll(new PagesSerde(CompressionCodec.NONE).deserializeFrames(Slices.wrappedBuffer(result.body())));
            token = Long.parseLong(result.header(InternalHeaders.PAGE_END_TOKEN));
            if (Boolean.parseBoolean(result.header(InternalHeaders.BUFFER_COMPLETE))) {
                break;
            }
        }
        RowEncoder encoder = RowEncoder.create(fragment.outputLayout().stream().map(Symbol::type).toList());
        List<List<Object>> rows = new ArrayList<>();
        pages.forEach(page -> encoder.appendRows(page, rows));
        assertThat(rows.toString()).isEqualTo("[[42]]");
    }

    @Test
    void testRoleMustBeWorker()
    {
        assertThatThrownBy(() -> WorkerServices.start(ServerConfig.fromProperties(Map.of("node.id", "c")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node.role=coordinator");
        assertThatThrownBy(() -> CoordinatorServices.start(TestingNodes.workerConfig("w", 0), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node.role=worker");
    }
}

package io.strata.core.execution.task;

import io.strata.core.execution.buffer.BufferResult;
import io.strata.core.execution.buffer.OutputBufferId;
import io.strata.core.execution.split.ScheduledSplit;
import io.strata.core.execution.split.Split;
import io.strata.core.execution.split.SplitAssignment;
import io.strata.core.execution.testing.PlanBuilder;
import io.strata.core.execution.testing.TestingNumbersConnector;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.PlanFragmenter;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.strata.core.execution.testing.PlanBuilder.aggregate;
import static io.strata.core.execution.testing.PlanBuilder.symbol;
import static io.strata.core.execution.testing.Values.row;
import static io.strata.core.execution.testing.Values.toRows;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSqlTaskManager
{
    private static final OutputBufferId BUFFER = new OutputBufferId(0);

    private CatalogManager catalogManager;
    private SqlTaskManager taskManager;

    @BeforeEach
    void setUp()
    {
        catalogManager = new CatalogManager(List.of(TestingNumbersConnector.factory()));
        catalogManager.createCatalog("numbers", Map.of("connector.name", "numbers", "splits", "4"));
        taskManager = new SqlTaskManager(catalogManager, TaskManagerConfig.defaults().withWorkerThreads(2));
    }

    @AfterEach
    void tearDown()
    {
        taskManager.close();
    }

    @Test
    void testSplitsByUpdatesRepeatedUpdatesAndTokens()
            throws Exception
    {
        PlanBuilder plan = new PlanBuilder();
        Symbol n = symbol("n", BIGINT);
        Symbol count = symbol("count", BIGINT);
        Symbol sum = symbol("sum", BIGINT);
        TableScanNode scan = plan.tableScan("numbers", TestingNumbersConnector.table(1000), List.of(n), List.of(TestingNumbersConnector.N));
        OutputNode root = plan.output(plan.aggregation(scan, List.of(), aggregate(count, "count"), aggregate(sum, "sum", n)), List.of(count, sum));
        PlanFragment fragment = new PlanFragmenter().fragment(root).fragment();
        Session session = Session.simple("query_1", "test", Optional.empty(), Optional.empty());
        TaskId taskId = new TaskId("query_1", 0, 0);

        TaskStatus created = taskManager.updateTask(taskId, new TaskUpdateRequest(session, Optional.of(fragment), List.of(), OutputBuffers.SINGLE));
        assertThat(created.state()).isIn(TaskState.PLANNED, TaskState.RUNNING);
        CompletableFuture<BufferResult> firstRead = taskManager.getTaskResults(taskId, BUFFER, 0, 1 << 20);
        assertThat(firstRead).isNotDone();
        assertThat(taskManager.holdsOperatorFactories(taskId)).isTrue();

        // the first two splits of [0, 1000) in four; the update is sent twice, as a retry would
        List<ScheduledSplit> splits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            splits.add(new ScheduledSplit(i, new Split("numbers", new TestingNumbersConnector.NumbersSplit(i * 250L, (i + 1) * 250L))));
        }
        PlanNodeId scanId = scan.id();
        TaskUpdateRequest firstTwo = new TaskUpdateRequest(session, Optional.empty(), List.of(new SplitAssignment(scanId, splits.subList(0, 2), false)), OutputBuffers.SINGLE);
        taskManager.updateTask(taskId, firstTwo);
        taskManager.updateTask(taskId, firstTwo);
        // the status long poll completes once a newer version exists
        TaskStatus status = taskManager.getTaskStatus(taskId);
        CompletableFuture<TaskStatus> newer = taskManager.getTaskStatus(taskId, status.version());
        taskManager.updateTask(taskId, new TaskUpdateRequest(session, Optional.empty(), List.of(new SplitAssignment(scanId, splits.subList(1, 4), true)), OutputBuffers.SINGLE));
        assertThat(newer.get(10, TimeUnit.SECONDS).version()).isGreaterThan(status.version());

        BufferResult result = firstRead.get(10, TimeUnit.SECONDS);
        List<Page> pages = new ArrayList<>(result.pages());
        assertThat(toRows(List.of(BIGINT, BIGINT), pages)).containsExactly(row(1000L, 499_500L));
        // repeating the token gives the same page
        assertThat(taskManager.getTaskResults(taskId, BUFFER, 0, 1 << 20).get(10, TimeUnit.SECONDS).pages()).isEqualTo(result.pages());
        // the next token acknowledges it; the buffer then completes and the task finishes
        BufferResult end = taskManager.getTaskResults(taskId, BUFFER, result.nextToken(), 1 << 20).get(10, TimeUnit.SECONDS);
        assertThat(end.bufferComplete()).isTrue();
        assertThat(end.pages()).isEmpty();
        TaskStatus finished = awaitDone(taskId);
        assertThat(finished.state()).isEqualTo(TaskState.FINISHED);
        // a done task stays listed for its status but no longer holds what its operators built
        assertThat(taskManager.holdsOperatorFactories(taskId)).isFalse();
        assertThat(finished.statistics().completedSplits()).isEqualTo(4);
        assertThat(finished.statistics().processedInputRows()).isEqualTo(1000);
        assertThat(finished.statistics().outputRows()).isEqualTo(1);
    }

    /** The buffer completes before the task records that it finished: wait for the status that says so. */
    private TaskStatus awaitDone(TaskId taskId)
            throws Exception
    {
        TaskStatus status = taskManager.getTaskStatus(taskId);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!status.state().isDone() && System.nanoTime() < deadline) {
            status = taskManager.getTaskStatus(taskId, status.version()).get(10, TimeUnit.SECONDS);
        }
        return status;
    }

    @Test
    void testAbortFailsPendingReads()
    {
        PlanBuilder plan = new PlanBuilder();
        Symbol s = symbol("s", VARCHAR);
        TableScanNode scan = plan.tableScan("numbers", TestingNumbersConnector.table(1000), List.of(s), List.of(TestingNumbersConnector.S));
        PlanFragment fragment = new PlanFragmenter().fragment(plan.output(scan, List.of(s))).fragment();
        TaskId taskId = new TaskId("query_2", 0, 0);
        taskManager.updateTask(taskId, new TaskUpdateRequest(Session.simple("query_2", "test", Optional.empty(), Optional.empty()), Optional.of(fragment), List.of(),
                OutputBuffers.SINGLE));
        CompletableFuture<BufferResult> read = taskManager.getTaskResults(taskId, BUFFER, 0, 1 << 20);
        assertThat(taskManager.abortTask(taskId).state()).isEqualTo(TaskState.ABORTED);
        assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> taskManager.getTaskStatus(new TaskId("unknown", 0, 0)))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(TaskId.valueOf("query_2.0.0")).isEqualTo(taskId);
    }
}

package io.strata.core.execution.query;

import io.airlift.slice.Slices;
import io.strata.core.execution.QueryExecution;
import io.strata.core.execution.QueryStatistics;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.execution.task.TaskState;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.execution.testing.PlanBuilder;
import io.strata.core.execution.testing.TestingNumbersConnector;
import io.strata.core.execution.testing.TestingQueryRunner;
import io.strata.core.execution.testing.TestingQueryRunner.MaterializedResult;
import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.planner.PlannedStatement;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.session.SessionUpdates;
import io.strata.protocol.ErrorCode;
import io.strata.protocol.QueryState;
import io.strata.spi.StrataException;
import io.strata.spi.block.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.strata.core.execution.testing.PlanBuilder.aggregate;
import static io.strata.core.execution.testing.PlanBuilder.assign;
import static io.strata.core.execution.testing.PlanBuilder.descending;
import static io.strata.core.execution.testing.PlanBuilder.reference;
import static io.strata.core.execution.testing.PlanBuilder.symbol;
import static io.strata.core.execution.testing.Values.row;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSqlQueryEngine
{
    private static final Symbol N = symbol("n", BIGINT);
    private static final Symbol S = symbol("s", VARCHAR);

    private TestingQueryRunner runner;

    @BeforeAll
    void setUp()
    {
        TaskManagerConfig config = TaskManagerConfig.defaults()
                .withWorkerThreads(2)
                .withMaxQueryMemoryPerNodeBytes(64L << 20)
                .withMaxOutputBufferBytes(1 << 20);
        runner = new TestingQueryRunner(List.of(TestingNumbersConnector.factory()), Map.of(
                "numbers", Map.of("connector.name", "numbers", "splits", "8"),
                "nosplits", Map.of("connector.name", "numbers", "splits", "0")), config);
    }

    @AfterAll
    void tearDown()
    {
        runner.close();
    }

    private static PlanNode scan(PlanBuilder plan, long rows)
    {
        return plan.tableScan("numbers", TestingNumbersConnector.table(rows), List.of(N, S), List.of(TestingNumbersConnector.N, TestingNumbersConnector.S));
    }

    @Test
    void testGlobalAggregationWithFilterAndStatistics()
    {
        PlanBuilder plan = new PlanBuilder();
        Symbol count = symbol("count", BIGINT);
        Symbol sum = symbol("sum", BIGINT);
        RowExpression even = new Call(FunctionNames.EQUAL, List.of(new Call(FunctionNames.MODULUS, List.of(reference(N), new Constant(2L, BIGINT)), BIGINT),
                new Constant(0L, BIGINT)), BOOLEAN);
        OutputNode root = plan.output(plan.aggregation(plan.filter(scan(plan, 100_000), even), List.of(), aggregate(count, "count"), aggregate(sum, "sum", N)),
                List.of(count, sum));
        MaterializedResult result = runner.execute(root);
        assertThat(result.rows()).containsExactly(row(50_000L, 2_499_950_000L));
        QueryStatistics statistics = result.query().statistics();
        assertThat(statistics.state()).isEqualTo(QueryState.FINISHED);
        assertThat(statistics.totalSplits()).isEqualTo(8);
        assertThat(statistics.completedSplits()).isEqualTo(8);
        assertThat(statistics.queuedSplits()).isZero();
        assertThat(statistics.runningSplits()).isZero();
        assertThat(statistics.processedRows()).isEqualTo(100_000);
        assertThat(statistics.processedBytes()).isPositive();
        assertThat(statistics.cpuTimeMillis()).isGreaterThanOrEqualTo(0);
        assertThat(statistics.peakMemoryBytes()).isPositive();
        assertThat(result.query().columns().orElseThrow()).extracting(column -> column.name()).containsExactly("count", "sum");
    }

    @Test
    void testGlobalAggregationOverEmptyTable()
    {
        PlanBuilder plan = new PlanBuilder();
        Symbol count = symbol("count", BIGINT);
        Symbol max = symbol("max", VARCHAR);
        OutputNode root = plan.output(plan.aggregation(scan(plan, 0), List.of(), aggregate(count, "count"), aggregate(max, "max", S)), List.of(count, max));
        assertThat(runner.execute(root).rows()).containsExactly(row(0L, null));

        // a table without a single split
        PlanBuilder noSplits = new PlanBuilder();
        PlanNode scan = noSplits.tableScan("nosplits", TestingNumbersConnector.table(10), List.of(N, S), List.of(TestingNumbersConnector.N, TestingNumbersConnector.S));
        MaterializedResult result = runner.execute(noSplits.output(noSplits.aggregation(scan, List.of(), aggregate(count, "count")), List.of(count)));
        assertThat(result.rows()).containsExactly(row(0L));
        assertThat(result.query().statistics().totalSplits()).isZero();
    }

    @Test
    void testGroupByTopNAndLimit()
    {
        PlanBuilder plan = new PlanBuilder();
        Symbol bucket = symbol("bucket", BIGINT);
        Symbol count = symbol("count", BIGINT);
        PlanNode project = plan.project(scan(plan, 10_000), List.of(N),
                assign(bucket, new Call(FunctionNames.MODULUS, List.of(reference(N), new Constant(10L, BIGINT)), BIGINT)));
        PlanNode grouped = plan.aggregation(project, List.of(bucket), aggregate(count, "count"));
        OutputNode root = plan.output(plan.topN(grouped, 3, descending(bucket)), List.of(bucket, count));
        assertThat(runner.execute(root).rows()).containsExactly(row(9L, 1000L), row(8L, 1000L), row(7L, 1000L));

        PlanBuilder limitPlan = new PlanBuilder();
        OutputNode limited = limitPlan.output(limitPlan.limit(scan(limitPlan, 1_000_000_000L), 5), List.of(S));
        assertThat(runner.execute(limited).rows()).hasSize(5);
    }

    @Test
    void testValuesWithoutTable()
    {
        PlanBuilder plan = new PlanBuilder();
        Symbol value = symbol("value", VARCHAR);
        OutputNode root = plan.output(plan.values(List.of(value), List.of(List.of(new Constant(Slices.utf8Slice("x"), VARCHAR)), List.of(new Constant(null, VARCHAR)))),
                List.of(value));
        assertThat(runner.execute(root).rows()).containsExactly(row("x"), row((Object) null));
    }

    @Test
    void testStatementWithoutPlanFinishesAtOnce()
            throws Exception
    {
        SessionUpdates updates = new SessionUpdates(Optional.of("tpch"), Optional.empty(), Map.of(), List.of(), Map.of(), List.of(), Optional.empty(), false);
        QueryExecution query = runner.createQuery(() -> new PlannedStatement(Optional.empty(), Optional.of("USE"), updates));
        assertThat(query.state()).isEqualTo(QueryState.QUEUED);
        query.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!query.state().isDone() && System.nanoTime() < deadline) {
            query.whenChanged().get(1, TimeUnit.SECONDS);
        }
        assertThat(query.state()).isEqualTo(QueryState.FINISHED);
        assertThat(query.isPlanned()).isTrue();
        assertThat(query.updateType()).contains("USE");
        assertThat(query.sessionUpdates()).isEqualTo(updates);
        assertThat(query.isOutputFinished()).isTrue();
        assertThat(query.columns()).isEmpty();
    }

    @Test
    void testPlannerErrorsKeepTheirCode()
    {
        QueryExecution syntaxError = runner.createQuery(() -> {
            throw new StrataException(ErrorCode.SYNTAX_ERROR, "line 1:8: mismatched input");
        });
        assertThatThrownBy(() -> TestingQueryRunner.execute(syntaxError))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR));
        assertThat(syntaxError.isPlanned()).isTrue();
        QueryExecution internal = runner.createQuery(() -> {
            throw new IllegalStateException("planner bug");
        });
        assertThatThrownBy(() -> TestingQueryRunner.execute(internal))
                .isInstanceOfSatisfying(StrataException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.GENERIC_INTERNAL_ERROR);
                    assertThat(e.getMessage()).isEqualTo("planner bug");
                });
    }

    @Test
    void testRuntimeErrorFailsTheQuery()
    {
        PlanBuilder plan = new PlanBuilder();
        Symbol quotient = symbol("quotient", BIGINT);
        PlanNode project = plan.project(scan(plan, 10_000), List.of(),
                assign(quotient, new Call(FunctionNames.DIVIDE, List.of(new Constant(1L, BIGINT), reference(N)), BIGINT)));
        QueryExecution query = runner.createQuery(plan.output(project, List.of(quotient)));
        assertThatThrownBy(() -> TestingQueryRunner.execute(query))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
        assertThat(query.state()).isEqualTo(QueryState.FAILED);
        assertThat(query.failure()).isPresent();
    }

    @Test
    void testMemoryLimit()
    {
        PlanBuilder plan = new PlanBuilder();
        OutputNode root = plan.output(plan.sort(scan(plan, 3_000_000), descending(N)), List.of(N));
        assertThatThrownBy(() -> runner.execute(root))
                .isInstanceOfSatisfying(StrataException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT);
                    assertThat(e.getMessage()).startsWith("Query exceeded per-node memory limit of 64MB");
                });
    }

    @Test
    void testSlowClientStallsTheQueryThenCancel()
            throws Exception
    {
        PlanBuilder plan = new PlanBuilder();
        long rows = 50_000_000;
        QueryExecution query = runner.createQuery(plan.output(scan(plan, rows), List.of(N, S)));
        query.start();
        // wait for the first page, then do not read for a while
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (query.state() != QueryState.RUNNING && System.nanoTime() < deadline) {
            query.whenChanged().get(1, TimeUnit.SECONDS);
        }
        Thread.sleep(1500);
        QueryStatistics stalled = query.statistics();
        Thread.sleep(500);
        QueryStatistics stillStalled = query.statistics();
        assertThat(stalled.processedRows()).isLessThan(rows / 10);
        // a driver may finish the page it was producing, but the scan does not go on
        assertThat(stillStalled.processedRows() - stalled.processedRows()).isLessThan(100_000);
        List<TaskStatus> tasks = runner.taskManager().getAllTaskStatus().stream()
                .filter(status -> status.taskId().queryId().equals(query.queryId()))
                .toList();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).state()).isEqualTo(TaskState.RUNNING);

        Page page = query.pollPage();
        assertThat(page).isNotNull();
        query.cancel();
        assertThat(query.state()).isEqualTo(QueryState.FAILED);
        assertThat(query.failure().orElseThrow().errorCode()).isEqualTo(ErrorCode.USER_CANCELED);
        assertThat(query.pollPage()).isNull();
        TaskStatus task = runner.taskManager().getTaskStatus(tasks.get(0).taskId());
        assertThat(task.state()).isEqualTo(TaskState.CANCELED);
        // the drivers end and give their memory back
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runner.taskManager().getTaskStatus(task.taskId()).statistics().runningSplits() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(runner.taskManager().memoryPool().reservedBytes(query.queryId())).isZero();
    }
}

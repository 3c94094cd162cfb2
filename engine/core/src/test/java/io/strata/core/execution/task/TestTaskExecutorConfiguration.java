package io.strata.core.execution.task;

import io.strata.core.execution.buffer.BufferResult;
import io.strata.core.execution.buffer.OutputBufferId;
import io.strata.core.execution.executor.LevelSchedule;
import io.strata.core.execution.executor.TaskExecutionStats;
import io.strata.core.execution.executor.TaskExecutorStats;
import io.strata.core.execution.split.ScheduledSplit;
import io.strata.core.execution.split.Split;
import io.strata.core.execution.split.SplitAssignment;
import io.strata.core.execution.testing.PlanBuilder;
import io.strata.core.execution.testing.TestingNumbersConnector;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.PlanFragmenter;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.session.Session;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.strata.core.execution.testing.PlanBuilder.aggregate;
import static io.strata.core.execution.testing.PlanBuilder.symbol;
import static io.strata.spi.type.BigintType.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The executor's levels as the task manager's properties set them, and the stats it exposes. */
class TestTaskExecutorConfiguration
{
    @Test
    void defaultLevelsArePrestos()
    {
        LevelSchedule schedule = TaskManagerConfig.fromProperties(Map.of()).levelSchedule();
        assertThat(schedule.levelThresholds()).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(300));
        assertThat(schedule.levelTimeMultiplier()).isEqualTo(2.0);
    }

    @Test
    void levelsFromProperties()
    {
        TaskManagerConfig config = TaskManagerConfig.fromProperties(Map.of(
                "task.level-thresholds", "1ms, 10ms,60ms,300ms",
                "task.level-time-multiplier", "3",
                "task.quantum", "50ms"));
        assertThat(config.levelSchedule().levelThresholds()).containsExactly(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMillis(60), Duration.ofMillis(300));
        assertThat(config.levelSchedule().levelTimeMultiplier()).isEqualTo(3.0);
        assertThat(config.quantum()).isEqualTo(Duration.ofMillis(50));
        // the other settings keep the schedule
        assertThat(config.withWorkerThreads(3).withMaxQueryMemoryPerNodeBytes(1 << 20).levelSchedule()).isEqualTo(config.levelSchedule());
    }

    @Test
    void badLevelsNameTheProperty()
    {
        assertThatThrownBy(() -> TaskManagerConfig.fromProperties(Map.of("task.level-thresholds", "1s,10s,60s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task.level-thresholds");
        assertThatThrownBy(() -> TaskManagerConfig.fromProperties(Map.of("task.level-thresholds", "1s,10s,5s,300s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task.level-thresholds");
        assertThatThrownBy(() -> TaskManagerConfig.fromProperties(Map.of("task.level-time-multiplier", "0.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task.level-time-multiplier");
    }

    @Test
    void taskManagerExposesExecutorAndTaskStats()
            throws Exception
    {
        CatalogManager catalogManager = new CatalogManager(List.of(TestingNumbersConnector.factory()));
        catalogManager.createCatalog("numbers", Map.of("connector.name", "numbers", "splits", "2"));
        try (SqlTaskManager taskManager = new SqlTaskManager(catalogManager, TaskManagerConfig.defaults().withWorkerThreads(2))) {
            PlanBuilder plan = new PlanBuilder();
            Symbol n = symbol("n", BIGINT);
            Symbol count = symbol("count", BIGINT);
            TableScanNode scan = plan.tableScan("numbers", TestingNumbersConnector.table(1000), List.of(n), List.of(TestingNumbersConnector.N));
            OutputNode root = plan.output(plan.aggregation(scan, List.of(), aggregate(count, "count")), List.of(count));
            PlanFragment fragment = new PlanFragmenter().fragment(root).fragment();
            Session session = Session.simple("query_1", "test", Optional.empty(), Optional.empty());
            TaskId taskId = new TaskId("query_1", 0, 0);
            List<ScheduledSplit> splits = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                splits.add(new ScheduledSplit(i, new Split("numbers", new TestingNumbersConnector.NumbersSplit(i * 500L, (i + 1) * 500L))));
            }
            taskManager.updateTask(taskId, new TaskUpdateRequest(session, Optional.of(fragment), List.of(new SplitAssignment(scan.id(), splits, true)), OutputBuffers.SINGLE));

            BufferResult result = taskManager.getTaskResults(taskId, new OutputBufferId(0), 0, 1 << 20).get(60, TimeUnit.SECONDS);
            assertThat(result.pages()).isNotEmpty();

            // the quantum that produced the result is charged when it ends, which may be just after the result is read
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (taskManager.taskExecutionStats().get(0).scheduledNanos() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            List<TaskExecutionStats> tasks = taskManager.taskExecutionStats();
            assertThat(tasks).hasSize(1);
            TaskExecutionStats task = tasks.get(0);
            assertThat(task.taskId()).isEqualTo(taskId.toString());
            assertThat(task.level()).isBetween(0, LevelSchedule.LEVELS - 1);
            assertThat(task.quanta()).isPositive();
            assertThat(task.scheduledNanos()).isPositive();
            assertThat(task.queuedDrivers()).isNotNegative();

            TaskExecutorStats executor = taskManager.executorStats();
            assertThat(executor.threads()).isEqualTo(2);
            assertThat(executor.queuedDriversPerLevel()).hasSize(LevelSchedule.LEVELS);
            assertThat(executor.busyNanos()).isPositive();
            assertThat(executor.utilization()).isBetween(0.0, 1.0);
        }
    }
}

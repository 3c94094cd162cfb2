package io.strata.core.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.core.execution.driver.OperatorStatistics;
import io.strata.core.execution.task.ExecutionFailure;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskState;
import io.strata.core.execution.task.TaskStatistics;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a worker answers over the task API reads back equal with the same mapper. */
class TestTaskStatusJson
{
    @Test
    void testStatusWithFailureAndStatisticsRoundTrips()
    {
        ExecutionFailure failure = ExecutionFailure.of(new StrataException(ErrorCode.DIVISION_BY_ZERO, "Division by zero"));
        TaskStatistics statistics = new TaskStatistics(1, 2, 3, 4_000_000_000L, 5L, 6L, 7L, 8L, 9L, 10L, Long.MAX_VALUE);
        TaskStatus status = new TaskStatus(new TaskId("query_1", 2, 3), "instance-1", 42, TaskState.FAILED, List.of(failure), statistics);

        TaskStatus read = PlanJson.fromJson(PlanJson.toJson(status), TaskStatus.class);
        assertThat(read).isEqualTo(status);
        assertThat(read.failures().get(0).toException().errorCode()).isEqualTo(ErrorCode.DIVISION_BY_ZERO);
    }

    @Test
    void testOperatorStatisticsRoundTrip()
            throws Exception
    {
        // what GET /v1/task/{taskId}/operators answers: a list, read back with the element type
        List<OperatorStatistics> statistics = List.of(
                new OperatorStatistics(0, 0, new PlanNodeId("3"), "TableScanOperator", 4, 0, 0, 60_175, 1_234_567, 60_175, 2_345_678, 9_000_000_000L, 1L << 20),
                new OperatorStatistics(1, 2, new PlanNodeId("scan \"x\""), "HashAggregationOperator", 1, Long.MAX_VALUE, 0, 0, 0, 0, 0, 0, 0));
        ObjectMapper mapper = PlanJson.newObjectMapper();
        List<OperatorStatistics> read = mapper.readValue(mapper.writeValueAsBytes(statistics), new TypeReference<List<OperatorStatistics>>() {});
        assertThat(read).isEqualTo(statistics);
        assertThat(PlanJson.fromJson(PlanJson.toJson(statistics.get(0)), OperatorStatistics.class)).isEqualTo(statistics.get(0));
    }

    @Test
    void testEmptyStatusRoundTrips()
    {
        TaskStatus status = new TaskStatus(new TaskId("q", 0, 0), "i", 0, TaskState.PLANNED, List.of(), TaskStatistics.EMPTY);
        assertThat(PlanJson.fromJson(PlanJson.toJson(status), TaskStatus.class)).isEqualTo(status);
    }
}

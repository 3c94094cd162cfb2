package io.strata.core.json;

import io.strata.core.execution.task.ExecutionFailure;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskState;
import io.strata.core.execution.task.TaskStatistics;
import io.strata.core.execution.task.TaskStatus;
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
    void testEmptyStatusRoundTrips()
    {
        TaskStatus status = new TaskStatus(new TaskId("q", 0, 0), "i", 0, TaskState.PLANNED, List.of(), TaskStatistics.EMPTY);
        assertThat(PlanJson.fromJson(PlanJson.toJson(status), TaskStatus.class)).isEqualTo(status);
    }
}

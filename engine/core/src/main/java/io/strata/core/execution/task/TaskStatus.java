package io.strata.core.execution.task;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a task reports of itself. {@code version} grows with every change a scheduler may act on (state,
 * finished splits), so a consumer can wait for a status newer than the one it has.
 *
 * @param taskInstanceId distinguishes two runs of the same task id (a worker restarted)
 */
public record TaskStatus(TaskId taskId, String taskInstanceId, long version, TaskState state, List<ExecutionFailure> failures, TaskStatistics statistics)
{
    public TaskStatus
    {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(taskInstanceId, "taskInstanceId is null");
        requireNonNull(state, "state is null");
        failures = List.copyOf(requireNonNull(failures, "failures is null"));
        requireNonNull(statistics, "statistics is null");
    }
}

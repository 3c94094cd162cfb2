package io.strata.core.execution.task;

import io.strata.core.execution.buffer.BufferResult;
import io.strata.core.execution.buffer.OutputBufferId;
import io.strata.core.execution.driver.OperatorStatistics;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The task API of a node: what workers will serve over HTTP ({@code POST /v1/task/{taskId}},
 * {@code GET /v1/task/{taskId}/status}, {@code GET /v1/task/{taskId}/results/{bufferId}/{token}},
 * {@code DELETE /v1/task/{taskId}}) and what the coordinator calls for every task, local or remote: one
 * execution path. Thread-safe; every method returns at once.
 */
public interface TaskManager
{
    /**
     * Creates the task on its first update (which must carry the fragment) and adds the update's splits.
     * Splits already seen (by sequence id) are ignored, so an update may be retried.
     *
     * @return the status after the update
     */
    TaskStatus updateTask(TaskId taskId, TaskUpdateRequest request);

    /**
     * The task's status now.
     *
     * @throws io.strata.spi.StrataException {@code NOT_FOUND} for an unknown task
     */
    TaskStatus getTaskStatus(TaskId taskId);

    /**
     * A long poll: completes with the status once its version is above {@code currentVersion} (at once if it
     * already is), or when the task is done.
     */
    CompletableFuture<TaskStatus> getTaskStatus(TaskId taskId, long currentVersion);

    /**
     * Reads a task's output buffer from {@code token} on (at most about {@code maxBytes}), acknowledging the
     * pages before {@code token}: repeating a token returns the same pages. Completes when there are pages,
     * or the buffer is complete; completes exceptionally (with the task's failure) when the task failed or
     * was aborted.
     */
    CompletableFuture<BufferResult> getTaskResults(TaskId taskId, OutputBufferId bufferId, long token, long maxBytes);

    /** Acknowledges the pages before {@code token} without reading more. */
    void acknowledgeTaskResults(TaskId taskId, OutputBufferId bufferId, long token);

    /** Cancels the task (its query was canceled): it stops, frees its resources and ends {@code CANCELED}. */
    TaskStatus cancelTask(TaskId taskId);

    /** Aborts the task (its query failed or no longer needs it): it stops and ends {@code ABORTED}. */
    TaskStatus abortTask(TaskId taskId);

    List<TaskStatus> getAllTaskStatus();

    /**
     * Each operator of the task, summed over its drivers (Presto's operator summaries of the task info): what
     * {@code EXPLAIN ANALYZE} shows. Complete once the task is done.
     *
     * @throws io.strata.spi.StrataException {@code NOT_FOUND} for an unknown task
     */
    List<OperatorStatistics> getOperatorStatistics(TaskId taskId);
}

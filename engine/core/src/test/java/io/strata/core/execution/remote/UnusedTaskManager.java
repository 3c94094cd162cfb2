package io.strata.core.execution.remote;

import io.strata.core.execution.buffer.BufferResult;
import io.strata.core.execution.buffer.OutputBufferId;
import io.strata.core.execution.driver.OperatorStatistics;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskManager;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.execution.task.TaskUpdateRequest;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The local task manager of tests that only call other nodes: any call is a test failure. */
final class UnusedTaskManager
        implements TaskManager
{
    @Override
    public TaskStatus updateTask(TaskId taskId, TaskUpdateRequest request)
    {
        throw unused();
    }

    @Override
    public TaskStatus getTaskStatus(TaskId taskId)
    {
        throw unused();
    }

    @Override
    public CompletableFuture<TaskStatus> getTaskStatus(TaskId taskId, long currentVersion)
    {
        throw unused();
    }

    @Override
    public CompletableFuture<BufferResult> getTaskResults(TaskId taskId, OutputBufferId bufferId, long token, long maxBytes)
    {
        throw unused();
    }

    @Override
    public void acknowledgeTaskResults(TaskId taskId, OutputBufferId bufferId, long token)
    {
        throw unused();
    }

    @Override
    public TaskStatus cancelTask(TaskId taskId)
    {
        throw unused();
    }

    @Override
    public TaskStatus abortTask(TaskId taskId)
    {
        throw unused();
    }

    @Override
    public List<TaskStatus> getAllTaskStatus()
    {
        throw unused();
    }

    @Override
    public List<OperatorStatistics> getOperatorStatistics(TaskId taskId)
    {
        throw unused();
    }

    private static AssertionError unused()
    {
        return new AssertionError("the local task manager was called");
    }
}

package io.strata.server;

import io.strata.core.execution.task.TaskManager;

/**
 * A query engine that runs its tasks on a task manager of this node: the coordinator serves that task
 * manager's internal task API ({@code /v1/task}), so remote nodes and local tasks share one execution path.
 */
public interface TaskManagerOwner
{
    TaskManager taskManager();
}

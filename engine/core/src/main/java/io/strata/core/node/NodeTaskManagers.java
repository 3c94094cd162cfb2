package io.strata.core.node;

import io.strata.core.execution.task.TaskManager;

/**
 * The task API of each node: this node's own task manager for itself, an HTTP client of
 * {@code /v1/task} for the others. The scheduler calls every task, local or remote, through it.
 */
@FunctionalInterface
public interface NodeTaskManagers
{
    TaskManager taskManager(InternalNode node);
}

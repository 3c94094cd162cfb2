/**
 * Tasks: the unit of work a node runs for one stage of a query. The {@link io.strata.core.execution.task.TaskManager}
 * interface is the task API workers serve (later over HTTP: create or update a task with its fragment and
 * splits, poll its status, read its output buffer by token, cancel or abort it); the coordinator runs its own
 * tasks through the same interface. {@link io.strata.core.execution.task.SqlTaskManager} runs tasks in this
 * process: it plans a fragment into pipelines, makes a driver per split and runs drivers on the task executor.
 * <p>
 * Takes plan fragments and splits from the scheduler; hands pages to the task's output buffer.
 */
package io.strata.core.execution.task;

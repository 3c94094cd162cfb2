/**
 * Scheduling a query's fragments as tasks on a {@link io.strata.core.execution.task.TaskManager} (the seam
 * where remote workers come in) and feeding them splits lazily: a table scan's split source is asked for a
 * small batch only when the task has room for more, so neither the coordinator nor the task ever holds a
 * table's whole split list.
 * <p>
 * Takes a {@link io.strata.core.fragmenter.SubPlan}; hands task updates to the task manager.
 */
package io.strata.core.execution.scheduler;

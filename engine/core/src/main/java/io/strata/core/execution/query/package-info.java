/**
 * The query engine the server drives: {@link io.strata.core.execution.query.SqlQueryEngine} creates a
 * {@link io.strata.core.execution.query.SqlQueryExecution} per statement, which plans it with the
 * {@link io.strata.core.planner.StatementPlanner}, fragments the plan, schedules the fragment as a task on the
 * {@link io.strata.core.execution.task.TaskManager} and reads the root task's output buffer by token into
 * {@code pollPage()}, a bounded amount at a time.
 * <p>
 * Takes statements from the server's protocol layer; hands it columns, pages, statistics and failures.
 */
package io.strata.core.execution.query;

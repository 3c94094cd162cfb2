/**
 * The front end's entry and the logical planner. {@link io.strata.core.planner.SqlStatementPlanner} takes a
 * statement's text and the session, has it parsed and analyzed, turns the analysis into a plan of
 * {@link io.strata.core.planner.plan.PlanNode}s ({@link io.strata.core.planner.LogicalPlanner}), runs the
 * optimizer, and hands execution a {@link io.strata.core.planner.PlannedStatement}.
 * {@link io.strata.core.planner.PlanPrinter} renders plans for EXPLAIN.
 */
package io.strata.core.planner;

/**
 * The optimizer: takes the planner's logical plan and hands on an equivalent, cheaper one. It is one ordered
 * list of named passes ({@link io.strata.core.optimizer.PlanOptimizers}), each a small
 * {@link io.strata.core.optimizer.PlanOptimizer} whose Javadoc draws the plan before and after; any pass can
 * be switched off by name.
 */
package io.strata.core.optimizer;

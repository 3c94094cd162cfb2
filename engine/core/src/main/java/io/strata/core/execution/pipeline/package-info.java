/**
 * The local execution planner: turns a plan fragment into the pipelines one task runs, each a list of
 * operator factories ({@link io.strata.core.execution.driver.DriverFactory}). The pipeline that reads a table
 * runs one driver per split; where order or global state needs every row in one place (final aggregation,
 * sort, final top-N and limit), a local exchange gathers the drivers' pages into a single-driver pipeline,
 * with a partial aggregation, top-N or limit before it to shrink what crosses. A join's build side is a
 * pipeline of its own ending in hash builders; its probe pipeline waits for the built table (see
 * {@code execution.operator.join}). A union's inputs end in one local exchange that the next pipeline reads.
 * <p>
 * Takes a {@link io.strata.core.fragmenter.PlanFragment}; hands a {@link io.strata.core.execution.pipeline.LocalExecutionPlan}
 * to the task.
 */
package io.strata.core.execution.pipeline;

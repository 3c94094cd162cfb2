/**
 * The operator model, after Trino's: an {@link io.strata.core.execution.driver.Operator} transforms pages, an
 * immutable {@link io.strata.core.execution.driver.OperatorFactory} per pipeline makes one stateful operator per
 * driver, and a {@link io.strata.core.execution.driver.Driver} runs a chain of operators by moving pages between
 * neighbours, for a time quantum at a time, returning a future when it cannot proceed. Contexts
 * ({@link io.strata.core.execution.driver.PipelineContext}, {@link io.strata.core.execution.driver.DriverContext},
 * {@link io.strata.core.execution.driver.OperatorContext}) count rows, bytes, time and memory for statistics.
 * <p>
 * Takes operator factories from the local execution planner; hands drivers to the task executor.
 */
package io.strata.core.execution.driver;

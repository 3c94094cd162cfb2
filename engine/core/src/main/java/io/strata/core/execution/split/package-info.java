/**
 * Splits as the engine hands them around: a connector's split with its catalog ({@link io.strata.core.execution.split.Split}),
 * numbered for one task ({@link io.strata.core.execution.split.ScheduledSplit}), and the batches a scheduler sends
 * to a task for one table scan ({@link io.strata.core.execution.split.SplitAssignment}). Values that later travel
 * to workers in task updates.
 */
package io.strata.core.execution.split;

/**
 * Cuts an optimized plan into {@link io.strata.core.fragmenter.PlanFragment}s, the units a stage runs as
 * tasks. Each fragment has a root, the partitioning of its tasks, the table scans whose splits feed it, and
 * its output layout, build sides of joins first (the scheduler feeds their splits first, as probes wait for
 * them). A plan without exchanges is one fragment; when the optimizer adds exchanges, the
 * fragmenter will cut at each, replacing the producer side by a remote source in the consumer.
 * <p>
 * Takes the optimizer's plan; hands a {@link io.strata.core.fragmenter.SubPlan} to the scheduler.
 */
package io.strata.core.fragmenter;

/**
 * Cuts an optimized plan into {@link io.strata.core.fragmenter.PlanFragment}s, the units a stage runs as
 * tasks. A plan for several nodes first gets its remote exchanges ({@code optimizer.AddExchanges}); the
 * fragmenter cuts at each, replacing the producer side by a remote source in the consumer. Each fragment has a
 * root, the partitioning of its tasks, the table scans whose splits feed it (build sides of joins first: the
 * scheduler feeds their splits first, as probes wait for them), its output layout and how its output is spread
 * over the consumer's tasks. A plan without exchanges is one fragment.
 * <p>
 * Takes the optimizer's plan; hands a {@link io.strata.core.fragmenter.SubPlan} to the scheduler.
 */
package io.strata.core.fragmenter;

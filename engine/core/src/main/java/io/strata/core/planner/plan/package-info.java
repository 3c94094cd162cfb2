/**
 * The logical and physical plan: immutable plan nodes over {@link io.strata.core.planner.plan.Symbol}s, with
 * expressions in the IR of {@code io.strata.core.expression}. The planner builds them, optimizer passes
 * rewrite them ({@code replaceChildren}), the fragmenter cuts them and execution turns them into operators.
 */
package io.strata.core.planner.plan;

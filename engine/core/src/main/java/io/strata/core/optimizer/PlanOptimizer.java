package io.strata.core.optimizer;

import io.strata.core.planner.plan.PlanNode;

/**
 * One optimizer pass: rewrites a whole plan into an equivalent one. Passes are stateless and may be
 * shared between statements; everything per statement comes in the {@link OptimizerContext}.
 */
public interface PlanOptimizer
{
    /** A stable name, kebab-case, by which tests and {@code optimizer_disabled_passes} switch the pass off. */
    String name();

    /** The rewritten plan, or {@code plan} itself when the pass finds nothing to do. */
    PlanNode optimize(PlanNode plan, OptimizerContext context);
}

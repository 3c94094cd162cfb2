package io.strata.core.optimizer;

import io.strata.core.planner.plan.LimitNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.SortNode;
import io.strata.core.planner.plan.TopNNode;

/**
 * A limit directly over a sort needs only the first rows in order: a top-N keeps {@code count} rows in
 * bounded memory instead of sorting everything.
 * <pre>
 * - Limit[10]                                  - TopN[10, revenue DESC NULLS LAST]
 *     - Sort[revenue DESC NULLS LAST]    =&gt;         - X
 *         - X
 * </pre>
 */
public final class MergeLimitWithSort
        implements PlanOptimizer
{
    @Override
    public String name()
    {
        return "merge-limit-with-sort";
    }

    @Override
    public PlanNode optimize(PlanNode plan, OptimizerContext context)
    {
        return plan.accept(new Rewriter(), null);
    }

    private static final class Rewriter
            extends PlanRewriter<Void>
    {
        @Override
        public PlanNode visitLimit(LimitNode node, Void context)
        {
            PlanNode source = node.source().accept(this, context);
            if (source instanceof SortNode sort) {
                return new TopNNode(node.id(), sort.source(), node.count(), sort.orderBy());
            }
            return source == node.source() ? node : new LimitNode(node.id(), source, node.count());
        }
    }
}

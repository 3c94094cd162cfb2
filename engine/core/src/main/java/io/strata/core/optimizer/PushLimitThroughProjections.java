package io.strata.core.optimizer;

import io.strata.core.planner.plan.LimitNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.UnionNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A limit computes no more projections than the rows it keeps, and may reach a sort below them (which
 * {@link MergeLimitWithSort} then makes a top-N); each input of a {@code UNION ALL} under a limit needs no more
 * rows than the limit either:
 * <pre>
 * - Limit[10]                          - Project[x := a + 1]
 *     - Project[x := a + 1]    =&gt;          - Limit[10]
 *         - Sort[a]                            - Sort[a]
 * </pre>
 */
public final class PushLimitThroughProjections
        implements PlanOptimizer
{
    @Override
    public String name()
    {
        return "push-limit-through-projections";
    }

    @Override
    public PlanNode optimize(PlanNode plan, OptimizerContext context)
    {
        return plan.accept(new Rewriter(context), null);
    }

    private static final class Rewriter
            extends PlanRewriter<Void>
    {
        private final OptimizerContext context;

        Rewriter(OptimizerContext context)
        {
            this.context = context;
        }

        @Override
        public PlanNode visitLimit(LimitNode node, Void unused)
        {
            PlanNode source = node.source();
            if (source instanceof ProjectNode project) {
                PlanNode limited = new LimitNode(node.id(), project.source(), node.count()).accept(this, unused);
                return new ProjectNode(project.id(), limited, project.assignments());
            }
            if (source instanceof UnionNode union) {
                List<PlanNode> sources = new ArrayList<>();
                for (PlanNode input : union.sources()) {
                    sources.add(new LimitNode(context.idAllocator().nextId(), input, node.count()).accept(this, unused));
                }
                return new LimitNode(node.id(), new UnionNode(union.id(), sources, union.outputs(), union.inputs()), node.count());
            }
            return rewriteSources(node, unused);
        }
    }
}

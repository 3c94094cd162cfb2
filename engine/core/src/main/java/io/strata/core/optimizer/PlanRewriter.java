package io.strata.core.optimizer;

import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.EnforceSingleRowNode;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.GroupIdNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.LimitNode;
import io.strata.core.planner.plan.OffsetNode;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanVisitor;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.SemiJoinNode;
import io.strata.core.planner.plan.SetOperationNode;
import io.strata.core.planner.plan.SortNode;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.planner.plan.TopNNode;
import io.strata.core.planner.plan.UnionNode;
import io.strata.core.planner.plan.ValuesNode;
import io.strata.core.planner.plan.WindowNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan visitor that, by default, rewrites a node's sources and keeps the node: passes override the
 * visits of the nodes they change and call {@link #rewriteSources} for the rest.
 *
 * @param <C> what a pass passes down
 */
public abstract class PlanRewriter<C>
        implements PlanVisitor<PlanNode, C>
{
    /** The node over its rewritten sources; the node itself when no source changed. */
    protected PlanNode rewriteSources(PlanNode node, C context)
    {
        List<PlanNode> sources = new ArrayList<>();
        boolean changed = false;
        for (PlanNode source : node.sources()) {
            PlanNode rewritten = source.accept(this, context);
            // identity, not equality: comparing whole subtrees at every level would be quadratic
            changed |= rewritten != source;
            sources.add(rewritten);
        }
        return changed ? node.replaceChildren(sources) : node;
    }

    @Override
    public PlanNode visitOutput(OutputNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitTableScan(TableScanNode node, C context)
    {
        return node;
    }

    @Override
    public PlanNode visitValues(ValuesNode node, C context)
    {
        return node;
    }

    @Override
    public PlanNode visitFilter(FilterNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitProject(ProjectNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitAggregation(AggregationNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitSort(SortNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitTopN(TopNNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitLimit(LimitNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitJoin(JoinNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitWindow(WindowNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitSemiJoin(SemiJoinNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitEnforceSingleRow(EnforceSingleRowNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitUnion(UnionNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitSetOperation(SetOperationNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitOffset(OffsetNode node, C context)
    {
        return rewriteSources(node, context);
    }

    @Override
    public PlanNode visitGroupId(GroupIdNode node, C context)
    {
        return rewriteSources(node, context);
    }
}

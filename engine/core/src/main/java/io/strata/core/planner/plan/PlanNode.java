package io.strata.core.planner.plan;

import java.util.List;

/**
 * A node of the plan. Records; rewrite with {@link #replaceChildren}, walk with {@link PlanVisitor}.
 */
public sealed interface PlanNode
        permits OutputNode, TableScanNode, ValuesNode, FilterNode, ProjectNode, AggregationNode, SortNode, TopNNode, LimitNode,
        JoinNode, SemiJoinNode, EnforceSingleRowNode, UnionNode, SetOperationNode, OffsetNode,
        WindowNode, GroupIdNode, ExchangeNode, RemoteSourceNode
{
    PlanNodeId id();

    List<PlanNode> sources();

    /** The symbols this node produces, in channel order. */
    List<Symbol> outputSymbols();

    /** A copy of this node over new sources (same count as {@link #sources()}). */
    PlanNode replaceChildren(List<PlanNode> newSources);

    <R, C> R accept(PlanVisitor<R, C> visitor, C context);
}

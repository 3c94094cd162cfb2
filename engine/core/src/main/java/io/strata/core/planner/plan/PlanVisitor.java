package io.strata.core.planner.plan;

public interface PlanVisitor<R, C>
{
    R visitOutput(OutputNode node, C context);

    R visitTableScan(TableScanNode node, C context);

    R visitValues(ValuesNode node, C context);

    R visitFilter(FilterNode node, C context);

    R visitProject(ProjectNode node, C context);

    R visitAggregation(AggregationNode node, C context);

    R visitSort(SortNode node, C context);

    R visitTopN(TopNNode node, C context);

    R visitLimit(LimitNode node, C context);

    default R visitJoin(JoinNode node, C context)
    {
        throw unsupported(node);
    }

    default R visitSemiJoin(SemiJoinNode node, C context)
    {
        throw unsupported(node);
    }

    default R visitEnforceSingleRow(EnforceSingleRowNode node, C context)
    {
        throw unsupported(node);
    }

    default R visitUnion(UnionNode node, C context)
    {
        throw unsupported(node);
    }

    default R visitSetOperation(SetOperationNode node, C context)
    {
        throw unsupported(node);
    }

    default R visitOffset(OffsetNode node, C context)
    {
        throw unsupported(node);
    }

    default R visitWindow(WindowNode node, C context)
    {
        throw unsupported(node);
    }

    default R visitGroupId(GroupIdNode node, C context)
    {
        throw unsupported(node);
    }

    default R visitExchange(ExchangeNode node, C context)
    {
        throw unsupported(node);
    }

    default R visitRemoteSource(RemoteSourceNode node, C context)
    {
        throw unsupported(node);
    }

    private UnsupportedOperationException unsupported(PlanNode node)
    {
        return new UnsupportedOperationException(getClass().getSimpleName() + " does not handle " + node.getClass().getSimpleName());
    }
}

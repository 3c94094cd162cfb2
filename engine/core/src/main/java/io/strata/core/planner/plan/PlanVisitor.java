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

    R visitWindow(WindowNode node, C context);

    R visitGroupId(GroupIdNode node, C context);
}

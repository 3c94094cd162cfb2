package io.strata.core.optimizer;

import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.EnforceSingleRowNode;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.LimitNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.planner.plan.TopNNode;
import io.strata.core.planner.plan.UnionNode;
import io.strata.core.planner.plan.ValuesNode;

/**
 * A rough row count of a plan's output, from the connectors' table statistics: what join ordering and the
 * choice of build sides compare. A filter keeps half its input, a join of a key to a foreign key as many rows as
 * its larger side, a grouping a tenth; a table without statistics counts as a million rows.
 */
final class RowCountEstimator
{
    private static final double UNKNOWN_TABLE_ROWS = 1_000_000;
    private static final double FILTER_SELECTIVITY = 0.5;
    private static final double GROUPING_REDUCTION = 0.1;

    private RowCountEstimator() {}

    static double estimate(PlanNode node)
    {
        if (node instanceof TableScanNode scan) {
            return scan.statistics().rowCount().orElse(UNKNOWN_TABLE_ROWS);
        }
        if (node instanceof ValuesNode values) {
            return values.rows().size();
        }
        if (node instanceof FilterNode filter) {
            return estimate(filter.source()) * FILTER_SELECTIVITY;
        }
        if (node instanceof AggregationNode aggregation) {
            return aggregation.groupingKeys().isEmpty() ? 1 : estimate(aggregation.source()) * GROUPING_REDUCTION;
        }
        if (node instanceof JoinNode join) {
            double left = estimate(join.left());
            double right = estimate(join.right());
            return join.criteria().isEmpty() && join.filter().isEmpty() ? left * right : Math.max(left, right);
        }
        if (node instanceof EnforceSingleRowNode) {
            return 1;
        }
        if (node instanceof LimitNode limit) {
            return Math.min(limit.count(), estimate(limit.source()));
        }
        if (node instanceof TopNNode topN) {
            return Math.min(topN.count(), estimate(topN.source()));
        }
        if (node instanceof UnionNode union) {
            return union.sources().stream().mapToDouble(RowCountEstimator::estimate).sum();
        }
        if (node.sources().isEmpty()) {
            return UNKNOWN_TABLE_ROWS;
        }
        return estimate(node.sources().get(0));
    }
}

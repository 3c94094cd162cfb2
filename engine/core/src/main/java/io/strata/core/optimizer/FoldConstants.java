package io.strata.core.optimizer;

import io.strata.core.expression.Constant;
import io.strata.core.expression.RowExpression;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.ValuesNode;

import java.util.List;

/**
 * Evaluates input-free sub-expressions once, at planning time (see {@link ConstantFolder}), in filters,
 * projections and VALUES rows. A filter that folds to {@code TRUE} disappears; one that folds to
 * {@code FALSE} or {@code NULL} passes no row and becomes an empty VALUES:
 * <pre>
 * - Filter[l_shipdate &lt;= CAST('1998-09-02' AS date)]        - Filter[l_shipdate &lt;= DATE '1998-09-02']
 *     - TableScan[lineitem]                           =&gt;       - TableScan[lineitem]
 *
 * - Filter[1 = 0]                                            - Values[0 rows]
 *     - TableScan[lineitem]                           =&gt;
 * </pre>
 */
public final class FoldConstants
        implements PlanOptimizer
{
    @Override
    public String name()
    {
        return "fold-constants";
    }

    @Override
    public PlanNode optimize(PlanNode plan, OptimizerContext context)
    {
        return plan.accept(new Rewriter(new ConstantFolder(context.constantEvaluator(), context.session())), context);
    }

    private static final class Rewriter
            extends PlanRewriter<OptimizerContext>
    {
        private final ConstantFolder folder;

        Rewriter(ConstantFolder folder)
        {
            this.folder = folder;
        }

        @Override
        public PlanNode visitFilter(FilterNode node, OptimizerContext context)
        {
            PlanNode source = node.source().accept(this, context);
            RowExpression predicate = folder.fold(node.predicate());
            if (predicate instanceof Constant constant) {
                if (Boolean.TRUE.equals(constant.value())) {
                    return source;
                }
                return new ValuesNode(node.id(), node.outputSymbols(), List.of());
            }
            return new FilterNode(node.id(), source, predicate);
        }

        @Override
        public PlanNode visitProject(ProjectNode node, OptimizerContext context)
        {
            PlanNode source = node.source().accept(this, context);
            List<Assignment> assignments = node.assignments().stream()
                    .map(assignment -> new Assignment(assignment.symbol(), folder.fold(assignment.expression())))
                    .toList();
            return new ProjectNode(node.id(), source, assignments);
        }

        @Override
        public PlanNode visitValues(ValuesNode node, OptimizerContext context)
        {
            List<List<RowExpression>> rows = node.rows().stream()
                    .map(row -> row.stream().map(folder::fold).toList())
                    .toList();
            return new ValuesNode(node.id(), node.outputs(), rows);
        }
    }
}

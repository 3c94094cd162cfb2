package io.strata.core.optimizer;

import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SymbolReference;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.planner.plan.ValuesNode;
import io.strata.spi.connector.ColumnHandle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A projection that only passes its source's symbols through ({@code a := a, b := b}) does nothing:
 * <pre>
 * - Project[a := a, b := b]          - Filter[...]
 *     - Filter[...] =&gt; [a, b]     =&gt;      - ...
 * </pre>
 * When the symbols are the same but in another order, the projection goes only over a table scan or a
 * VALUES, which then produce their columns in the projection's order; other nodes keep it, because a
 * projection also fixes the order of its outputs.
 */
public final class RemoveRedundantIdentityProjections
        implements PlanOptimizer
{
    @Override
    public String name()
    {
        return "remove-redundant-identity-projections";
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
        public PlanNode visitProject(ProjectNode node, Void context)
        {
            PlanNode source = node.source().accept(this, context);
            List<Symbol> outputs = node.outputSymbols();
            boolean identity = node.assignments().stream().allMatch(RemoveRedundantIdentityProjections::isIdentity);
            if (!identity || outputs.size() != source.outputSymbols().size() || !new HashSet<>(outputs).equals(new HashSet<>(source.outputSymbols()))) {
                return source == node.source() ? node : new ProjectNode(node.id(), source, node.assignments());
            }
            if (outputs.equals(source.outputSymbols())) {
                return source;
            }
            if (source instanceof TableScanNode scan) {
                List<ColumnHandle> columns = new ArrayList<>();
                outputs.forEach(symbol -> columns.add(scan.columns().get(scan.outputs().indexOf(symbol))));
                return new TableScanNode(scan.id(), scan.catalogName(), scan.table(), outputs, columns, scan.enforcedConstraint(), scan.statistics());
            }
            if (source instanceof ValuesNode values) {
                List<List<RowExpression>> rows = values.rows().stream()
                        .map(row -> outputs.stream().map(symbol -> row.get(values.outputs().indexOf(symbol))).toList())
                        .toList();
                return new ValuesNode(values.id(), outputs, rows);
            }
            return source == node.source() ? node : new ProjectNode(node.id(), source, node.assignments());
        }
    }

    private static boolean isIdentity(Assignment assignment)
    {
        return assignment.expression() instanceof SymbolReference reference && reference.symbol().equals(assignment.symbol());
    }
}

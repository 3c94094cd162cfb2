package io.strata.core.optimizer;

import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SymbolReference;
import io.strata.core.planner.Expressions;
import io.strata.core.planner.plan.Aggregation;
import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.EnforceSingleRowNode;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.GroupIdNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.LimitNode;
import io.strata.core.planner.plan.OffsetNode;
import io.strata.core.planner.plan.Ordering;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanVisitor;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.SemiJoinNode;
import io.strata.core.planner.plan.SetOperationNode;
import io.strata.core.planner.plan.SortNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.planner.plan.TopNNode;
import io.strata.core.planner.plan.UnionNode;
import io.strata.core.planner.plan.ValuesNode;
import io.strata.core.planner.plan.WindowFunction;
import io.strata.core.planner.plan.WindowNode;
import io.strata.spi.connector.ColumnHandle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Projection pushdown: walks the plan from the root with the set of symbols the parent needs, drops the
 * projections and aggregates nobody reads, and narrows table scans (and VALUES) to the columns still
 * needed, so that connectors read only those:
 * <pre>
 * - Output[revenue]                                  - Output[revenue]
 *     - Project[revenue := a * b, unused := c]  =&gt;      - Project[revenue := a * b]
 *         - TableScan[a, b, c, d]                            - TableScan[a, b]
 * </pre>
 * A column that only a pushed-down filter needed is dropped too: the connector enforces that filter itself.
 */
public final class PruneUnreferencedColumns
        implements PlanOptimizer
{
    @Override
    public String name()
    {
        return "prune-unreferenced-columns";
    }

    @Override
    public PlanNode optimize(PlanNode plan, OptimizerContext context)
    {
        return plan.accept(new Pruner(context), Set.copyOf(plan.outputSymbols()));
    }

    private static final class Pruner
            implements PlanVisitor<PlanNode, Set<Symbol>>
    {
        private final OptimizerContext context;

        Pruner(OptimizerContext context)
        {
            this.context = context;
        }

        @Override
        public PlanNode visitOutput(OutputNode node, Set<Symbol> required)
        {
            return new OutputNode(node.id(), node.source().accept(this, Set.copyOf(node.outputs())), node.columnNames(), node.outputs());
        }

        @Override
        public PlanNode visitTableScan(TableScanNode node, Set<Symbol> required)
        {
            List<Symbol> outputs = new ArrayList<>();
            List<ColumnHandle> columns = new ArrayList<>();
            for (int i = 0; i < node.outputs().size(); i++) {
                if (required.contains(node.outputs().get(i))) {
                    outputs.add(node.outputs().get(i));
                    columns.add(node.columns().get(i));
                }
            }
            if (outputs.size() == node.outputs().size()) {
                return node;
            }
            return new TableScanNode(node.id(), node.catalogName(), node.table(), outputs, columns, node.enforcedConstraint(), node.statistics());
        }

        @Override
        public PlanNode visitValues(ValuesNode node, Set<Symbol> required)
        {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < node.outputs().size(); i++) {
                if (required.contains(node.outputs().get(i))) {
                    kept.add(i);
                }
            }
            if (kept.size() == node.outputs().size()) {
                return node;
            }
            List<Symbol> outputs = kept.stream().map(node.outputs()::get).toList();
            List<List<RowExpression>> rows = node.rows().stream()
                    .map(row -> kept.stream().map(row::get).toList())
                    .toList();
            return new ValuesNode(node.id(), outputs, rows);
        }

        @Override
        public PlanNode visitFilter(FilterNode node, Set<Symbol> required)
        {
            Set<Symbol> sourceRequired = new HashSet<>(required);
            sourceRequired.addAll(Expressions.symbolsReferenced(node.predicate()));
            return new FilterNode(node.id(), node.source().accept(this, sourceRequired), node.predicate());
        }

        @Override
        public PlanNode visitProject(ProjectNode node, Set<Symbol> required)
        {
            List<Assignment> assignments = node.assignments().stream()
                    .filter(assignment -> required.contains(assignment.symbol()))
                    .toList();
            Set<Symbol> sourceRequired = new HashSet<>();
            assignments.forEach(assignment -> sourceRequired.addAll(Expressions.symbolsReferenced(assignment.expression())));
            return new ProjectNode(node.id(), node.source().accept(this, sourceRequired), assignments);
        }

        @Override
        public PlanNode visitAggregation(AggregationNode node, Set<Symbol> required)
        {
            List<Aggregation> aggregations = node.aggregations().stream()
                    .filter(aggregation -> required.contains(aggregation.output()))
                    .toList();
            Set<Symbol> sourceRequired = new HashSet<>(node.groupingKeys());
            for (Aggregation aggregation : aggregations) {
                sourceRequired.addAll(aggregation.arguments());
                aggregation.mask().ifPresent(sourceRequired::add);
            }
            return new AggregationNode(node.id(), node.source().accept(this, sourceRequired), node.groupingKeys(), aggregations, node.step(), node.intermediates());
        }

        @Override
        public PlanNode visitSort(SortNode node, Set<Symbol> required)
        {
            return new SortNode(node.id(), node.source().accept(this, withOrderings(required, node.orderBy())), node.orderBy());
        }

        @Override
        public PlanNode visitTopN(TopNNode node, Set<Symbol> required)
        {
            return new TopNNode(node.id(), node.source().accept(this, withOrderings(required, node.orderBy())), node.count(), node.orderBy());
        }

        @Override
        public PlanNode visitLimit(LimitNode node, Set<Symbol> required)
        {
            return new LimitNode(node.id(), node.source().accept(this, required), node.count());
        }

        @Override
        public PlanNode visitJoin(JoinNode node, Set<Symbol> required)
        {
            Set<Symbol> needed = new HashSet<>(required);
            node.criteria().forEach(clause -> {
                needed.add(clause.left());
                needed.add(clause.right());
            });
            node.filter().ifPresent(filter -> needed.addAll(Expressions.symbolsReferenced(filter)));
            PlanNode left = narrow(node.left().accept(this, needed), needed);
            PlanNode right = narrow(node.right().accept(this, needed), needed);
            return new JoinNode(node.id(), node.type(), left, right, node.criteria(), node.filter(), node.singleMatch());
        }

        /**
         * A join's input with only the columns the join and what is above it read: a column only a filter below
         * read (TPC-H Q13's {@code o_comment}) would otherwise be copied into the hash table and every output row.
         */
        private PlanNode narrow(PlanNode node, Set<Symbol> needed)
        {
            List<Symbol> outputs = node.outputSymbols();
            if (needed.containsAll(outputs)) {
                return node;
            }
            List<Assignment> kept = outputs.stream()
                    .filter(needed::contains)
                    .map(symbol -> new Assignment(symbol, new SymbolReference(symbol)))
                    .toList();
            return new ProjectNode(context.idAllocator().nextId(), node, kept);
        }

        @Override
        public PlanNode visitSemiJoin(SemiJoinNode node, Set<Symbol> required)
        {
            if (!required.contains(node.output())) {
                return node.source().accept(this, required);
            }
            Set<Symbol> needed = new HashSet<>(required);
            node.criteria().forEach(clause -> {
                needed.add(clause.left());
                needed.add(clause.right());
            });
            node.filter().ifPresent(filter -> needed.addAll(Expressions.symbolsReferenced(filter)));
            return new SemiJoinNode(node.id(), node.source().accept(this, needed), node.filteringSource().accept(this, needed), node.criteria(), node.filter(),
                    node.output(), node.nullAware());
        }

        @Override
        public PlanNode visitEnforceSingleRow(EnforceSingleRowNode node, Set<Symbol> required)
        {
            return new EnforceSingleRowNode(node.id(), node.source().accept(this, required));
        }

        @Override
        public PlanNode visitOffset(OffsetNode node, Set<Symbol> required)
        {
            return new OffsetNode(node.id(), node.source().accept(this, required), node.count());
        }

        @Override
        public PlanNode visitUnion(UnionNode node, Set<Symbol> required)
        {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < node.outputs().size(); i++) {
                if (required.contains(node.outputs().get(i))) {
                    kept.add(i);
                }
            }
            List<Symbol> outputs = kept.stream().map(node.outputs()::get).toList();
            List<PlanNode> sources = new ArrayList<>();
            List<List<Symbol>> inputs = new ArrayList<>();
            for (int k = 0; k < node.sources().size(); k++) {
                List<Symbol> input = kept.stream().map(node.inputs().get(k)::get).toList();
                inputs.add(input);
                sources.add(node.sources().get(k).accept(this, new HashSet<>(input)));
            }
            return new UnionNode(node.id(), sources, outputs, inputs);
        }

        @Override
        public PlanNode visitSetOperation(SetOperationNode node, Set<Symbol> required)
        {
            List<PlanNode> sources = new ArrayList<>();
            for (int k = 0; k < node.sources().size(); k++) {
                sources.add(node.sources().get(k).accept(this, new HashSet<>(node.inputs().get(k))));
            }
            return new SetOperationNode(node.id(), node.kind(), node.distinct(), sources, node.outputs(), node.inputs());
        }

        @Override
        public PlanNode visitGroupId(GroupIdNode node, Set<Symbol> required)
        {
            Set<Symbol> sourceRequired = new HashSet<>(required);
            sourceRequired.removeAll(node.keyOutputs());
            sourceRequired.remove(node.groupId());
            node.groupingColumns().forEach(column -> sourceRequired.remove(column.output()));
            node.rowMask().ifPresent(sourceRequired::remove);
            sourceRequired.addAll(node.keyInputs());
            return node.replaceChildren(List.of(node.source().accept(this, sourceRequired)));
        }

        @Override
        public PlanNode visitWindow(WindowNode node, Set<Symbol> required)
        {
            Set<Symbol> sourceRequired = withOrderings(required, node.orderBy());
            sourceRequired.addAll(node.partitionBy());
            for (WindowFunction function : node.functions()) {
                sourceRequired.addAll(function.arguments());
                function.frame().startValue().ifPresent(sourceRequired::add);
                function.frame().endValue().ifPresent(sourceRequired::add);
            }
            node.functions().forEach(function -> sourceRequired.remove(function.output()));
            return new WindowNode(node.id(), node.source().accept(this, sourceRequired), node.partitionBy(), node.orderBy(), node.functions());
        }

        private static Set<Symbol> withOrderings(Set<Symbol> required, List<Ordering> orderings)
        {
            Set<Symbol> result = new HashSet<>(required);
            orderings.forEach(ordering -> result.add(ordering.symbol()));
            return result;
        }
    }
}

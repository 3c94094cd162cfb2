package io.strata.core.planner;

import io.strata.core.expression.RowExpression;
import io.strata.core.planner.plan.Aggregation;
import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.EnforceSingleRowNode;
import io.strata.core.planner.plan.ExchangeNode;
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
import io.strata.core.planner.plan.RemoteSourceNode;
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
import io.strata.spi.type.VarcharType;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.strata.spi.type.BooleanType.BOOLEAN;

/**
 * Checks what every later stage relies on: each node reads only symbols its sources produce, produces each
 * symbol once, and values rows and filters are well typed. A failure is a bug in the planner or an optimizer
 * pass, reported before execution meets it.
 */
public final class PlanSanityChecker
{
    private PlanSanityChecker() {}

    /**
     * @throws IllegalStateException naming the node and the problem
     */
    public static void validate(PlanNode plan)
    {
        plan.accept(new Checker(), null);
    }

    private static final class Checker
            implements PlanVisitor<Void, Void>
    {
        @Override
        public Void visitOutput(OutputNode node, Void context)
        {
            checkSources(node);
            requireProduced(node, node.outputs(), node.source());
            return null;
        }

        @Override
        public Void visitTableScan(TableScanNode node, Void context)
        {
            requireUnique(node, node.outputs());
            return null;
        }

        @Override
        public Void visitValues(ValuesNode node, Void context)
        {
            requireUnique(node, node.outputs());
            for (List<RowExpression> row : node.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    if (!Expressions.isInputFree(row.get(i)) || !row.get(i).type().equals(node.outputs().get(i).type())) {
                        throw new IllegalStateException("values node " + node.id() + " has a bad value for " + node.outputs().get(i) + ": " + row.get(i));
                    }
                }
            }
            return null;
        }

        @Override
        public Void visitFilter(FilterNode node, Void context)
        {
            checkSources(node);
            requireProduced(node, Expressions.symbolsReferenced(node.predicate()), node.source());
            if (!node.predicate().type().equals(BOOLEAN)) {
                throw new IllegalStateException("filter " + node.id() + " has a predicate of type " + node.predicate().type());
            }
            return null;
        }

        @Override
        public Void visitProject(ProjectNode node, Void context)
        {
            checkSources(node);
            requireUnique(node, node.outputSymbols());
            for (Assignment assignment : node.assignments()) {
                requireProduced(node, Expressions.symbolsReferenced(assignment.expression()), node.source());
                if (!assignment.expression().type().equals(assignment.symbol().type())) {
                    throw new IllegalStateException("project " + node.id() + " assigns " + assignment.expression().type() + " to " + assignment.symbol() + ":" + assignment.symbol().type());
                }
            }
            return null;
        }

        @Override
        public Void visitAggregation(AggregationNode node, Void context)
        {
            checkSources(node);
            requireUnique(node, node.outputSymbols());
            requireProduced(node, node.groupingKeys(), node.source());
            if (node.step() == AggregationNode.Step.FINAL) {
                // a final step reads the partial step's intermediates, not the aggregates' arguments
                requireProduced(node, node.intermediates(), node.source());
                return null;
            }
            for (Aggregation aggregation : node.aggregations()) {
                requireProduced(node, aggregation.arguments(), node.source());
                aggregation.mask().ifPresent(mask -> requireProduced(node, List.of(mask), node.source()));
            }
            return null;
        }

        @Override
        public Void visitExchange(ExchangeNode node, Void context)
        {
            checkSources(node);
            requireProduced(node, node.partitionKeys(), node.source());
            return null;
        }

        @Override
        public Void visitRemoteSource(RemoteSourceNode node, Void context)
        {
            requireUnique(node, node.outputSymbols());
            return null;
        }

        @Override
        public Void visitSort(SortNode node, Void context)
        {
            checkSources(node);
            requireProduced(node, node.orderBy().stream().map(Ordering::symbol).toList(), node.source());
            return null;
        }

        @Override
        public Void visitTopN(TopNNode node, Void context)
        {
            checkSources(node);
            requireProduced(node, node.orderBy().stream().map(Ordering::symbol).toList(), node.source());
            return null;
        }

        @Override
        public Void visitLimit(LimitNode node, Void context)
        {
            checkSources(node);
            return null;
        }

        @Override
        public Void visitJoin(JoinNode node, Void context)
        {
            checkSources(node);
            requireUnique(node, node.outputSymbols());
            requireProduced(node, node.criteria().stream().map(JoinNode.EquiJoinClause::left).toList(), node.left());
            requireProduced(node, node.criteria().stream().map(JoinNode.EquiJoinClause::right).toList(), node.right());
            for (JoinNode.EquiJoinClause clause : node.criteria()) {
                boolean varchars = clause.left().type() instanceof VarcharType && clause.right().type() instanceof VarcharType;
                if (!varchars && !clause.left().type().equals(clause.right().type())) {
                    throw new IllegalStateException("join " + node.id() + " compares keys of different types: " + clause);
                }
            }
            node.filter().ifPresent(filter -> requireProduced(node, Expressions.symbolsReferenced(filter), node));
            return null;
        }

        @Override
        public Void visitGroupId(GroupIdNode node, Void context)
        {
            checkSources(node);
            requireUnique(node, node.outputSymbols());
            requireProduced(node, node.keyInputs(), node.source());
            return null;
        }

        @Override
        public Void visitSemiJoin(SemiJoinNode node, Void context)
        {
            checkSources(node);
            requireUnique(node, node.outputSymbols());
            requireProduced(node, node.criteria().stream().map(JoinNode.EquiJoinClause::left).toList(), node.source());
            requireProduced(node, node.criteria().stream().map(JoinNode.EquiJoinClause::right).toList(), node.filteringSource());
            if (node.filter().isPresent()) {
                Set<Symbol> available = new HashSet<>(node.source().outputSymbols());
                available.addAll(node.filteringSource().outputSymbols());
                for (Symbol symbol : Expressions.symbolsReferenced(node.filter().get())) {
                    if (!available.contains(symbol)) {
                        throw new IllegalStateException("semi join " + node.id() + " filters on " + symbol + ", which neither side produces");
                    }
                }
            }
            return null;
        }

        @Override
        public Void visitWindow(WindowNode node, Void context)
        {
            checkSources(node);
            requireUnique(node, node.outputSymbols());
            requireProduced(node, node.partitionBy(), node.source());
            requireProduced(node, node.orderBy().stream().map(Ordering::symbol).toList(), node.source());
            for (WindowFunction function : node.functions()) {
                requireProduced(node, function.arguments(), node.source());
                function.frame().startValue().ifPresent(value -> requireProduced(node, List.of(value), node.source()));
                function.frame().endValue().ifPresent(value -> requireProduced(node, List.of(value), node.source()));
            }
            return null;
        }

        @Override
        public Void visitEnforceSingleRow(EnforceSingleRowNode node, Void context)
        {
            checkSources(node);
            return null;
        }

        @Override
        public Void visitUnion(UnionNode node, Void context)
        {
            checkSources(node);
            requireUnique(node, node.outputs());
            for (int i = 0; i < node.sources().size(); i++) {
                requireProduced(node, node.inputs().get(i), node.sources().get(i));
            }
            return null;
        }

        @Override
        public Void visitSetOperation(SetOperationNode node, Void context)
        {
            checkSources(node);
            requireUnique(node, node.outputs());
            for (int i = 0; i < node.sources().size(); i++) {
                requireProduced(node, node.inputs().get(i), node.sources().get(i));
            }
            return null;
        }

        @Override
        public Void visitOffset(OffsetNode node, Void context)
        {
            checkSources(node);
            return null;
        }

        private void checkSources(PlanNode node)
        {
            node.sources().forEach(source -> source.accept(this, null));
        }

        private static void requireProduced(PlanNode node, Collection<Symbol> symbols, PlanNode source)
        {
            Set<Symbol> produced = new HashSet<>(source.outputSymbols());
            for (Symbol symbol : symbols) {
                if (!produced.contains(symbol)) {
                    throw new IllegalStateException(node.getClass().getSimpleName() + " " + node.id() + " reads " + symbol + ":" + symbol.type()
                            + ", which its source does not produce: " + source.outputSymbols());
                }
            }
        }

        private static void requireUnique(PlanNode node, List<Symbol> symbols)
        {
            if (new HashSet<>(symbols).size() != symbols.size()) {
                throw new IllegalStateException(node.getClass().getSimpleName() + " " + node.id() + " produces a symbol twice: " + symbols);
            }
        }
    }
}

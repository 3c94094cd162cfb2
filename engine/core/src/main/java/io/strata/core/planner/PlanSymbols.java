package io.strata.core.planner;

import io.strata.core.expression.RowExpression;
import io.strata.core.planner.plan.Aggregation;
import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.Ordering;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.SemiJoinNode;
import io.strata.core.planner.plan.SetOperationNode;
import io.strata.core.planner.plan.SortNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TopNNode;
import io.strata.core.planner.plan.UnionNode;
import io.strata.core.planner.plan.ValuesNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The symbols plan nodes read, node by node and over whole subtrees: what decorrelation looks for (a
 * subquery's references to the query around it) and what passes keep when they prune.
 */
public final class PlanSymbols
{
    private PlanSymbols() {}

    /** The symbols the node itself reads (not those its sources read), in a stable order. */
    public static Set<Symbol> readBy(PlanNode node)
    {
        Set<Symbol> symbols = new LinkedHashSet<>();
        if (node instanceof FilterNode filter) {
            symbols.addAll(Expressions.symbolsReferenced(filter.predicate()));
        }
        else if (node instanceof ProjectNode project) {
            for (Assignment assignment : project.assignments()) {
                symbols.addAll(Expressions.symbolsReferenced(assignment.expression()));
            }
        }
        else if (node instanceof AggregationNode aggregation) {
            symbols.addAll(aggregation.groupingKeys());
            for (Aggregation aggregate : aggregation.aggregations()) {
                symbols.addAll(aggregate.arguments());
                aggregate.mask().ifPresent(symbols::add);
            }
        }
        else if (node instanceof JoinNode join) {
            join.criteria().forEach(clause -> {
                symbols.add(clause.left());
                symbols.add(clause.right());
            });
            join.filter().ifPresent(filter -> symbols.addAll(Expressions.symbolsReferenced(filter)));
        }
        else if (node instanceof SemiJoinNode semiJoin) {
            semiJoin.criteria().forEach(clause -> {
                symbols.add(clause.left());
                symbols.add(clause.right());
            });
            semiJoin.filter().ifPresent(filter -> symbols.addAll(Expressions.symbolsReferenced(filter)));
        }
        else if (node instanceof SortNode sort) {
            sort.orderBy().stream().map(Ordering::symbol).forEach(symbols::add);
        }
        else if (node instanceof TopNNode topN) {
            topN.orderBy().stream().map(Ordering::symbol).forEach(symbols::add);
        }
        else if (node instanceof OutputNode output) {
            symbols.addAll(output.outputs());
        }
        else if (node instanceof UnionNode union) {
            union.inputs().forEach(symbols::addAll);
        }
        else if (node instanceof SetOperationNode setOperation) {
            setOperation.inputs().forEach(symbols::addAll);
        }
        else if (node instanceof ValuesNode values) {
            for (List<RowExpression> row : values.rows()) {
                row.forEach(value -> symbols.addAll(Expressions.symbolsReferenced(value)));
            }
        }
        return symbols;
    }

    /** Whether any node of the subtree reads one of {@code symbols}. */
    public static boolean readsAny(PlanNode node, Set<Symbol> symbols)
    {
        for (Symbol symbol : readBy(node)) {
            if (symbols.contains(symbol)) {
                return true;
            }
        }
        return node.sources().stream().anyMatch(source -> readsAny(source, symbols));
    }
}

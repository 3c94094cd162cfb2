package io.strata.core.planner;

import io.strata.core.expression.Call;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SymbolReference;
import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.SortNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Removes a subquery plan's references to the query around it ({@code outer} symbols) by pulling the conjuncts
 * that hold them up to the top, where the subquery is joined to the outer query on them:
 * <pre>
 * - Aggregate[min(ps_supplycost)]                    - Aggregate[min(ps_supplycost)] by [ps_partkey]
 *     - Filter[p_partkey = ps_partkey AND x]   =&gt;        - Filter[x]
 *         - TableScan[partsupp]                            - TableScan[partsupp]
 *                                                  correlated conjuncts: p_partkey = ps_partkey
 * </pre>
 * Filters give up their correlated conjuncts; projections pass the inner symbols those conjuncts read; a
 * global aggregation under equality correlations groups by the correlations' inner side (the join on them then
 * finds one group per outer row); sorts are dropped; inner joins give up correlated conjuncts of their filter.
 * Any other correlated shape is {@code UNSUPPORTED_SUBQUERY}.
 */
final class Decorrelator
{
    /**
     * The decorrelated plan, the conjuncts pulled out of it (over its outputs and the outer symbols), and the
     * aggregation that now groups by the correlation, if a global one did.
     */
    record Result(PlanNode node, List<RowExpression> conjuncts, Optional<AggregationNode> groupedAggregation)
    {
        Result
        {
            requireNonNull(node, "node is null");
            conjuncts = List.copyOf(requireNonNull(conjuncts, "conjuncts is null"));
            requireNonNull(groupedAggregation, "groupedAggregation is null");
        }
    }

    /** {@code outer = inner}: one side reads only outer symbols, the other only inner ones. */
    record Equality(RowExpression outer, RowExpression inner)
    {
    }

    private final Set<Symbol> outer;
    private final SymbolAllocator symbolAllocator;
    private final PlanNodeIdAllocator idAllocator;

    Decorrelator(Set<Symbol> outer, SymbolAllocator symbolAllocator, PlanNodeIdAllocator idAllocator)
    {
        this.outer = Set.copyOf(requireNonNull(outer, "outer is null"));
        this.symbolAllocator = requireNonNull(symbolAllocator, "symbolAllocator is null");
        this.idAllocator = requireNonNull(idAllocator, "idAllocator is null");
    }

    /** The equality a conjunct is, if it is one between an outer and an inner expression. */
    static Optional<Equality> equality(RowExpression conjunct, Set<Symbol> outer)
    {
        if (!(conjunct instanceof Call call) || !call.functionName().equals(FunctionNames.EQUAL) || call.arguments().size() != 2) {
            return Optional.empty();
        }
        RowExpression left = call.arguments().get(0);
        RowExpression right = call.arguments().get(1);
        if (onlyOuter(left, outer) && onlyInner(right, outer)) {
            return Optional.of(new Equality(left, right));
        }
        if (onlyOuter(right, outer) && onlyInner(left, outer)) {
            return Optional.of(new Equality(right, left));
        }
        return Optional.empty();
    }

    private static boolean onlyOuter(RowExpression expression, Set<Symbol> outer)
    {
        Set<Symbol> symbols = Expressions.symbolsReferenced(expression);
        return !symbols.isEmpty() && outer.containsAll(symbols);
    }

    private static boolean onlyInner(RowExpression expression, Set<Symbol> outer)
    {
        Set<Symbol> symbols = Expressions.symbolsReferenced(expression);
        return !symbols.isEmpty() && symbols.stream().noneMatch(outer::contains);
    }

    private boolean correlated(RowExpression expression)
    {
        return Expressions.symbolsReferenced(expression).stream().anyMatch(outer::contains);
    }

    Result decorrelate(PlanNode node)
    {
        if (!PlanSymbols.readsAny(node, outer)) {
            return new Result(node, List.of(), Optional.empty());
        }
        if (node instanceof FilterNode filter) {
            Result source = decorrelate(filter.source());
            List<RowExpression> pulled = new ArrayList<>(source.conjuncts());
            List<RowExpression> kept = new ArrayList<>();
            for (RowExpression conjunct : Expressions.conjuncts(filter.predicate())) {
                (correlated(conjunct) ? pulled : kept).add(conjunct);
            }
            PlanNode result = kept.isEmpty() ? source.node() : new FilterNode(filter.id(), source.node(), Expressions.and(kept));
            return new Result(result, pulled, source.groupedAggregation());
        }
        if (node instanceof ProjectNode project) {
            Result source = decorrelate(project.source());
            for (Assignment assignment : project.assignments()) {
                if (correlated(assignment.expression())) {
                    throw unsupported();
                }
            }
            return new Result(passThrough(project.id(), project.assignments(), source), source.conjuncts(), source.groupedAggregation());
        }
        if (node instanceof SortNode sort) {
            return decorrelate(sort.source());
        }
        if (node instanceof AggregationNode aggregation && aggregation.step() == AggregationNode.Step.SINGLE) {
            return decorrelateAggregation(aggregation);
        }
        if (node instanceof JoinNode join && join.type() == JoinNode.Type.INNER) {
            Result left = decorrelate(join.left());
            Result right = decorrelate(join.right());
            if (left.groupedAggregation().isPresent() || right.groupedAggregation().isPresent()) {
                throw unsupported();
            }
            List<RowExpression> pulled = new ArrayList<>(left.conjuncts());
            pulled.addAll(right.conjuncts());
            List<RowExpression> kept = new ArrayList<>();
            join.filter().ifPresent(filter -> Expressions.conjuncts(filter).forEach(conjunct -> (correlated(conjunct) ? pulled : kept).add(conjunct)));
            Optional<RowExpression> filter = kept.isEmpty() ? Optional.empty() : Optional.of(Expressions.and(kept));
            return new Result(new JoinNode(join.id(), join.type(), left.node(), right.node(), join.criteria(), filter), pulled, Optional.empty());
        }
        throw unsupported();
    }

    /** The projection, also passing on the inner symbols that the pulled conjuncts read. */
    private PlanNode passThrough(PlanNodeId id, List<Assignment> assignments, Result source)
    {
        List<Assignment> result = new ArrayList<>(assignments);
        Set<Symbol> produced = new LinkedHashSet<>();
        assignments.forEach(assignment -> produced.add(assignment.symbol()));
        Set<Symbol> available = new LinkedHashSet<>(source.node().outputSymbols());
        for (RowExpression conjunct : source.conjuncts()) {
            for (Symbol symbol : Expressions.symbolsReferenced(conjunct)) {
                if (!outer.contains(symbol) && available.contains(symbol) && produced.add(symbol)) {
                    result.add(new Assignment(symbol, new SymbolReference(symbol)));
                }
            }
        }
        return new ProjectNode(id, source.node(), result);
    }

    /** A global aggregation under equality correlations groups by their inner sides. */
    private Result decorrelateAggregation(AggregationNode aggregation)
    {
        Result source = decorrelate(aggregation.source());
        if (PlanSymbols.readBy(aggregation).stream().anyMatch(outer::contains) || source.groupedAggregation().isPresent()) {
            throw unsupported();
        }
        if (source.conjuncts().isEmpty()) {
            return new Result(aggregation.replaceChildren(List.of(source.node())), List.of(), Optional.empty());
        }
        List<Assignment> assignments = SubqueryPlanner.identity(source.node().outputSymbols());
        int identities = assignments.size();
        List<Symbol> keys = new ArrayList<>(aggregation.groupingKeys());
        List<RowExpression> pulled = new ArrayList<>();
        for (RowExpression conjunct : source.conjuncts()) {
            Equality equality = equality(conjunct, outer).orElseThrow(Decorrelator::unsupported);
            Symbol innerSymbol;
            if (equality.inner() instanceof SymbolReference reference) {
                innerSymbol = reference.symbol();
            }
            else {
                innerSymbol = symbolAllocator.newSymbol("expr", equality.inner().type());
                assignments.add(new Assignment(innerSymbol, equality.inner()));
            }
            if (!keys.contains(innerSymbol)) {
                keys.add(innerSymbol);
            }
            pulled.add(new Call(FunctionNames.EQUAL, List.of(equality.outer(), new SymbolReference(innerSymbol)), conjunct.type()));
        }
        PlanNode input = assignments.size() == identities ? source.node() : new ProjectNode(idAllocator.nextId(), source.node(), assignments);
        AggregationNode grouped = new AggregationNode(aggregation.id(), input, keys, aggregation.aggregations(), aggregation.step(), aggregation.intermediates());
        Optional<AggregationNode> global = aggregation.groupingKeys().isEmpty() ? Optional.of(grouped) : Optional.empty();
        return new Result(grouped, pulled, global);
    }

    private static StrataException unsupported()
    {
        return new StrataException(ErrorCode.UNSUPPORTED_SUBQUERY, "Given correlated subquery is not supported");
    }
}

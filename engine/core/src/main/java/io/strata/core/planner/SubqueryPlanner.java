package io.strata.core.planner;

import io.strata.core.analyzer.BoundRelation;
import io.strata.core.analyzer.BoundSubquery;
import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SpecialForm.Form;
import io.strata.core.expression.SubqueryReference;
import io.strata.core.expression.SymbolReference;
import io.strata.core.metadata.OperatorType;
import io.strata.core.planner.plan.Aggregation;
import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.EnforceSingleRowNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.JoinNode.EquiJoinClause;
import io.strata.core.planner.plan.LimitNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.SemiJoinNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static java.util.Objects.requireNonNull;

/**
 * Plans the subqueries of a clause's expressions as joins to the relation the clause reads, decorrelating the
 * correlated ones on the way, so that no subquery is ever evaluated once per row:
 * <ul>
 * <li>a scalar subquery: its plan under an {@link EnforceSingleRowNode}, cross joined (one row); correlated, the
 * {@link Decorrelator} turns its aggregation into one grouped by the correlation keys, which is left joined on
 * them (a missing group gives the aggregation's value over no rows: 0 for {@code count});</li>
 * <li>{@code EXISTS}: a {@link SemiJoinNode} marking each row, on the correlation's equalities, with the other
 * correlated conjuncts as its filter;</li>
 * <li>{@code IN} (and {@code = ANY}, {@code <> ALL}): a null-aware semi join on the value.</li>
 * </ul>
 * The clause's expression then reads the joined value or mark where the subquery was.
 */
final class SubqueryPlanner
{
    /** Plans a bound relation whose correlated references resolve to {@code outer} (absent: not available there). */
    interface RelationPlanning
    {
        LogicalPlanner.RelationPlan plan(BoundRelation relation, List<Optional<Symbol>> outer);
    }

    /** The clause's relation with the subqueries joined, and the expression standing for each subquery id. */
    record Applied(PlanNode root, Map<Integer, RowExpression> values)
    {
    }

    private final List<BoundSubquery> subqueries;
    private final SymbolAllocator symbolAllocator;
    private final PlanNodeIdAllocator idAllocator;
    private final RelationPlanning relationPlanning;
    private final BiFunction<RowExpression, List<Symbol>, RowExpression> translator;

    SubqueryPlanner(List<BoundSubquery> subqueries, SymbolAllocator symbolAllocator, PlanNodeIdAllocator idAllocator, RelationPlanning relationPlanning,
            BiFunction<RowExpression, List<Symbol>, RowExpression> translator)
    {
        this.subqueries = List.copyOf(requireNonNull(subqueries, "subqueries is null"));
        this.symbolAllocator = requireNonNull(symbolAllocator, "symbolAllocator is null");
        this.idAllocator = requireNonNull(idAllocator, "idAllocator is null");
        this.relationPlanning = requireNonNull(relationPlanning, "relationPlanning is null");
        this.translator = requireNonNull(translator, "translator is null");
    }

    /**
     * Joins to {@code root} the subqueries of {@code expressions}, which are over {@code fields}; correlated
     * references in the subqueries resolve to {@code outer}.
     */
    Applied apply(PlanNode root, List<Symbol> fields, List<Optional<Symbol>> outer, List<RowExpression> expressions)
    {
        Map<Integer, RowExpression> values = new LinkedHashMap<>();
        PlanNode current = root;
        for (RowExpression expression : expressions) {
            current = applyAll(current, fields, outer, expression, values);
        }
        return new Applied(current, values);
    }

    private PlanNode applyAll(PlanNode root, List<Symbol> fields, List<Optional<Symbol>> outer, RowExpression expression, Map<Integer, RowExpression> values)
    {
        if (expression instanceof SubqueryReference reference) {
            if (values.containsKey(reference.id())) {
                return root;
            }
            BoundSubquery subquery = subqueries.get(reference.id());
            PlanNode current = root;
            if (subquery.value().isPresent()) {
                current = applyAll(current, fields, outer, subquery.value().get(), values);
            }
            return applyOne(current, fields, outer, subquery, reference.id(), values);
        }
        PlanNode current = root;
        for (RowExpression child : expression.children()) {
            current = applyAll(current, fields, outer, child, values);
        }
        return current;
    }

    /** The expression over {@code fields} with the subqueries replaced by their values. */
    RowExpression translate(RowExpression expression, List<Symbol> fields, Map<Integer, RowExpression> values)
    {
        RowExpression replaced = Expressions.rewriteBottomUp(expression, node -> {
            if (node instanceof SubqueryReference reference) {
                return requireNonNull(values.get(reference.id()), () -> "subquery " + reference.id() + " was not planned");
            }
            return node;
        });
        return translator.apply(replaced, fields);
    }

    private PlanNode applyOne(PlanNode root, List<Symbol> fields, List<Optional<Symbol>> outer, BoundSubquery subquery, int id, Map<Integer, RowExpression> values)
    {
        LogicalPlanner.RelationPlan plan = relationPlanning.plan(subquery.relation(), outer);
        Set<Symbol> outerSymbols = new HashSet<>();
        outer.forEach(symbol -> symbol.ifPresent(outerSymbols::add));
        boolean correlated = PlanSymbols.readsAny(plan.root(), outerSymbols);
        switch (subquery.kind()) {
            case SCALAR:
                return correlated ? correlatedScalar(root, plan, outerSymbols, id, values) : uncorrelatedScalar(root, plan, id, values);
            case EXISTS:
                return exists(root, plan, outerSymbols, correlated, id, values);
            case IN:
                if (correlated) {
                    return correlatedIn(root, fields, outer, plan, subquery, outerSymbols, false, id, values);
                }
                return in(root, fields, plan, subquery, correlated, false, id, values);
            case ANY:
            case ALL:
                OperatorType comparison = subquery.comparison().orElseThrow();
                if ((subquery.kind() == BoundSubquery.Kind.ANY && comparison == OperatorType.EQUAL)
                        || (subquery.kind() == BoundSubquery.Kind.ALL && comparison == OperatorType.NOT_EQUAL)) {
                    boolean negated = subquery.kind() == BoundSubquery.Kind.ALL;
                    if (correlated) {
                        return correlatedIn(root, fields, outer, plan, subquery, outerSymbols, negated, id, values);
                    }
                    return in(root, fields, plan, subquery, correlated, negated, id, values);
                }
                return quantified(root, fields, plan, subquery, correlated, id, values);
        }
        throw new IllegalArgumentException("unknown subquery kind " + subquery.kind());
    }

    private PlanNode uncorrelatedScalar(PlanNode root, LogicalPlanner.RelationPlan plan, int id, Map<Integer, RowExpression> values)
    {
        PlanNode single = new EnforceSingleRowNode(idAllocator.nextId(), project(plan.root(), plan.fields()));
        values.put(id, new SymbolReference(plan.fields().get(0)));
        return new JoinNode(idAllocator.nextId(), JoinNode.Type.INNER, root, single, List.of(), Optional.empty());
    }

    private PlanNode correlatedScalar(PlanNode root, LogicalPlanner.RelationPlan plan, Set<Symbol> outerSymbols, int id, Map<Integer, RowExpression> values)
    {
        Decorrelator.Result decorrelated = new Decorrelator(outerSymbols, symbolAllocator, idAllocator).decorrelate(plan.root());
        if (decorrelated.groupedAggregation().isEmpty()) {
            // no aggregation makes the value unique: the join checks that each row finds at most one
            Joined joined = equiJoin(root, decorrelated, outerSymbols);
            Optional<RowExpression> filter = joined.rest().isEmpty() ? Optional.empty() : Optional.of(Expressions.and(joined.rest()));
            values.put(id, new SymbolReference(plan.fields().get(0)));
            return new JoinNode(idAllocator.nextId(), JoinNode.Type.LEFT, joined.outer(), joined.inner(), joined.criteria(), filter, true);
        }
        Joined joined = equiJoin(root, decorrelated, outerSymbols);
        if (!joined.rest().isEmpty()) {
            throw new StrataException(ErrorCode.UNSUPPORTED_SUBQUERY, "Correlated scalar subqueries are supported with equality correlations only");
        }
        Symbol value = plan.fields().get(0);
        PlanNode inner = joined.inner();
        RowExpression result = new SymbolReference(value);
        Optional<RowExpression> emptyValue = valueOverNoRows(plan.root(), value);
        if (emptyValue.isPresent()) {
            // a missing group is the aggregation over no rows, whose value is not null (count gives 0)
            Symbol marker = symbolAllocator.newSymbol("present", BOOLEAN);
            List<Assignment> assignments = identity(inner.outputSymbols());
            assignments.add(new Assignment(marker, Expressions.TRUE));
            inner = new ProjectNode(idAllocator.nextId(), inner, assignments);
            RowExpression missing = new SpecialForm(Form.IS_NULL, List.of(new SymbolReference(marker)), BOOLEAN);
            result = new SpecialForm(Form.IF, List.of(missing, emptyValue.get(), result), value.type());
        }
        values.put(id, result);
        return new JoinNode(idAllocator.nextId(), JoinNode.Type.LEFT, joined.outer(), inner, joined.criteria(), Optional.empty());
    }

    /**
     * The scalar subquery's value over no rows, when it is not null: the subquery's projections over its
     * aggregation, with {@code count} as 0. Empty for any other shape, or when the value is null anyway.
     */
    private static Optional<RowExpression> valueOverNoRows(PlanNode subqueryRoot, Symbol value)
    {
        RowExpression expression = new SymbolReference(value);
        PlanNode node = subqueryRoot;
        while (node instanceof ProjectNode project) {
            Map<Symbol, RowExpression> assignments = new HashMap<>();
            project.assignments().forEach(assignment -> assignments.put(assignment.symbol(), assignment.expression()));
            expression = Expressions.replaceSymbols(expression, assignments);
            node = project.source();
        }
        if (!(node instanceof AggregationNode aggregation) || !aggregation.groupingKeys().isEmpty()) {
            return Optional.empty();
        }
        Map<Symbol, RowExpression> empty = new HashMap<>();
        boolean nonNull = false;
        for (Aggregation aggregate : aggregation.aggregations()) {
            boolean counts = aggregate.functionName().equals("count") || aggregate.functionName().equals("count_if")
                    || aggregate.functionName().equals("approx_distinct");
            nonNull |= counts;
            empty.put(aggregate.output(), counts ? new Constant(0L, BIGINT) : Constant.nullConstant(aggregate.type()));
        }
        RowExpression result = Expressions.replaceSymbols(expression, empty);
        if (!nonNull || !Expressions.symbolsReferenced(result).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(result);
    }

    private PlanNode exists(PlanNode root, LogicalPlanner.RelationPlan plan, Set<Symbol> outerSymbols, boolean correlated, int id, Map<Integer, RowExpression> values)
    {
        Symbol mark = symbolAllocator.newSymbol("exists", BOOLEAN);
        values.put(id, new SymbolReference(mark));
        if (!correlated) {
            // one row is enough to know
            PlanNode oneRow = new LimitNode(idAllocator.nextId(), plan.root(), 1);
            return new SemiJoinNode(idAllocator.nextId(), root, oneRow, List.of(), Optional.empty(), mark, false);
        }
        Decorrelator.Result decorrelated = new Decorrelator(outerSymbols, symbolAllocator, idAllocator).decorrelate(plan.root());
        if (decorrelated.groupedAggregation().isPresent()) {
            throw new StrataException(ErrorCode.UNSUPPORTED_SUBQUERY, "Correlated EXISTS over a global aggregation is not supported");
        }
        Joined joined = equiJoin(root, decorrelated, outerSymbols);
        Optional<RowExpression> filter = joined.rest().isEmpty() ? Optional.empty() : Optional.of(Expressions.and(joined.rest()));
        return new SemiJoinNode(idAllocator.nextId(), joined.outer(), joined.inner(), joined.criteria(), filter, mark, false);
    }

    private PlanNode in(PlanNode root, List<Symbol> fields, LogicalPlanner.RelationPlan plan, BoundSubquery subquery, boolean correlated, boolean negated, int id,
            Map<Integer, RowExpression> values)
    {
        if (correlated) {
            throw new StrataException(ErrorCode.UNSUPPORTED_SUBQUERY, "Correlated IN subqueries are not supported yet");
        }
        RowExpression value = translate(subquery.value().orElseThrow(), fields, values);
        Symbol valueSymbol;
        PlanNode outer = root;
        if (value instanceof SymbolReference reference) {
            valueSymbol = reference.symbol();
        }
        else {
            valueSymbol = symbolAllocator.newSymbol("expr", value.type());
            List<Assignment> assignments = identity(root.outputSymbols());
            assignments.add(new Assignment(valueSymbol, value));
            outer = new ProjectNode(idAllocator.nextId(), root, assignments);
        }
        Symbol mark = symbolAllocator.newSymbol("in", BOOLEAN);
        RowExpression markValue = new SymbolReference(mark);
        values.put(id, negated ? new Call(FunctionNames.NOT, List.of(markValue), BOOLEAN) : markValue);
        Symbol field = plan.fields().get(0);
        // the semi join needs each value once: a build side of distinct values keeps its chains short
        PlanNode distinct = new AggregationNode(idAllocator.nextId(), project(plan.root(), List.of(field)), List.of(field), List.of());
        return new SemiJoinNode(idAllocator.nextId(), outer, distinct, List.of(new EquiJoinClause(valueSymbol, field)), Optional.empty(), mark, true);
    }

    /**
     * {@code value op ALL|ANY (subquery)} from the subquery's minimum, maximum and counts of rows and of non-null
     * values (one row, cross joined), in SQL's three-valued logic:
     * <pre>
     * ALL: CASE WHEN rows = 0 THEN true  WHEN NOT c THEN false WHEN nonNull &lt; rows THEN null ELSE c END
     * ANY: CASE WHEN rows = 0 THEN false WHEN c THEN true      WHEN nonNull &lt; rows THEN null ELSE c END
     * </pre>
     * where {@code c} compares the value with the bound that decides ({@code x < ALL} with the minimum,
     * {@code x < ANY} with the maximum; {@code = ALL} and {@code <> ANY} with both).
     */
    private PlanNode quantified(PlanNode root, List<Symbol> fields, LogicalPlanner.RelationPlan plan, BoundSubquery subquery, boolean correlated, int id,
            Map<Integer, RowExpression> values)
    {
        if (correlated) {
            throw new StrataException(ErrorCode.UNSUPPORTED_SUBQUERY, "Correlated quantified comparisons are not supported yet");
        }
        RowExpression value = translate(subquery.value().orElseThrow(), fields, values);
        Symbol field = plan.fields().get(0);
        Symbol min = symbolAllocator.newSymbol("min", field.type());
        Symbol max = symbolAllocator.newSymbol("max", field.type());
        Symbol rows = symbolAllocator.newSymbol("rows", BIGINT);
        Symbol nonNull = symbolAllocator.newSymbol("non_null", BIGINT);
        AggregationNode bounds = new AggregationNode(idAllocator.nextId(), project(plan.root(), List.of(field)), List.of(), List.of(
                new Aggregation(min, "min", List.of(field), false, Optional.empty()),
                new Aggregation(max, "max", List.of(field), false, Optional.empty()),
                new Aggregation(rows, "count", List.of(), false, Optional.empty()),
                new Aggregation(nonNull, "count", List.of(field), false, Optional.empty())));

        boolean all = subquery.kind() == BoundSubquery.Kind.ALL;
        OperatorType operator = subquery.comparison().orElseThrow();
        RowExpression comparison = switch (operator) {
            case LESS_THAN, LESS_THAN_OR_EQUAL -> compare(operator, value, new SymbolReference(all ? min : max));
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> compare(operator, value, new SymbolReference(all ? max : min));
            case EQUAL, NOT_EQUAL -> {
                // = ALL: equal to both bounds; <> ANY: different from one of them
                RowExpression equalBoth = new SpecialForm(Form.AND, List.of(compare(OperatorType.EQUAL, value, new SymbolReference(min)),
                        compare(OperatorType.EQUAL, value, new SymbolReference(max))), BOOLEAN);
                yield operator == OperatorType.EQUAL ? equalBoth : not(equalBoth);
            }
            default -> throw new StrataException(ErrorCode.NOT_SUPPORTED, operator + " cannot be quantified");
        };
        RowExpression empty = new Call(FunctionNames.EQUAL, List.of(new SymbolReference(rows), new Constant(0L, BIGINT)), BOOLEAN);
        RowExpression hasNulls = new Call(FunctionNames.LESS_THAN, List.of(new SymbolReference(nonNull), new SymbolReference(rows)), BOOLEAN);
        RowExpression result = new SpecialForm(Form.SWITCH, List.of(
                empty, all ? Expressions.TRUE : Expressions.FALSE,
                all ? not(comparison) : comparison, all ? Expressions.FALSE : Expressions.TRUE,
                hasNulls, Constant.nullConstant(BOOLEAN),
                comparison), BOOLEAN);
        values.put(id, result);
        return new JoinNode(idAllocator.nextId(), JoinNode.Type.INNER, root, bounds, List.of(), Optional.empty());
    }

    private static RowExpression compare(OperatorType operator, RowExpression left, RowExpression right)
    {
        return new Call(operator.functionName(), List.of(left, right), BOOLEAN);
    }

    private static RowExpression not(RowExpression value)
    {
        return new Call(FunctionNames.NOT, List.of(value), BOOLEAN);
    }

    /**
     * A correlated {@code value IN (subquery)}, from three semi joins over the rows the correlation selects
     * for each outer row: whether one equals the value ({@code match}), whether one is null ({@code null}),
     * whether there is any ({@code any}):
     * <pre>
     * CASE WHEN match THEN true WHEN NOT any THEN false WHEN value IS NULL OR null THEN null ELSE false END
     * </pre>
     */
    private PlanNode correlatedIn(PlanNode root, List<Symbol> fields, List<Optional<Symbol>> outer, LogicalPlanner.RelationPlan plan, BoundSubquery subquery,
            Set<Symbol> outerSymbols, boolean negated, int id, Map<Integer, RowExpression> values)
    {
        RowExpression value = translate(subquery.value().orElseThrow(), fields, values);
        Symbol valueSymbol = symbolAllocator.newSymbol("expr", value.type());
        List<Assignment> assignments = identity(root.outputSymbols());
        assignments.add(new Assignment(valueSymbol, value));
        PlanNode current = new ProjectNode(idAllocator.nextId(), root, assignments);

        Symbol match = symbolAllocator.newSymbol("in_match", BOOLEAN);
        current = correlatedSemiJoin(current, plan, outerSymbols, match, field -> List.of(new EquiJoinClause(valueSymbol, field)), field -> Optional.empty());
        Symbol nullFound = symbolAllocator.newSymbol("in_null", BOOLEAN);
        current = correlatedSemiJoin(current, relationPlanning.plan(subquery.relation(), outer), outerSymbols, nullFound, field -> List.of(),
                field -> Optional.of(new SpecialForm(Form.IS_NULL, List.of(new SymbolReference(field)), BOOLEAN)));
        Symbol any = symbolAllocator.newSymbol("in_any", BOOLEAN);
        current = correlatedSemiJoin(current, relationPlanning.plan(subquery.relation(), outer), outerSymbols, any, field -> List.of(), field -> Optional.empty());

        RowExpression unknown = new SpecialForm(Form.OR, List.of(new SpecialForm(Form.IS_NULL, List.of(new SymbolReference(valueSymbol)), BOOLEAN),
                new SymbolReference(nullFound)), BOOLEAN);
        RowExpression result = new SpecialForm(Form.SWITCH, List.of(
                new SymbolReference(match), Expressions.TRUE,
                not(new SymbolReference(any)), Expressions.FALSE,
                unknown, Constant.nullConstant(BOOLEAN),
                Expressions.FALSE), BOOLEAN);
        values.put(id, negated ? not(result) : result);
        return current;
    }

    /** A semi join of the decorrelated subquery on its correlation, plus the criteria and filter made from its field. */
    private PlanNode correlatedSemiJoin(PlanNode root, LogicalPlanner.RelationPlan plan, Set<Symbol> outerSymbols, Symbol mark,
            Function<Symbol, List<EquiJoinClause>> extraCriteria, Function<Symbol, Optional<RowExpression>> extraFilter)
    {
        Decorrelator.Result decorrelated = new Decorrelator(outerSymbols, symbolAllocator, idAllocator).decorrelate(plan.root());
        if (decorrelated.groupedAggregation().isPresent()) {
            throw new StrataException(ErrorCode.UNSUPPORTED_SUBQUERY, "Correlated IN over a global aggregation is not supported");
        }
        Symbol field = plan.fields().get(0);
        Decorrelator.Result withField = new Decorrelator.Result(passField(decorrelated.node(), field), decorrelated.conjuncts(), Optional.empty());
        Joined joined = equiJoin(root, withField, outerSymbols);
        List<EquiJoinClause> criteria = new ArrayList<>(joined.criteria());
        criteria.addAll(extraCriteria.apply(field));
        List<RowExpression> filter = new ArrayList<>(joined.rest());
        extraFilter.apply(field).ifPresent(filter::add);
        return new SemiJoinNode(idAllocator.nextId(), joined.outer(), joined.inner(), criteria, filter.isEmpty() ? Optional.empty() : Optional.of(Expressions.and(filter)),
                mark, false);
    }

    /** The decorrelated node, which may have lost the subquery's field in a projection: passes it on. */
    private static PlanNode passField(PlanNode node, Symbol field)
    {
        if (!node.outputSymbols().contains(field)) {
            throw new StrataException(ErrorCode.UNSUPPORTED_SUBQUERY, "Given correlated subquery is not supported");
        }
        return node;
    }

    /** The outer relation and the decorrelated subquery, ready for a join on the correlation's equalities. */
    private record Joined(PlanNode outer, PlanNode inner, List<EquiJoinClause> criteria, List<RowExpression> rest)
    {
    }

    /**
     * Splits the correlated conjuncts into equalities between an outer and an inner expression (each computed into
     * a symbol of its side when it is not one) and the rest.
     */
    private Joined equiJoin(PlanNode root, Decorrelator.Result decorrelated, Set<Symbol> outerSymbols)
    {
        List<Assignment> outerAssignments = identity(root.outputSymbols());
        List<Assignment> innerAssignments = identity(decorrelated.node().outputSymbols());
        int outerIdentities = outerAssignments.size();
        int innerIdentities = innerAssignments.size();
        List<EquiJoinClause> criteria = new ArrayList<>();
        List<RowExpression> rest = new ArrayList<>();
        for (RowExpression conjunct : decorrelated.conjuncts()) {
            Optional<Decorrelator.Equality> equality = Decorrelator.equality(conjunct, outerSymbols);
            if (equality.isEmpty()) {
                rest.add(conjunct);
                continue;
            }
            Symbol outerSymbol = symbolFor(equality.get().outer(), outerAssignments);
            Symbol innerSymbol = symbolFor(equality.get().inner(), innerAssignments);
            criteria.add(new EquiJoinClause(outerSymbol, innerSymbol));
        }
        PlanNode outer = outerAssignments.size() == outerIdentities ? root : new ProjectNode(idAllocator.nextId(), root, outerAssignments);
        PlanNode inner = innerAssignments.size() == innerIdentities ? decorrelated.node() : new ProjectNode(idAllocator.nextId(), decorrelated.node(), innerAssignments);
        return new Joined(outer, inner, criteria, rest);
    }

    private Symbol symbolFor(RowExpression expression, List<Assignment> assignments)
    {
        if (expression instanceof SymbolReference reference) {
            return reference.symbol();
        }
        Symbol symbol = symbolAllocator.newSymbol("expr", expression.type());
        assignments.add(new Assignment(symbol, expression));
        return symbol;
    }

    /** The plan narrowed to {@code symbols} (dropping hidden sort keys and the like). */
    private PlanNode project(PlanNode node, List<Symbol> symbols)
    {
        List<Symbol> distinct = List.copyOf(new LinkedHashSet<>(symbols));
        if (node.outputSymbols().equals(distinct)) {
            return node;
        }
        return new ProjectNode(idAllocator.nextId(), node, identity(distinct));
    }

    static List<Assignment> identity(List<Symbol> symbols)
    {
        List<Assignment> assignments = new ArrayList<>();
        for (Symbol symbol : symbols) {
            assignments.add(new Assignment(symbol, new SymbolReference(symbol)));
        }
        return assignments;
    }
}

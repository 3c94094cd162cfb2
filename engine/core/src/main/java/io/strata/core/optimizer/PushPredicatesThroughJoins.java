package io.strata.core.optimizer;

import io.strata.core.expression.Call;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SymbolReference;
import io.strata.core.planner.Expressions;
import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.SemiJoinNode;
import io.strata.core.planner.plan.SortNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.planner.plan.UnionNode;
import io.strata.core.planner.plan.ValuesNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.strata.spi.type.BooleanType.BOOLEAN;

/**
 * Predicate pushdown through projections, joins, semi joins, aggregations and unions, which also turns the
 * cross joins of comma-separated FROM lists into equi-joins:
 * <pre>
 * - Filter[c_custkey = o_custkey AND o_orderdate &lt; d AND c_mktsegment = 'X']       - InnerJoin[c_custkey = o_custkey]
 *     - InnerJoin[]                                                       =&gt;         - Filter[c_mktsegment = 'X']
 *         - TableScan[customer]                                                          - TableScan[customer]
 *         - TableScan[orders]                                                        - Filter[o_orderdate &lt; d]
 *                                                                                        - TableScan[orders]
 * </pre>
 * A conjunct goes to the side whose symbols it reads; one reading both sides of an inner join becomes the
 * join's criterion when it is an equality of an expression of each side (computed into a symbol by a projection
 * when it is not one, cast to a common type when the types differ), else part of the join's filter. Across the
 * equality of two join keys, a conjunct on one key is inferred for the other ({@code a = b AND a = 5} gives
 * {@code b = 5}), so both sides are filtered. Outer joins keep what would change their nulls: only conjuncts on the
 * preserved side pass them from above, and only ON conjuncts on the other side go into that side.
 */
public final class PushPredicatesThroughJoins
        implements PlanOptimizer
{
    @Override
    public String name()
    {
        return "push-predicates-through-joins";
    }

    @Override
    public PlanNode optimize(PlanNode plan, OptimizerContext context)
    {
        return plan.accept(new Rewriter(context), List.of());
    }

    private static final class Rewriter
            extends PlanRewriter<List<RowExpression>>
    {
        private final OptimizerContext context;

        Rewriter(OptimizerContext context)
        {
            this.context = context;
        }

        /** The node with its sources rewritten with nothing pushed into them, under a filter of the conjuncts. */
        private PlanNode stop(PlanNode node, List<RowExpression> conjuncts)
        {
            List<PlanNode> sources = new ArrayList<>();
            for (PlanNode source : node.sources()) {
                sources.add(source.accept(this, List.of()));
            }
            PlanNode rewritten = sources.isEmpty() ? node : node.replaceChildren(sources);
            return filter(rewritten, conjuncts);
        }

        private PlanNode filter(PlanNode node, List<RowExpression> conjuncts)
        {
            List<RowExpression> distinct = List.copyOf(new LinkedHashSet<>(conjuncts));
            if (distinct.isEmpty()) {
                return node;
            }
            return new FilterNode(context.idAllocator().nextId(), node, Expressions.and(distinct));
        }

        @Override
        protected PlanNode rewriteSources(PlanNode node, List<RowExpression> conjuncts)
        {
            return stop(node, conjuncts);
        }

        @Override
        public PlanNode visitTableScan(TableScanNode node, List<RowExpression> conjuncts)
        {
            return filter(node, conjuncts);
        }

        @Override
        public PlanNode visitValues(ValuesNode node, List<RowExpression> conjuncts)
        {
            return filter(node, conjuncts);
        }

        @Override
        public PlanNode visitFilter(FilterNode node, List<RowExpression> conjuncts)
        {
            // this filter's own conjuncts first: a conjunct from above may only be safe on the rows they keep
            List<RowExpression> combined = new ArrayList<>();
            for (RowExpression conjunct : Expressions.conjuncts(node.predicate())) {
                combined.addAll(factorDisjunction(conjunct));
            }
            combined.addAll(conjuncts);
            return node.source().accept(this, combined);
        }

        @Override
        public PlanNode visitProject(ProjectNode node, List<RowExpression> conjuncts)
        {
            Map<Symbol, RowExpression> assignments = new HashMap<>();
            node.assignments().forEach(assignment -> assignments.put(assignment.symbol(), assignment.expression()));
            List<RowExpression> pushed = new ArrayList<>();
            for (RowExpression conjunct : conjuncts) {
                pushed.add(Expressions.replaceSymbols(conjunct, assignments));
            }
            return new ProjectNode(node.id(), node.source().accept(this, pushed), node.assignments());
        }

        @Override
        public PlanNode visitSort(SortNode node, List<RowExpression> conjuncts)
        {
            return node.replaceChildren(List.of(node.source().accept(this, conjuncts)));
        }

        @Override
        public PlanNode visitAggregation(AggregationNode node, List<RowExpression> conjuncts)
        {
            if (node.groupingKeys().isEmpty()) {
                return stop(node, conjuncts);
            }
            Set<Symbol> keys = new HashSet<>(node.groupingKeys());
            List<RowExpression> pushed = new ArrayList<>();
            List<RowExpression> kept = new ArrayList<>();
            for (RowExpression conjunct : conjuncts) {
                (keys.containsAll(Expressions.symbolsReferenced(conjunct)) ? pushed : kept).add(conjunct);
            }
            return filter(node.replaceChildren(List.of(node.source().accept(this, pushed))), kept);
        }

        @Override
        public PlanNode visitUnion(UnionNode node, List<RowExpression> conjuncts)
        {
            List<PlanNode> sources = new ArrayList<>();
            for (int k = 0; k < node.sources().size(); k++) {
                Map<Symbol, RowExpression> mapping = new HashMap<>();
                for (int i = 0; i < node.outputs().size(); i++) {
                    mapping.put(node.outputs().get(i), new SymbolReference(node.inputs().get(k).get(i)));
                }
                List<RowExpression> pushed = conjuncts.stream().map(conjunct -> Expressions.replaceSymbols(conjunct, mapping)).toList();
                sources.add(node.sources().get(k).accept(this, pushed));
            }
            return new UnionNode(node.id(), sources, node.outputs(), node.inputs());
        }

        @Override
        public PlanNode visitSemiJoin(SemiJoinNode node, List<RowExpression> conjuncts)
        {
            Optional<PlanNode> intoJoinSide = pushIntoJoinSide(node);
            if (intoJoinSide.isPresent()) {
                return intoJoinSide.get().accept(this, conjuncts);
            }
            Set<Symbol> sourceSymbols = new HashSet<>(node.source().outputSymbols());
            List<RowExpression> pushed = new ArrayList<>();
            List<RowExpression> kept = new ArrayList<>();
            for (RowExpression conjunct : conjuncts) {
                (sourceSymbols.containsAll(Expressions.symbolsReferenced(conjunct)) ? pushed : kept).add(conjunct);
            }
            Set<Symbol> filteringSymbols = new HashSet<>(node.filteringSource().outputSymbols());
            List<RowExpression> filteringPushed = new ArrayList<>();
            List<RowExpression> filterKept = new ArrayList<>();
            node.filter().ifPresent(filter -> {
                for (RowExpression conjunct : Expressions.conjuncts(filter)) {
                    (filteringSymbols.containsAll(Expressions.symbolsReferenced(conjunct)) ? filteringPushed : filterKept).add(conjunct);
                }
            });
            Optional<RowExpression> filter = filterKept.isEmpty() ? Optional.empty() : Optional.of(Expressions.and(filterKept));
            SemiJoinNode rewritten = new SemiJoinNode(node.id(), node.source().accept(this, pushed), node.filteringSource().accept(this, filteringPushed),
                    node.criteria(), filter, node.output(), node.nullAware());
            return filter(rewritten, kept);
        }

        /**
         * A semi join over an inner join (possibly through a projection that passes the symbols it reads) whose
         * source-side symbols all come from one side of the join: the mark depends on each row of that side alone,
         * so the semi join moves into that side, where a filter on its mark (TPC-H Q18's {@code o_orderkey IN (...)})
         * then cuts the rows before the join rather than after it.
         */
        private Optional<PlanNode> pushIntoJoinSide(SemiJoinNode node)
        {
            Optional<ProjectNode> project = node.source() instanceof ProjectNode projectNode ? Optional.of(projectNode) : Optional.empty();
            PlanNode below = project.map(ProjectNode::source).orElse(node.source());
            if (!(below instanceof JoinNode join) || join.type() != JoinNode.Type.INNER) {
                return Optional.empty();
            }
            Set<Symbol> read = new HashSet<>();
            node.criteria().forEach(clause -> read.add(clause.left()));
            Set<Symbol> sourceSymbols = new HashSet<>(node.source().outputSymbols());
            node.filter().ifPresent(filter -> Expressions.symbolsReferenced(filter).stream().filter(sourceSymbols::contains).forEach(read::add));
            if (project.isPresent()) {
                for (Assignment assignment : project.get().assignments()) {
                    boolean identity = assignment.expression() instanceof SymbolReference reference && reference.symbol().equals(assignment.symbol());
                    if (read.contains(assignment.symbol()) && !identity) {
                        return Optional.empty();
                    }
                }
            }
            boolean left = join.left().outputSymbols().containsAll(read);
            if (!left && !join.right().outputSymbols().containsAll(read)) {
                return Optional.empty();
            }
            PlanNode side = left ? join.left() : join.right();
            SemiJoinNode pushed = new SemiJoinNode(node.id(), side, node.filteringSource(), node.criteria(), node.filter(), node.output(), node.nullAware());
            PlanNode newJoin = join.replaceChildren(left ? List.of(pushed, join.right()) : List.of(join.left(), pushed));
            if (project.isEmpty()) {
                return Optional.of(newJoin);
            }
            List<Assignment> assignments = new ArrayList<>(project.get().assignments());
            assignments.add(new Assignment(node.output(), new SymbolReference(node.output())));
            return Optional.of(new ProjectNode(project.get().id(), newJoin, assignments));
        }

        @Override
        public PlanNode visitJoin(JoinNode node, List<RowExpression> conjuncts)
        {
            Set<Symbol> leftSymbols = new HashSet<>(node.left().outputSymbols());
            Set<Symbol> rightSymbols = new HashSet<>(node.right().outputSymbols());
            List<RowExpression> onConjuncts = new ArrayList<>();
            node.criteria().forEach(clause -> onConjuncts.add(equal(new SymbolReference(clause.left()), new SymbolReference(clause.right()))));
            node.filter().ifPresent(filter -> Expressions.conjuncts(filter).forEach(conjunct -> onConjuncts.addAll(factorDisjunction(conjunct))));

            List<RowExpression> leftPushed = new ArrayList<>();
            List<RowExpression> rightPushed = new ArrayList<>();
            List<RowExpression> joinConditions = new ArrayList<>();
            List<RowExpression> above = new ArrayList<>();
            switch (node.type()) {
                case INNER: {
                    List<RowExpression> all = new ArrayList<>(conjuncts);
                    all.addAll(onConjuncts);
                    all = withInferred(all, leftSymbols, rightSymbols);
                    all.addAll(impliedBySides(all, leftSymbols, rightSymbols));
                    for (RowExpression conjunct : all) {
                        Set<Symbol> symbols = Expressions.symbolsReferenced(conjunct);
                        if (leftSymbols.containsAll(symbols)) {
                            leftPushed.add(conjunct);
                        }
                        else if (rightSymbols.containsAll(symbols)) {
                            rightPushed.add(conjunct);
                        }
                        else {
                            joinConditions.add(conjunct);
                        }
                    }
                    break;
                }
                case LEFT:
                case RIGHT: {
                    Set<Symbol> preserved = node.type() == JoinNode.Type.LEFT ? leftSymbols : rightSymbols;
                    Set<Symbol> other = node.type() == JoinNode.Type.LEFT ? rightSymbols : leftSymbols;
                    List<RowExpression> preservedPushed = node.type() == JoinNode.Type.LEFT ? leftPushed : rightPushed;
                    List<RowExpression> otherPushed = node.type() == JoinNode.Type.LEFT ? rightPushed : leftPushed;
                    for (RowExpression conjunct : conjuncts) {
                        Set<Symbol> symbols = Expressions.symbolsReferenced(conjunct);
                        (preserved.containsAll(symbols) && !symbols.isEmpty() ? preservedPushed : above).add(conjunct);
                    }
                    for (RowExpression conjunct : onConjuncts) {
                        Set<Symbol> symbols = Expressions.symbolsReferenced(conjunct);
                        (other.containsAll(symbols) && !symbols.isEmpty() ? otherPushed : joinConditions).add(conjunct);
                    }
                    break;
                }
                case FULL:
                    above.addAll(conjuncts);
                    joinConditions.addAll(onConjuncts);
                    break;
            }
            PlanNode left = node.left().accept(this, leftPushed);
            PlanNode right = node.right().accept(this, rightPushed);
            return filter(EquiJoins.join(node.id(), node.type(), left, right, joinConditions, node.singleMatch(), context), above);
        }

        /**
         * The conjuncts, plus, for each equality of a left and a right symbol, the conjuncts on one of the two
         * symbols alone restated for the other.
         */
        private static List<RowExpression> withInferred(List<RowExpression> conjuncts, Set<Symbol> leftSymbols, Set<Symbol> rightSymbols)
        {
            Map<Symbol, Symbol> equalities = new HashMap<>();
            for (RowExpression conjunct : conjuncts) {
                if (conjunct instanceof Call call && call.functionName().equals(FunctionNames.EQUAL)
                        && call.arguments().get(0) instanceof SymbolReference first && call.arguments().get(1) instanceof SymbolReference second
                        && first.type().equals(second.type())) {
                    if (leftSymbols.contains(first.symbol()) && rightSymbols.contains(second.symbol())
                            || rightSymbols.contains(first.symbol()) && leftSymbols.contains(second.symbol())) {
                        equalities.putIfAbsent(first.symbol(), second.symbol());
                        equalities.putIfAbsent(second.symbol(), first.symbol());
                    }
                }
            }
            if (equalities.isEmpty()) {
                return conjuncts;
            }
            Set<RowExpression> result = new LinkedHashSet<>(conjuncts);
            for (RowExpression conjunct : conjuncts) {
                Set<Symbol> symbols = Expressions.symbolsReferenced(conjunct);
                if (symbols.size() != 1) {
                    continue;
                }
                Symbol symbol = symbols.iterator().next();
                Symbol other = equalities.get(symbol);
                if (other != null) {
                    result.add(Expressions.replaceSymbols(conjunct, Map.of(symbol, new SymbolReference(other))));
                }
            }
            return new ArrayList<>(result);
        }

        /**
         * For a disjunction over both sides, what it implies on each side alone: from {@code (n1 = 'FRANCE' AND
         * n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')} (TPC-H Q7) {@code n1 = 'FRANCE' OR n1 = 'GERMANY'}
         * for one side and the like for the other, so both sides are filtered before the join. The disjunction
         * itself stays a join condition; the implied conjuncts only drop rows it would drop too.
         */
        private static List<RowExpression> impliedBySides(List<RowExpression> conjuncts, Set<Symbol> leftSymbols, Set<Symbol> rightSymbols)
        {
            List<RowExpression> implied = new ArrayList<>();
            for (RowExpression conjunct : conjuncts) {
                if (!(conjunct instanceof SpecialForm or) || or.form() != SpecialForm.Form.OR || !Expressions.isDeterministic(conjunct)) {
                    continue;
                }
                Set<Symbol> symbols = Expressions.symbolsReferenced(conjunct);
                if (leftSymbols.containsAll(symbols) || rightSymbols.containsAll(symbols)) {
                    continue;
                }
                impliedOn(or, leftSymbols).ifPresent(implied::add);
                impliedOn(or, rightSymbols).ifPresent(implied::add);
            }
            return implied;
        }

        /** The disjunction of each disjunct's conjuncts on {@code side} alone, if every disjunct has some. */
        private static Optional<RowExpression> impliedOn(SpecialForm or, Set<Symbol> side)
        {
            List<RowExpression> disjuncts = new ArrayList<>();
            for (RowExpression disjunct : or.arguments()) {
                List<RowExpression> onSide = new ArrayList<>();
                for (RowExpression term : Expressions.conjuncts(disjunct)) {
                    Set<Symbol> symbols = Expressions.symbolsReferenced(term);
                    if (!symbols.isEmpty() && side.containsAll(symbols)) {
                        onSide.add(term);
                    }
                }
                if (onSide.isEmpty()) {
                    return Optional.empty();
                }
                disjuncts.add(Expressions.and(onSide));
            }
            return Optional.of(new SpecialForm(SpecialForm.Form.OR, disjuncts, BOOLEAN));
        }

        /**
         * {@code (a AND b) OR (a AND c)} as {@code a} and {@code b OR c}: a conjunct common to every disjunct
         * (TPC-H Q19's join condition) can then be pushed and become a join criterion.
         */
        private static List<RowExpression> factorDisjunction(RowExpression conjunct)
        {
            if (!(conjunct instanceof SpecialForm or) || or.form() != SpecialForm.Form.OR) {
                return List.of(conjunct);
            }
            List<List<RowExpression>> disjuncts = or.arguments().stream().map(Expressions::conjuncts).toList();
            List<RowExpression> common = new ArrayList<>();
            for (RowExpression candidate : disjuncts.get(0)) {
                if (!common.contains(candidate) && disjuncts.stream().allMatch(disjunct -> disjunct.contains(candidate))) {
                    common.add(candidate);
                }
            }
            if (common.isEmpty()) {
                return List.of(conjunct);
            }
            List<RowExpression> remaining = new ArrayList<>();
            for (List<RowExpression> disjunct : disjuncts) {
                List<RowExpression> rest = disjunct.stream().filter(term -> !common.contains(term)).toList();
                if (rest.isEmpty()) {
                    // one disjunct is just the common part: the disjunction adds nothing to it
                    return common;
                }
                remaining.add(Expressions.and(rest));
            }
            List<RowExpression> result = new ArrayList<>(common);
            result.add(new SpecialForm(SpecialForm.Form.OR, remaining, BOOLEAN));
            return result;
        }

        private static RowExpression equal(RowExpression left, RowExpression right)
        {
            return new Call(FunctionNames.EQUAL, List.of(left, right), BOOLEAN);
        }
    }
}

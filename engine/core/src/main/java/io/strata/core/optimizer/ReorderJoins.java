package io.strata.core.optimizer;

import io.strata.core.expression.Call;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.planner.Expressions;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders each tree of inner joins and picks each join's build side from row-count estimates
 * ({@link RowCountEstimator}, fed by the connectors' table statistics). The largest relation comes first (it
 * will be probed); then, greedily, the connected relation that filters most (see {@link #next}); a relation no join
 * condition connects to the ones joined so far waits until one does, so that
 * {@code FROM part, supplier, lineitem WHERE p_partkey = l_partkey AND s_suppkey = l_suppkey} joins part to
 * lineitem first instead of making their cross product. Each join's conditions are those whose symbols its two
 * sides produce. The smaller side of each join is then its build side:
 * <pre>
 * - InnerJoin[]                                          - InnerJoin[s_suppkey = l_suppkey]
 *     filter: p_partkey = l_partkey AND s_suppkey = l_suppkey   - InnerJoin[l_partkey = p_partkey]
 *     - InnerJoin[]                              =&gt;               - TableScan[lineitem]   (probe)
 *         - TableScan[part]                                         - TableScan[part]       (build)
 *         - TableScan[supplier]                                 - TableScan[supplier]
 *     - TableScan[lineitem]
 * </pre>
 * A projection on top keeps the tree's output in its original order.
 */
public final class ReorderJoins
        implements PlanOptimizer
{
    @Override
    public String name()
    {
        return "reorder-joins";
    }

    @Override
    public PlanNode optimize(PlanNode plan, OptimizerContext context)
    {
        return plan.accept(new Rewriter(context), null);
    }

    private static final class Rewriter
            extends PlanRewriter<Void>
    {
        private final OptimizerContext context;

        Rewriter(OptimizerContext context)
        {
            this.context = context;
        }

        @Override
        public PlanNode visitJoin(JoinNode node, Void unused)
        {
            if (node.type() != JoinNode.Type.INNER) {
                PlanNode rewritten = rewriteSources(node, unused);
                return chooseBuildSide((JoinNode) rewritten);
            }
            List<PlanNode> leaves = new ArrayList<>();
            List<RowExpression> conditions = new ArrayList<>();
            flatten(node, leaves, conditions);
            List<PlanNode> rewrittenLeaves = new ArrayList<>();
            for (PlanNode leaf : leaves) {
                rewrittenLeaves.add(leaf.accept(this, unused));
            }
            PlanNode ordered = order(node, rewrittenLeaves, conditions);
            if (ordered.outputSymbols().equals(node.outputSymbols())) {
                return ordered;
            }
            return new ProjectNode(context.idAllocator().nextId(), ordered, EquiJoins.identity(node.outputSymbols()));
        }

        private static void flatten(PlanNode node, List<PlanNode> leaves, List<RowExpression> conditions)
        {
            if (node instanceof JoinNode join && join.type() == JoinNode.Type.INNER) {
                conditions.addAll(EquiJoins.conditions(join));
                flatten(join.left(), leaves, conditions);
                flatten(join.right(), leaves, conditions);
                return;
            }
            leaves.add(node);
        }

        private PlanNode order(JoinNode original, List<PlanNode> leaves, List<RowExpression> conditions)
        {
            List<PlanNode> remaining = new ArrayList<>(leaves);
            List<RowExpression> unplaced = new ArrayList<>(conditions);
            PlanNode current = remaining.remove(largest(remaining));
            Set<Symbol> available = new HashSet<>(current.outputSymbols());
            while (!remaining.isEmpty()) {
                PlanNode leaf = remaining.remove(next(available, remaining, unplaced));
                Set<Symbol> joined = new HashSet<>(available);
                joined.addAll(leaf.outputSymbols());
                List<RowExpression> placed = new ArrayList<>();
                for (RowExpression condition : unplaced) {
                    if (joined.containsAll(Expressions.symbolsReferenced(condition))) {
                        placed.add(condition);
                    }
                }
                unplaced.removeAll(placed);
                JoinNode join = EquiJoins.join(remaining.isEmpty() ? original.id() : context.idAllocator().nextId(), JoinNode.Type.INNER, current, leaf, placed, context);
                current = chooseBuildSide(join);
                available = joined;
            }
            if (!unplaced.isEmpty()) {
                current = new FilterNode(context.idAllocator().nextId(), current, Expressions.and(unplaced));
            }
            return current;
        }

        /** The leaf with the most rows: the probe side of the joins that follow. */
        private static int largest(List<PlanNode> leaves)
        {
            int largest = 0;
            for (int i = 1; i < leaves.size(); i++) {
                if (RowCountEstimator.estimate(leaves.get(i)) > RowCountEstimator.estimate(leaves.get(largest))) {
                    largest = i;
                }
            }
            return largest;
        }

        /**
         * Which leaf to join next: among those a condition connects to the joined relations, the one that
         * filters most — its own filter, or that of a leaf only it connects to ({@code supplier} before
         * {@code orders} when a filtered {@code nation} hangs off {@code supplier}, TPC-H Q7) — on ties the smaller
         * of equally filtered leaves, then the FROM order; the first leaf when none is connected (a cross join).
         */
        private static int next(Set<Symbol> available, List<PlanNode> remaining, List<RowExpression> unplaced)
        {
            int best = -1;
            double bestSelectivity = Double.MAX_VALUE;
            for (int i = 0; i < remaining.size(); i++) {
                PlanNode leaf = remaining.get(i);
                if (!connected(available, leaf, unplaced)) {
                    continue;
                }
                double selectivity = selectivity(leaf);
                Set<Symbol> through = new HashSet<>(available);
                through.addAll(leaf.outputSymbols());
                for (PlanNode other : remaining) {
                    if (other != leaf && !connected(available, other, unplaced) && connected(through, other, unplaced)) {
                        selectivity = Math.min(selectivity, selectivity(other));
                    }
                }
                // between equally filtered leaves the smaller: its hash table is cheaper, and a filter on a small
                // dimension (TPC-H Q21's nation) is likely the narrower one (orders keeps half its rows there)
                if (selectivity < bestSelectivity
                        || (selectivity == bestSelectivity && selectivity < 1 && RowCountEstimator.estimate(leaf) < RowCountEstimator.estimate(remaining.get(best)))) {
                    best = i;
                    bestSelectivity = selectivity;
                }
            }
            return Math.max(best, 0);
        }

        /** The share of its table's rows a leaf keeps (1 when unknown). */
        private static double selectivity(PlanNode leaf)
        {
            PlanNode node = leaf;
            while (!(node instanceof TableScanNode) && node.sources().size() == 1 && (node instanceof FilterNode || node instanceof ProjectNode)) {
                node = node.sources().get(0);
            }
            if (!(node instanceof TableScanNode scan) || scan.statistics().rowCount().isEmpty() || scan.statistics().rowCount().getAsDouble() == 0) {
                return 1;
            }
            return RowCountEstimator.estimate(leaf) / scan.statistics().rowCount().getAsDouble();
        }

        /**
         * Whether an equality connects the joined relations and the leaf: one side of it reads only the joined
         * relations, the other only the leaf (other conditions over both would make a cross join with a filter).
         */
        private static boolean connected(Set<Symbol> available, PlanNode leaf, List<RowExpression> conditions)
        {
            Set<Symbol> leafSymbols = new HashSet<>(leaf.outputSymbols());
            for (RowExpression condition : conditions) {
                if (!(condition instanceof Call call) || !call.functionName().equals(FunctionNames.EQUAL)) {
                    continue;
                }
                Set<Symbol> first = Expressions.symbolsReferenced(call.arguments().get(0));
                Set<Symbol> second = Expressions.symbolsReferenced(call.arguments().get(1));
                if (first.isEmpty() || second.isEmpty()) {
                    continue;
                }
                if (available.containsAll(first) && leafSymbols.containsAll(second) || leafSymbols.containsAll(first) && available.containsAll(second)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Execution builds the right side: an inner or full join swaps its sides when the right is the larger
         * (a left or right join keeps its sides, to keep its outer side the probe).
         */
        private static JoinNode chooseBuildSide(JoinNode join)
        {
            if (join.type() != JoinNode.Type.INNER && join.type() != JoinNode.Type.FULL) {
                return join;
            }
            if (RowCountEstimator.estimate(join.right()) <= RowCountEstimator.estimate(join.left())) {
                return join;
            }
            return new JoinNode(join.id(), join.type(), join.right(), join.left(), join.criteria().stream().map(JoinNode.EquiJoinClause::flip).toList(),
                    join.filter());
        }
    }
}

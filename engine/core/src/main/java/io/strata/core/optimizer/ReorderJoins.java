package io.strata.core.optimizer;

import io.strata.core.expression.RowExpression;
import io.strata.core.planner.Expressions;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.Symbol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders each tree of inner joins and picks each join's build side from row-count estimates
 * ({@link RowCountEstimator}, fed by the connectors' table statistics). The relations are joined in the order
 * of the FROM list, except that a relation no join condition connects to the ones joined so far waits until one
 * does, so that {@code FROM part, supplier, lineitem WHERE p_partkey = l_partkey AND s_suppkey = l_suppkey}
 * joins part to lineitem first instead of making their cross product. Each join's conditions are those whose
 * symbols its two sides produce. The smaller side of each join is then its build side:
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
            PlanNode current = remaining.remove(0);
            Set<Symbol> available = new HashSet<>(current.outputSymbols());
            while (!remaining.isEmpty()) {
                int next = 0;
                for (int i = 0; i < remaining.size(); i++) {
                    if (connected(available, remaining.get(i), unplaced)) {
                        next = i;
                        break;
                    }
                }
                PlanNode leaf = remaining.remove(next);
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

        /** Whether a condition reads symbols of both the joined relations and the leaf (and nothing else). */
        private static boolean connected(Set<Symbol> available, PlanNode leaf, List<RowExpression> conditions)
        {
            Set<Symbol> leafSymbols = new HashSet<>(leaf.outputSymbols());
            for (RowExpression condition : conditions) {
                Set<Symbol> symbols = Expressions.symbolsReferenced(condition);
                boolean readsJoined = symbols.stream().anyMatch(available::contains);
                boolean readsLeaf = symbols.stream().anyMatch(leafSymbols::contains);
                boolean readsOnlyThose = symbols.stream().allMatch(symbol -> available.contains(symbol) || leafSymbols.contains(symbol));
                if (readsJoined && readsLeaf && readsOnlyThose) {
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

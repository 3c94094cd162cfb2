package io.strata.core.optimizer;

import io.strata.core.execution.operator.aggregation.AggregationFunctions;
import io.strata.core.metadata.SystemSessionProperties;
import io.strata.core.metadata.SystemSessionProperties.JoinDistributionType;
import io.strata.core.planner.PlanNodeIdAllocator;
import io.strata.core.planner.plan.Aggregation;
import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.EnforceSingleRowNode;
import io.strata.core.planner.plan.ExchangeNode;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.GroupIdNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.LimitNode;
import io.strata.core.planner.plan.OffsetNode;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.SemiJoinNode;
import io.strata.core.planner.plan.SetOperationNode;
import io.strata.core.planner.plan.SortNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.planner.plan.TopNNode;
import io.strata.core.planner.plan.UnionNode;
import io.strata.core.planner.plan.ValuesNode;
import io.strata.core.planner.plan.WindowNode;
import io.strata.core.session.Session;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * Places the remote exchanges of a plan that runs on several nodes, bottom-up, tracking how each subtree's rows
 * are spread over tasks: in one task ({@code SINGLE}), over the tasks that read a table's splits ({@code ANY}),
 * or by the hash of some keys ({@code HASH}).
 * <ul>
 * <li>Aggregations split into a partial step where the rows are and a final step after a repartitioning on the
 * grouping keys (a gathering for a global aggregation); aggregations with {@code DISTINCT} move their rows instead.
 * An aggregation over rows already partitioned on some of its keys stays in place.</li>
 * <li>Joins are broadcast (the build side replicated to every task of the probe side) or partitioned (both sides
 * repartitioned on the join keys): {@code join_distribution_type}, or for {@code AUTOMATIC} the build side's
 * estimated row count against {@link #BROADCAST_MAX_ROWS}. A full join is always partitioned (each build row must
 * be seen once), a null-aware semi join always broadcast (every task must see the whole filtering side).</li>
 * <li>Top-N and limit run partially in every task and finally after a gathering; windows are repartitioned on their
 * partition keys; sort, offset, set operations and single-row checks gather.</li>
 * </ul>
 * Keys of array, map, row or {@code timestamp with time zone} type cannot be hashed alike on every node (the last
 * hashes its zone too), so rows keyed by them are gathered instead of repartitioned.
 */
public final class AddExchanges
{
    /** The largest estimated build side that {@code AUTOMATIC} broadcasts. */
    public static final double BROADCAST_MAX_ROWS = 1_000_000;

    private final PlanNodeIdAllocator idAllocator;
    private final JoinDistributionType joinDistribution;
    private final Predicate<TableScanNode> runsOnAnyNode;

    private AddExchanges(PlanNodeIdAllocator idAllocator, JoinDistributionType joinDistribution, Predicate<TableScanNode> runsOnAnyNode)
    {
        this.runsOnAnyNode = requireNonNull(runsOnAnyNode, "runsOnAnyNode is null");
        this.idAllocator = requireNonNull(idAllocator, "idAllocator is null");
        this.joinDistribution = requireNonNull(joinDistribution, "joinDistribution is null");
    }

    /**
     * The plan with its remote exchanges; the root ends gathered in one task.
     *
     * @param runsOnAnyNode whether any node can read a scan's splits; the others are read in one task, on the coordinator
     */
    public static OutputNode addExchanges(OutputNode plan, Session session, Predicate<TableScanNode> runsOnAnyNode)
    {
        AddExchanges rewriter = new AddExchanges(PlanNodeIdAllocator.forPlan(plan), SystemSessionProperties.getJoinDistributionType(session), runsOnAnyNode);
        Rewritten source = rewriter.rewrite(plan.source());
        return (OutputNode) plan.replaceChildren(List.of(rewriter.gather(source)));
    }

    private enum Spread
    {
        SINGLE,
        ANY,
        HASH,
    }

    /** A rewritten subtree and how its rows are spread; {@code keys} are the hash keys of {@code HASH}. */
    private record Rewritten(PlanNode node, Spread spread, List<Symbol> keys)
    {
        static Rewritten single(PlanNode node)
        {
            return new Rewritten(node, Spread.SINGLE, List.of());
        }

        boolean isSingle()
        {
            return spread == Spread.SINGLE;
        }

        /** The same spread for {@code parent}, or {@code ANY} when the parent drops a hash key. */
        Rewritten through(PlanNode parent)
        {
            if (spread == Spread.HASH && !parent.outputSymbols().containsAll(keys)) {
                return new Rewritten(parent, Spread.ANY, List.of());
            }
            return new Rewritten(parent, spread, keys);
        }

        boolean hashedOn(List<Symbol> expected)
        {
            return spread == Spread.HASH && keys.equals(expected);
        }
    }

    private Rewritten rewrite(PlanNode node)
    {
        if (node instanceof TableScanNode scan) {
            return runsOnAnyNode.test(scan) ? new Rewritten(node, Spread.ANY, List.of()) : Rewritten.single(node);
        }
        if (node instanceof ValuesNode) {
            return Rewritten.single(node);
        }
        if (node instanceof FilterNode || node instanceof ProjectNode || node instanceof GroupIdNode) {
            Rewritten source = rewrite(node.sources().get(0));
            return source.through(node.replaceChildren(List.of(source.node())));
        }
        if (node instanceof AggregationNode aggregation) {
            return aggregation(aggregation);
        }
        if (node instanceof JoinNode join) {
            return join(join);
        }
        if (node instanceof SemiJoinNode semiJoin) {
            return semiJoin(semiJoin);
        }
        if (node instanceof TopNNode topN) {
            Rewritten source = rewrite(topN.source());
            if (source.isSingle()) {
                return Rewritten.single(topN.replaceChildren(List.of(source.node())));
            }
            TopNNode partial = new TopNNode(idAllocator.nextId(), source.node(), topN.count(), topN.orderBy());
            return Rewritten.single(topN.replaceChildren(List.of(exchange(partial, ExchangeNode.Type.GATHER, List.of()))));
        }
        if (node instanceof LimitNode limit) {
            Rewritten source = rewrite(limit.source());
            if (source.isSingle()) {
                return Rewritten.single(limit.replaceChildren(List.of(source.node())));
            }
            LimitNode partial = new LimitNode(idAllocator.nextId(), source.node(), limit.count());
            return Rewritten.single(limit.replaceChildren(List.of(exchange(partial, ExchangeNode.Type.GATHER, List.of()))));
        }
        if (node instanceof WindowNode window) {
            return window(window);
        }
        if (node instanceof SortNode || node instanceof OffsetNode || node instanceof EnforceSingleRowNode || node instanceof UnionNode
                || node instanceof SetOperationNode) {
            List<PlanNode> sources = new ArrayList<>();
            for (PlanNode source : node.sources()) {
                sources.add(gather(rewrite(source)));
            }
            return Rewritten.single(node.replaceChildren(sources));
        }
        throw new IllegalArgumentException("no distribution rule for " + node.getClass().getSimpleName());
    }

    private Rewritten aggregation(AggregationNode node)
    {
        Rewritten source = rewrite(node.source());
        List<Symbol> keys = node.groupingKeys();
        if (source.isSingle()) {
            return Rewritten.single(node.replaceChildren(List.of(source.node())));
        }
        if (source.spread() == Spread.HASH && !keys.isEmpty() && keys.containsAll(source.keys())) {
            return source.through(node.replaceChildren(List.of(source.node())));
        }
        boolean repartition = !keys.isEmpty() && hashable(keys);
        ExchangeNode.Type type = repartition ? ExchangeNode.Type.REPARTITION : ExchangeNode.Type.GATHER;
        List<Symbol> exchangeKeys = repartition ? keys : List.of();
        PlanNode result;
        if (node.aggregations().stream().anyMatch(Aggregation::distinct)) {
            result = node.replaceChildren(List.of(exchange(source.node(), type, exchangeKeys)));
        }
        else {
            List<Symbol> intermediates = new ArrayList<>();
            for (Aggregation aggregation : node.aggregations()) {
                List<Type> argumentTypes = aggregation.arguments().stream().map(Symbol::type).toList();
                List<Type> types = AggregationFunctions.resolve(aggregation.functionName(), argumentTypes, aggregation.type()).intermediateTypes();
                for (int i = 0; i < types.size(); i++) {
                    intermediates.add(new Symbol(aggregation.output().name() + "$partial" + i, types.get(i)));
                }
            }
            AggregationNode partial = new AggregationNode(idAllocator.nextId(), source.node(), keys, node.aggregations(), AggregationNode.Step.PARTIAL,
                    intermediates);
            result = new AggregationNode(node.id(), exchange(partial, type, exchangeKeys), keys, node.aggregations(), AggregationNode.Step.FINAL,
                    intermediates);
        }
        return repartition ? new Rewritten(result, Spread.HASH, keys) : Rewritten.single(result);
    }

    private Rewritten join(JoinNode node)
    {
        Rewritten left = rewrite(node.left());
        Rewritten right = rewrite(node.right());
        // execution builds the right side, except for a right join, which it runs as a left join turned around
        boolean swapped = node.type() == JoinNode.Type.RIGHT;
        Rewritten probe = swapped ? right : left;
        Rewritten build = swapped ? left : right;
        if (probe.isSingle()) {
            return Rewritten.single(join(node, swapped, probe.node(), gather(build)));
        }
        List<Symbol> leftKeys = node.criteria().stream().map(JoinNode.EquiJoinClause::left).toList();
        List<Symbol> rightKeys = node.criteria().stream().map(JoinNode.EquiJoinClause::right).toList();
        boolean canPartition = !leftKeys.isEmpty() && hashable(leftKeys) && hashable(rightKeys);
        if (node.type() == JoinNode.Type.FULL && !canPartition) {
            return Rewritten.single(node.replaceChildren(List.of(gather(left), gather(right))));
        }
        if (canPartition && (node.type() == JoinNode.Type.FULL || partitioned(swapped ? node.left() : node.right()))) {
            PlanNode newLeft = left.hashedOn(leftKeys) ? left.node() : exchange(left.node(), ExchangeNode.Type.REPARTITION, leftKeys);
            PlanNode newRight = right.hashedOn(rightKeys) ? right.node() : exchange(right.node(), ExchangeNode.Type.REPARTITION, rightKeys);
            PlanNode joined = node.replaceChildren(List.of(newLeft, newRight));
            // an outer join's null-extended side is spread by the other side's keys
            return switch (node.type()) {
                case INNER, LEFT -> new Rewritten(joined, Spread.HASH, leftKeys).through(joined);
                case RIGHT -> new Rewritten(joined, Spread.HASH, rightKeys).through(joined);
                case FULL -> new Rewritten(joined, Spread.ANY, List.of());
            };
        }
        PlanNode replicated = exchange(build.node(), ExchangeNode.Type.REPLICATE, List.of());
        return probe.through(join(node, swapped, probe.node(), replicated));
    }

    private static PlanNode join(JoinNode node, boolean swapped, PlanNode probe, PlanNode build)
    {
        return swapped ? node.replaceChildren(List.of(build, probe)) : node.replaceChildren(List.of(probe, build));
    }

    private Rewritten semiJoin(SemiJoinNode node)
    {
        Rewritten source = rewrite(node.source());
        Rewritten filtering = rewrite(node.filteringSource());
        if (source.isSingle()) {
            return Rewritten.single(node.replaceChildren(List.of(source.node(), gather(filtering))));
        }
        List<Symbol> sourceKeys = node.criteria().stream().map(JoinNode.EquiJoinClause::left).toList();
        List<Symbol> filteringKeys = node.criteria().stream().map(JoinNode.EquiJoinClause::right).toList();
        if (!node.nullAware() && !sourceKeys.isEmpty() && hashable(sourceKeys) && hashable(filteringKeys) && partitioned(node.filteringSource())) {
            PlanNode newSource = source.hashedOn(sourceKeys) ? source.node() : exchange(source.node(), ExchangeNode.Type.REPARTITION, sourceKeys);
            PlanNode newFiltering = filtering.hashedOn(filteringKeys) ? filtering.node() : exchange(filtering.node(), ExchangeNode.Type.REPARTITION, filteringKeys);
            PlanNode joined = node.replaceChildren(List.of(newSource, newFiltering));
            return new Rewritten(joined, Spread.HASH, sourceKeys).through(joined);
        }
        return source.through(node.replaceChildren(List.of(source.node(), exchange(filtering.node(), ExchangeNode.Type.REPLICATE, List.of()))));
    }

    private Rewritten window(WindowNode node)
    {
        Rewritten source = rewrite(node.source());
        List<Symbol> keys = node.partitionBy();
        if (source.isSingle()) {
            return Rewritten.single(node.replaceChildren(List.of(source.node())));
        }
        if (source.spread() == Spread.HASH && !keys.isEmpty() && keys.containsAll(source.keys())) {
            return source.through(node.replaceChildren(List.of(source.node())));
        }
        if (keys.isEmpty() || !hashable(keys)) {
            return Rewritten.single(node.replaceChildren(List.of(gather(source))));
        }
        PlanNode windowed = node.replaceChildren(List.of(exchange(source.node(), ExchangeNode.Type.REPARTITION, keys)));
        return new Rewritten(windowed, Spread.HASH, keys).through(windowed);
    }

    /** Whether a join whose build side is {@code build} is partitioned rather than broadcast. */
    private boolean partitioned(PlanNode build)
    {
        return switch (joinDistribution) {
            case PARTITIONED -> true;
            case BROADCAST -> false;
            case AUTOMATIC -> RowCountEstimator.estimate(build) > BROADCAST_MAX_ROWS;
        };
    }

    private PlanNode gather(Rewritten rewritten)
    {
        return rewritten.isSingle() ? rewritten.node() : exchange(rewritten.node(), ExchangeNode.Type.GATHER, List.of());
    }

    private PlanNode exchange(PlanNode source, ExchangeNode.Type type, List<Symbol> keys)
    {
        return new ExchangeNode(idAllocator.nextId(), source, type, keys);
    }

    private static boolean hashable(List<Symbol> keys)
    {
        for (Symbol key : keys) {
            Type type = key.type();
            if (type instanceof ArrayType || type instanceof MapType || type instanceof RowType || type instanceof TimestampWithTimeZoneType) {
                return false;
            }
        }
        return true;
    }
}

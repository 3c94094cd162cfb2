package io.strata.core.optimizer;

import io.strata.core.planner.plan.PlanNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The optimizer: one ordered list of named passes, run once each, top to bottom. The order matters:
 * <ol>
 * <li>{@link FoldConstants} first, so that {@code CAST('1994-01-01' AS date)} is a constant the next pass can
 * push;</li>
 * <li>{@link PushPredicatesThroughJoins} moves each conjunct next to the relations it reads, which turns the cross
 * joins of comma-separated FROM lists into equi-joins (subqueries in expressions were already decorrelated into
 * joins and semi joins by the planner's {@code SubqueryPlanner});</li>
 * <li>{@link ReorderJoins} orders inner joins to avoid cross products and builds each join's smaller side;</li>
 * <li>{@link PushPredicateIntoTableScan} offers what it can of each filter to the connector;</li>
 * <li>{@link PruneUnreferencedColumns} then drops the columns that only the pushed filter needed;</li>
 * <li>{@link PushLimitThroughProjections} moves limits below projections (and into the inputs of a union), next
 * to the sorts they may merge with;</li>
 * <li>{@link MergeLimitWithSort} turns sort-then-limit into a top-N;</li>
 * <li>{@link RemoveRedundantIdentityProjections} last, once pruning has made projections trivial.</li>
 * </ol>
 * Any pass can be switched off by name (tests, the {@code optimizer_disabled_passes} session property).
 */
public final class PlanOptimizers
{
    private final List<PlanOptimizer> passes;

    public PlanOptimizers(List<PlanOptimizer> passes)
    {
        this.passes = List.copyOf(requireNonNull(passes, "passes is null"));
        Set<String> names = new LinkedHashSet<>();
        for (PlanOptimizer pass : this.passes) {
            if (!names.add(pass.name())) {
                throw new IllegalArgumentException("two optimizer passes are named " + pass.name());
            }
        }
    }

    /** The passes Strata runs, in order. */
    public static List<PlanOptimizer> defaultPasses()
    {
        return List.of(
                new FoldConstants(),
                new PushPredicatesThroughJoins(),
                new ReorderJoins(),
                new PushPredicateIntoTableScan(),
                new PruneUnreferencedColumns(),
                new PushLimitThroughProjections(),
                new MergeLimitWithSort(),
                new RemoveRedundantIdentityProjections());
    }

    public List<PlanOptimizer> passes()
    {
        return passes;
    }

    public List<String> names()
    {
        return passes.stream().map(PlanOptimizer::name).toList();
    }

    /** Runs every pass whose name is not in {@code disabledPasses}, in order. */
    public PlanNode optimize(PlanNode plan, OptimizerContext context, Set<String> disabledPasses)
    {
        PlanNode result = plan;
        for (PlanOptimizer pass : passes) {
            if (!disabledPasses.contains(pass.name())) {
                result = requireNonNull(pass.optimize(result, context), () -> pass.name() + " returned null");
            }
        }
        return result;
    }
}

package io.strata.core.fragmenter;

import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.Symbol;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A piece of a plan run by the tasks of one stage.
 *
 * @param root the fragment's plan; for the query's root fragment, the {@code OutputNode}
 * @param partitionedSources the table scans whose splits are handed to the fragment's tasks
 * @param outputLayout the symbols of the fragment's output pages, in channel order
 * @param outputPartitioning how the output is spread over the consumer's tasks
 */
public record PlanFragment(PlanFragmentId id, PlanNode root, FragmentPartitioning partitioning, List<PlanNodeId> partitionedSources, List<Symbol> outputLayout,
        OutputPartitioning outputPartitioning)
{
    public PlanFragment
    {
        requireNonNull(id, "id is null");
        requireNonNull(root, "root is null");
        requireNonNull(partitioning, "partitioning is null");
        partitionedSources = List.copyOf(requireNonNull(partitionedSources, "partitionedSources is null"));
        outputLayout = List.copyOf(requireNonNull(outputLayout, "outputLayout is null"));
        requireNonNull(outputPartitioning, "outputPartitioning is null");
        if (!outputLayout.containsAll(outputPartitioning.keys())) {
            throw new IllegalArgumentException("partition keys " + outputPartitioning.keys() + " are not all in the output " + outputLayout);
        }
    }
}

package io.strata.core.fragmenter;

import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.SemiJoinNode;
import io.strata.core.planner.plan.TableScanNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cuts a plan into fragments. The walking skeleton's plans have no exchange nodes, so a plan is one
 * fragment: {@code SOURCE}-partitioned when it reads tables (its tasks are fed splits), else {@code SINGLE}.
 */
public final class PlanFragmenter
{
    public SubPlan fragment(OutputNode plan)
    {
        List<PlanNodeId> scans = new ArrayList<>();
        collectTableScans(plan, scans);
        FragmentPartitioning partitioning = scans.isEmpty() ? FragmentPartitioning.SINGLE : FragmentPartitioning.SOURCE;
        PlanFragment root = new PlanFragment(new PlanFragmentId(0), plan, partitioning, scans, plan.outputSymbols());
        return new SubPlan(root, List.of());
    }

    private static void collectTableScans(PlanNode node, List<PlanNodeId> scans)
    {
        if (node instanceof TableScanNode) {
            scans.add(node.id());
        }
        List<PlanNode> sources = node.sources();
        if (node instanceof JoinNode || node instanceof SemiJoinNode) {
            // a join's probe waits for its build side: the build side's scans are fed first (see QueryScheduler)
            sources = new ArrayList<>(sources);
            Collections.reverse(sources);
        }
        for (PlanNode source : sources) {
            collectTableScans(source, scans);
        }
    }
}

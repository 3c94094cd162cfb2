package io.strata.core.fragmenter;

import io.strata.core.planner.plan.ExchangeNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.RemoteSourceNode;
import io.strata.core.planner.plan.SemiJoinNode;
import io.strata.core.planner.plan.TableScanNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * Cuts a plan into fragments at its remote exchanges: the part below each {@link ExchangeNode} becomes a fragment
 * of its own, which writes its output as the exchange says, and the exchange becomes a {@link RemoteSourceNode}
 * of the fragment above. The root fragment (id 0) holds the plan's output. A fragment that reads tables is
 * {@code SOURCE}-partitioned (its tasks are fed splits), or {@code COORDINATOR_ONLY} when only the coordinator can
 * read its tables; one fed by a repartitioning exchange is {@code HASH}; any
 * other runs as a {@code SINGLE} task. A plan without exchanges is one fragment.
 */
public final class PlanFragmenter
{
    private final Predicate<TableScanNode> runsOnAnyNode;

    /** A fragmenter for plans whose tables any node can read. */
    public PlanFragmenter()
    {
        this(scan -> true);
    }

    /** @param runsOnAnyNode whether any node can read a scan's splits; a fragment that reads only other scans runs on the coordinator */
    public PlanFragmenter(Predicate<TableScanNode> runsOnAnyNode)
    {
        this.runsOnAnyNode = requireNonNull(runsOnAnyNode, "runsOnAnyNode is null");
    }

    public SubPlan fragment(OutputNode plan)
    {
        return new Cutter().fragment(plan, OutputPartitioning.GATHER);
    }

    private final class Cutter
    {
        private int nextFragmentId;

        SubPlan fragment(PlanNode root, OutputPartitioning outputPartitioning)
        {
            PlanFragmentId id = new PlanFragmentId(nextFragmentId++);
            List<SubPlan> children = new ArrayList<>();
            PlanNode cut = cut(root, children);
            List<PlanNodeId> scans = new ArrayList<>();
            collectTableScans(cut, scans);
            FragmentPartitioning partitioning;
            if (scans.isEmpty()) {
                partitioning = readsRepartitioned(cut) ? FragmentPartitioning.HASH : FragmentPartitioning.SINGLE;
            }
            else {
                partitioning = readsOnlyAnyNodeTables(cut) ? FragmentPartitioning.SOURCE : FragmentPartitioning.COORDINATOR_ONLY;
            }
            return new SubPlan(new PlanFragment(id, cut, partitioning, scans, cut.outputSymbols(), outputPartitioning), children);
        }

        private PlanNode cut(PlanNode node, List<SubPlan> children)
        {
            if (node instanceof ExchangeNode exchange) {
                SubPlan child = fragment(exchange.source(), new OutputPartitioning(exchange.type(), exchange.partitionKeys()));
                children.add(child);
                return new RemoteSourceNode(exchange.id(), List.of(child.fragment().id()), exchange.source().outputSymbols(), exchange.type());
            }
            if (node.sources().isEmpty()) {
                return node;
            }
            List<PlanNode> sources = new ArrayList<>();
            for (PlanNode source : node.sources()) {
                sources.add(cut(source, children));
            }
            return node.replaceChildren(sources);
        }
    }

    private boolean readsOnlyAnyNodeTables(PlanNode node)
    {
        if (node instanceof TableScanNode scan) {
            return runsOnAnyNode.test(scan);
        }
        return node.sources().stream().allMatch(this::readsOnlyAnyNodeTables);
    }

    private static boolean readsRepartitioned(PlanNode node)
    {
        if (node instanceof RemoteSourceNode remote) {
            return remote.exchangeType() == ExchangeNode.Type.REPARTITION;
        }
        return node.sources().stream().anyMatch(PlanFragmenter::readsRepartitioned);
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

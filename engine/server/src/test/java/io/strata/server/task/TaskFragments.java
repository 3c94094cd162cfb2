package io.strata.server.task;

import io.strata.core.execution.split.ScheduledSplit;
import io.strata.core.execution.split.Split;
import io.strata.core.execution.split.SplitAssignment;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.session.Session;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.ConnectorSplitSource;

import java.util.ArrayList;
import java.util.List;

/**
 * What the task API tests send a task: every split of a fragment's scans, as a scheduler would hand them out.
 */
final class TaskFragments
{
    private TaskFragments() {}

    /** Every split of every scan of the fragment, in one final assignment per scan. */
    static List<SplitAssignment> allSplits(CatalogManager catalogManager, Session session, PlanFragment fragment)
    {
        List<SplitAssignment> assignments = new ArrayList<>();
        for (TableScanNode scan : scans(fragment.root(), new ArrayList<>())) {
            List<ScheduledSplit> splits = new ArrayList<>();
            try (ConnectorSplitSource source = catalogManager.requireConnector(scan.catalogName()).splitManager()
                    .getSplits(session.toConnectorSession(), scan.table())) {
                while (!source.isFinished()) {
                    for (ConnectorSplit split : source.nextBatch(100)) {
                        splits.add(new ScheduledSplit(splits.size(), new Split(scan.catalogName(), split)));
                    }
                }
            }
            assignments.add(new SplitAssignment(scan.id(), splits, true));
        }
        return assignments;
    }

    private static List<TableScanNode> scans(PlanNode node, List<TableScanNode> scans)
    {
        if (node instanceof TableScanNode scan) {
            scans.add(scan);
        }
        for (PlanNode source : node.sources()) {
            scans(source, scans);
        }
        return scans;
    }
}

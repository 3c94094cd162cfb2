package io.strata.core.fragmenter;

import io.strata.core.metadata.CatalogManager;
import io.strata.core.planner.plan.TableScanNode;

import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * Whether any node can read a table scan's splits, as the scan's connector says; the others hold rows only the
 * coordinator has (memory tables, system tables) and run there.
 */
public final class AnyNodeScans
        implements Predicate<TableScanNode>
{
    private final CatalogManager catalogManager;

    public AnyNodeScans(CatalogManager catalogManager)
    {
        this.catalogManager = requireNonNull(catalogManager, "catalogManager is null");
    }

    @Override
    public boolean test(TableScanNode scan)
    {
        return catalogManager.requireConnector(scan.catalogName()).splitsRunOnAnyNode(scan.table());
    }
}

package io.strata.core.planner.plan;

import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.TableStatistics;
import io.strata.spi.connector.TupleDomain;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reads a connector's table: {@code outputs.get(i)} is read from {@code columns.get(i)}. {@code enforcedConstraint}
 * is the filter the connector accepted (for EXPLAIN); {@code statistics} what it said of the table's size.
 */
public record TableScanNode(
        PlanNodeId id,
        String catalogName,
        ConnectorTableHandle table,
        List<Symbol> outputs,
        List<ColumnHandle> columns,
        TupleDomain enforcedConstraint,
        TableStatistics statistics)
        implements PlanNode
{
    public TableScanNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(table, "table is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(enforcedConstraint, "enforcedConstraint is null");
        requireNonNull(statistics, "statistics is null");
        if (outputs.size() != columns.size()) {
            throw new IllegalArgumentException("outputs and columns differ in size");
        }
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of();
    }

    @Override
    public List<Symbol> outputSymbols()
    {
        return outputs;
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        if (!newSources.isEmpty()) {
            throw new IllegalArgumentException("a table scan has no sources");
        }
        return this;
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitTableScan(this, context);
    }
}

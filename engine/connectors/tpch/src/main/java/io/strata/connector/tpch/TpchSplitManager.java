package io.strata.connector.tpch;

import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorSplitManager;
import io.strata.spi.connector.ConnectorSplitSource;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.FixedSplitSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a table into {@code splitsPerNode} generator parts ({@code nation} and {@code region} into one), and
 * into none when the table's constraint lets no row through.
 */
public final class TpchSplitManager
        implements ConnectorSplitManager
{
    private final int splitsPerNode;

    public TpchSplitManager(int splitsPerNode)
    {
        if (splitsPerNode < 1) {
            throw new IllegalArgumentException("splitsPerNode must be positive: " + splitsPerNode);
        }
        this.splitsPerNode = splitsPerNode;
    }

    @Override
    public ConnectorSplitSource getSplits(ConnectorSession session, ConnectorTableHandle table)
    {
        TpchTableHandle handle = (TpchTableHandle) table;
        if (handle.constraint().isNone()) {
            return new FixedSplitSource(List.of());
        }
        int totalParts = TpchTables.isSinglePart(handle.tableName()) ? 1 : splitsPerNode;
        List<TpchSplit> splits = new ArrayList<>(totalParts);
        for (int part = 1; part <= totalParts; part++) {
            splits.add(new TpchSplit(handle.tableName(), handle.scaleFactor(), part, totalParts));
        }
        return new FixedSplitSource(splits);
    }
}

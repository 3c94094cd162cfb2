package io.strata.connector.tpch;

import io.strata.spi.connector.ConnectorSplit;

import static java.util.Objects.requireNonNull;

/**
 * One part of a table as the generator cuts it: part {@code partNumber} (1-based) of {@code totalParts}.
 * The generator is deterministic, so any node can produce any part.
 */
public record TpchSplit(String tableName, double scaleFactor, int partNumber, int totalParts)
        implements ConnectorSplit
{
    public TpchSplit
    {
        requireNonNull(tableName, "tableName is null");
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            throw new IllegalArgumentException("scale factor must be positive and finite: " + scaleFactor);
        }
        if (totalParts < 1 || partNumber < 1 || partNumber > totalParts) {
            throw new IllegalArgumentException("part " + partNumber + " of " + totalParts + " is not a part");
        }
    }
}

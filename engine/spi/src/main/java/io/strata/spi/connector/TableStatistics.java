package io.strata.spi.connector;

import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * What the optimizer knows of a table's size before reading it.
 */
public record TableStatistics(OptionalDouble rowCount)
{
    public static final TableStatistics UNKNOWN = new TableStatistics(OptionalDouble.empty());

    public TableStatistics
    {
        requireNonNull(rowCount, "rowCount is null");
    }
}

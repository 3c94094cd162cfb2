package io.strata.core.planner.plan;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The frame of a window function over plan symbols: {@code ROWS|RANGE BETWEEN start AND end}, where a
 * {@code PRECEDING} or {@code FOLLOWING} bound takes its (non-negative, bigint) row count from a symbol.
 * Only {@code ROWS} frames have counted bounds; {@code RANGE} frames are unbounded or at the current row's peers.
 */
public record WindowFrameSpec(boolean rows, BoundType startType, Optional<Symbol> startValue, BoundType endType, Optional<Symbol> endValue)
{
    public enum BoundType
    {
        UNBOUNDED_PRECEDING,
        PRECEDING,
        CURRENT_ROW,
        FOLLOWING,
        UNBOUNDED_FOLLOWING,
    }

    /** Presto's frame when none is given: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (with its peers). */
    public static final WindowFrameSpec DEFAULT = new WindowFrameSpec(false, BoundType.UNBOUNDED_PRECEDING, Optional.empty(), BoundType.CURRENT_ROW, Optional.empty());

    public WindowFrameSpec
    {
        requireNonNull(startType, "startType is null");
        requireNonNull(startValue, "startValue is null");
        requireNonNull(endType, "endType is null");
        requireNonNull(endValue, "endValue is null");
    }

    @Override
    public String toString()
    {
        return (rows ? "ROWS" : "RANGE") + " BETWEEN " + bound(startType, startValue) + " AND " + bound(endType, endValue);
    }

    private static String bound(BoundType type, Optional<Symbol> value)
    {
        return value.map(symbol -> symbol.name() + " ").orElse("") + type.name().replace('_', ' ');
    }
}

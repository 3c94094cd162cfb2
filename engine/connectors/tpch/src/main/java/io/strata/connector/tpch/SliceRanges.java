package io.strata.connector.tpch;

import io.airlift.slice.Slice;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.Range;

import java.util.List;

/**
 * The ranges of a domain over {@code varchar}, tested against UTF-8 bytes in place (unsigned byte order, as
 * {@link Slice#compareTo} orders them), so that a test allocates nothing. Nulls are ignored: TPC-H has none.
 */
final class SliceRanges
{
    private final Slice[] lows;
    private final boolean[] lowInclusive;
    private final Slice[] highs;
    private final boolean[] highInclusive;

    private SliceRanges(List<Range> ranges, String columnName)
    {
        int count = ranges.size();
        this.lows = new Slice[count];
        this.lowInclusive = new boolean[count];
        this.highs = new Slice[count];
        this.highInclusive = new boolean[count];
        for (int i = 0; i < count; i++) {
            Range range = ranges.get(i);
            lows[i] = range.low().map(value -> toSlice(columnName, value)).orElse(null);
            lowInclusive[i] = range.lowInclusive();
            highs[i] = range.high().map(value -> toSlice(columnName, value)).orElse(null);
            highInclusive[i] = range.highInclusive();
        }
    }

    static SliceRanges of(String columnName, Domain domain)
    {
        return new SliceRanges(domain.ranges(), columnName);
    }

    /** Whether the bytes {@code [0, length)} of {@code value} lie in one of the ranges. */
    boolean contains(Slice value, int length)
    {
        for (int i = 0; i < lows.length; i++) {
            if (lows[i] != null) {
                int comparison = value.compareTo(0, length, lows[i], 0, lows[i].length());
                if (comparison < 0 || (comparison == 0 && !lowInclusive[i])) {
                    continue;
                }
            }
            if (highs[i] != null) {
                int comparison = value.compareTo(0, length, highs[i], 0, highs[i].length());
                if (comparison > 0 || (comparison == 0 && !highInclusive[i])) {
                    continue;
                }
            }
            return true;
        }
        return false;
    }

    private static Slice toSlice(String columnName, Object value)
    {
        if (value instanceof Slice slice) {
            return slice;
        }
        throw new IllegalArgumentException("domain of column " + columnName + " has a bound of class " + value.getClass().getName() + ", expected Slice");
    }
}

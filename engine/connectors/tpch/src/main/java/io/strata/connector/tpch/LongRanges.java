package io.strata.connector.tpch;

import io.strata.spi.connector.Domain;
import io.strata.spi.connector.Range;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ranges of a domain over an integral layout ({@code bigint}, short {@code decimal}, {@code integer},
 * {@code date}) as sorted, disjoint, closed intervals of {@code long}, so that a test is a binary search
 * without boxing. Nulls are ignored: TPC-H has none.
 */
final class LongRanges
{
    private final long[] lows;
    private final long[] highs;

    private LongRanges(long[] lows, long[] highs)
    {
        this.lows = lows;
        this.highs = highs;
    }

    static LongRanges of(String columnName, Domain domain)
    {
        List<long[]> intervals = new ArrayList<>();
        for (Range range : domain.ranges()) {
            long low = Long.MIN_VALUE;
            if (range.low().isPresent()) {
                low = toLong(columnName, range.low().get());
                if (!range.lowInclusive()) {
                    if (low == Long.MAX_VALUE) {
                        continue;
                    }
                    low++;
                }
            }
            long high = Long.MAX_VALUE;
            if (range.high().isPresent()) {
                high = toLong(columnName, range.high().get());
                if (!range.highInclusive()) {
                    if (high == Long.MIN_VALUE) {
                        continue;
                    }
                    high--;
                }
            }
            if (low <= high) {
                intervals.add(new long[] {low, high});
            }
        }
        intervals.sort(Comparator.comparingLong(interval -> interval[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] interval : intervals) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            // adjacent intervals merge too: [1, 3] and [4, 6] are [1, 6]
            if (last != null && (last[1] == Long.MAX_VALUE || interval[0] <= last[1] + 1)) {
                last[1] = Math.max(last[1], interval[1]);
            }
            else {
                merged.add(interval);
            }
        }
        long[] lows = new long[merged.size()];
        long[] highs = new long[merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            lows[i] = merged.get(i)[0];
            highs[i] = merged.get(i)[1];
        }
        return new LongRanges(lows, highs);
    }

    boolean contains(long value)
    {
        int low = 0;
        int high = lows.length - 1;
        // find the last interval starting at or before the value
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (lows[middle] <= value) {
                low = middle + 1;
            }
            else {
                high = middle - 1;
            }
        }
        return high >= 0 && value <= highs[high];
    }

    private static long toLong(String columnName, Object value)
    {
        if (value instanceof Long longValue) {
            return longValue;
        }
        if (value instanceof Integer integerValue) {
            return integerValue;
        }
        throw new IllegalArgumentException("domain of column " + columnName + " has a bound of class " + value.getClass().getName() + ", expected Long or Integer");
    }
}

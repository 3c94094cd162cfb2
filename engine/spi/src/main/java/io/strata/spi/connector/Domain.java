package io.strata.spi.connector;

import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The values a column may take under a filter: a union of ranges, and whether null passes.
 */
public record Domain(Type type, List<Range> ranges, boolean nullAllowed)
{
    public Domain
    {
        requireNonNull(type, "type is null");
        ranges = List.copyOf(requireNonNull(ranges, "ranges is null"));
    }

    public static Domain all(Type type)
    {
        return new Domain(type, List.of(Range.all()), true);
    }

    public static Domain none(Type type)
    {
        return new Domain(type, List.of(), false);
    }

    public static Domain singleValue(Type type, Object value)
    {
        return new Domain(type, List.of(Range.equal(value)), false);
    }

    public boolean isNone()
    {
        return ranges.isEmpty() && !nullAllowed;
    }

    public boolean isAll()
    {
        return nullAllowed && ranges.size() == 1 && ranges.get(0).low().isEmpty() && ranges.get(0).high().isEmpty();
    }

    /** Whether a value (null allowed) passes. */
    public boolean includes(Object value)
    {
        if (value == null) {
            return nullAllowed;
        }
        for (Range range : ranges) {
            if (range.includes(value)) {
                return true;
            }
        }
        return false;
    }

    public Domain intersect(Domain other)
    {
        if (!type.equals(other.type)) {
            throw new IllegalArgumentException("domains of different types: " + type + ", " + other.type);
        }
        List<Range> intersection = new ArrayList<>();
        for (Range range : ranges) {
            for (Range otherRange : other.ranges) {
                Optional<Range> overlap = range.intersect(otherRange);
                overlap.ifPresent(intersection::add);
            }
        }
        return new Domain(type, intersection, nullAllowed && other.nullAllowed);
    }
}

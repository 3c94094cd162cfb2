package io.strata.spi.connector;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An interval of values of one type, each bound a value of the type's layout class (see
 * {@link io.strata.spi.type.ValueLayout}); an empty bound is unbounded.
 */
public record Range(Optional<Object> low, boolean lowInclusive, Optional<Object> high, boolean highInclusive)
{
    public Range
    {
        requireNonNull(low, "low is null");
        requireNonNull(high, "high is null");
    }

    public static Range all()
    {
        return new Range(Optional.empty(), false, Optional.empty(), false);
    }

    public static Range equal(Object value)
    {
        return new Range(Optional.of(value), true, Optional.of(value), true);
    }

    public static Range greaterThan(Object value)
    {
        return new Range(Optional.of(value), false, Optional.empty(), false);
    }

    public static Range greaterThanOrEqual(Object value)
    {
        return new Range(Optional.of(value), true, Optional.empty(), false);
    }

    public static Range lessThan(Object value)
    {
        return new Range(Optional.empty(), false, Optional.of(value), false);
    }

    public static Range lessThanOrEqual(Object value)
    {
        return new Range(Optional.empty(), false, Optional.of(value), true);
    }

    public static Range between(Object low, Object high)
    {
        return new Range(Optional.of(low), true, Optional.of(high), true);
    }

    /** Whether a (non-null) value lies in this range. */
    public boolean includes(Object value)
    {
        if (low.isPresent()) {
            int comparison = compare(value, low.get());
            if (comparison < 0 || (comparison == 0 && !lowInclusive)) {
                return false;
            }
        }
        if (high.isPresent()) {
            int comparison = compare(value, high.get());
            return comparison < 0 || (comparison == 0 && highInclusive);
        }
        return true;
    }

    /** The intersection with another range of the same type, or empty when they do not overlap. */
    public Optional<Range> intersect(Range other)
    {
        Optional<Object> newLow = low;
        boolean newLowInclusive = lowInclusive;
        if (other.low.isPresent()) {
            int comparison = low.isEmpty() ? -1 : compare(low.get(), other.low.get());
            if (comparison < 0 || (comparison == 0 && !other.lowInclusive)) {
                newLow = other.low;
                newLowInclusive = other.lowInclusive && (comparison != 0 || lowInclusive);
            }
        }
        Optional<Object> newHigh = high;
        boolean newHighInclusive = highInclusive;
        if (other.high.isPresent()) {
            int comparison = high.isEmpty() ? 1 : compare(high.get(), other.high.get());
            if (comparison > 0 || (comparison == 0 && !other.highInclusive)) {
                newHigh = other.high;
                newHighInclusive = other.highInclusive && (comparison != 0 || highInclusive);
            }
        }
        if (newLow.isPresent() && newHigh.isPresent()) {
            int comparison = compare(newLow.get(), newHigh.get());
            if (comparison > 0 || (comparison == 0 && !(newLowInclusive && newHighInclusive))) {
                return Optional.empty();
            }
        }
        return Optional.of(new Range(newLow, newLowInclusive, newHigh, newHighInclusive));
    }

    @SuppressWarnings("unchecked")
    static int compare(Object left, Object right)
    {
        return ((Comparable<Object>) left).compareTo(right);
    }
}

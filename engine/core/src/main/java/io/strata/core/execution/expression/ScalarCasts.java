package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.airlift.slice.SliceUtf8;
import io.airlift.slice.Slices;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.BooleanType;
import io.strata.spi.type.CharType;
import io.strata.spi.type.DateType;
import io.strata.spi.type.RealType;
import io.strata.spi.type.SmallintType;
import io.strata.spi.type.TimeType;
import io.strata.spi.type.TimeZoneKey;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.TinyintType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarbinaryType;
import io.strata.spi.type.VarcharType;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import static io.strata.core.execution.expression.TemporalValues.MICROS_PER_DAY;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;

/**
 * CAST of one value where {@code tinyint}, {@code smallint}, {@code real}, {@code char(n)},
 * {@code varbinary}, {@code time(p)} or {@code timestamp(p)} is the source or the target; {@link CastValues}
 * hands these pairs here. The narrow integers go through {@code integer} (same Java value) and check their
 * range ({@code NUMERIC_VALUE_OUT_OF_RANGE}, or {@code INVALID_CAST_ARGUMENT} for text, as Presto reports
 * them); {@code real} goes through {@code double} and rounds to float.
 */
final class ScalarCasts
{
    private static final long[] MILLIS_FACTORS = {1000, 100, 10, 1};

    private ScalarCasts() {}

    static boolean involves(Type type)
    {
        return type instanceof TinyintType || type instanceof SmallintType || type instanceof RealType || type instanceof CharType
                || type instanceof VarbinaryType || type instanceof TimeType || type instanceof TimestampType || type instanceof TimestampWithTimeZoneType;
    }

    /** Whether a cast kernel can hand the input block on unchanged: the values have the same representation. */
    static boolean isIdentity(Type from, Type to)
    {
        if (from instanceof CharType source && to instanceof CharType target) {
            return target.length() >= source.length();
        }
        if (from instanceof TimestampType source && to instanceof TimestampType target) {
            return target.precision() >= source.precision();
        }
        if (from instanceof TimeType source && to instanceof TimeType target) {
            return target.precision() >= source.precision();
        }
        if (from instanceof TimestampWithTimeZoneType source && to instanceof TimestampWithTimeZoneType target) {
            return target.precision() >= source.precision();
        }
        return (from instanceof TinyintType || from instanceof SmallintType) && to.equals(INTEGER);
    }

    static boolean isSupported(Type from, Type to)
    {
        boolean fromNumber = CastValues.isNumeric(from) || from instanceof BooleanType;
        boolean toNumber = CastValues.isNumeric(to) || to instanceof BooleanType;
        boolean fromText = from instanceof VarcharType || from instanceof CharType;
        boolean toText = to instanceof VarcharType || to instanceof CharType;
        if (fromNumber && (toNumber || to instanceof VarcharType)) {
            return true;
        }
        if (from instanceof VarcharType && toNumber) {
            return true;
        }
        if (fromText && toText) {
            return true;
        }
        if (from instanceof VarcharType && to instanceof VarbinaryType) {
            return true;
        }
        boolean fromTemporal = from instanceof TimestampType || from instanceof TimeType;
        boolean toTemporal = to instanceof TimestampType || to instanceof TimeType;
        if ((fromTemporal && to instanceof VarcharType) || (from instanceof VarcharType && toTemporal)) {
            return true;
        }
        if (from instanceof TimestampType && (to instanceof DateType || toTemporal)) {
            return true;
        }
        if (from instanceof DateType && to instanceof TimestampType) {
            return true;
        }
        if (from instanceof TimestampWithTimeZoneType) {
            return to instanceof VarcharType || to instanceof DateType || toTemporal || to instanceof TimestampWithTimeZoneType;
        }
        if (to instanceof TimestampWithTimeZoneType) {
            return from instanceof VarcharType || from instanceof TimestampType || from instanceof DateType;
        }
        return from instanceof TimeType && to instanceof TimeType;
    }

    /** Casts a non-null value of {@code from} to {@code to}; one of them is a type of this class. */
    static Object cast(Object value, Type from, Type to)
    {
        if (from instanceof TimestampWithTimeZoneType source) {
            return fromTimestampWithTimeZone((Long) value, source, to);
        }
        if (to instanceof TimestampWithTimeZoneType target) {
            return toTimestampWithTimeZone(value, from, target);
        }
        if (to instanceof TinyintType || to instanceof SmallintType) {
            return toNarrowInteger(value, from, to);
        }
        if (to instanceof RealType) {
            if (from instanceof VarcharType) {
                String text = ((Slice) value).toStringUtf8();
                try {
                    return (double) Float.parseFloat(text.trim());
                }
                catch (NumberFormatException e) {
                    throw invalid("Cannot cast '" + text + "' to REAL");
                }
            }
            return (double) (float) (double) CastValues.cast(value, numberSource(from), DOUBLE);
        }
        if (to instanceof CharType target) {
            Slice text = (Slice) value;
            if (from instanceof CharType) {
                return StringKernels.truncateToCodePoints(text, target.length());
            }
            return trimTrailingSpaces(StringKernels.truncateToCodePoints(text, target.length()));
        }
        if (to instanceof VarbinaryType) {
            return value;
        }
        if (to instanceof TimestampType target) {
            return toTimestamp(value, from, target);
        }
        if (to instanceof TimeType target) {
            return toTime(value, from, target);
        }
        if (to instanceof DateType) {
            return Math.toIntExact(Math.floorDiv((Long) value, MICROS_PER_DAY));
        }
        if (to instanceof VarcharType target) {
            return toVarchar(value, from, target);
        }
        // from a narrow integer or real to another number or boolean
        return CastValues.cast(value, numberSource(from), to);
    }

    /** The type whose Java value a number of this class's shares: integer for the narrow integers, double for real. */
    private static Type numberSource(Type type)
    {
        if (type instanceof TinyintType || type instanceof SmallintType) {
            return INTEGER;
        }
        if (type instanceof RealType) {
            return DOUBLE;
        }
        return type;
    }

    private static Object toNarrowInteger(Object value, Type from, Type to)
    {
        String name = to.displayName();
        long result;
        if (from instanceof VarcharType) {
            String text = ((Slice) value).toStringUtf8();
            try {
                result = Long.parseLong(text.trim());
            }
            catch (NumberFormatException e) {
                throw invalid("Cannot cast '" + text + "' to " + name.toUpperCase(Locale.ROOT));
            }
            if (result < NarrowNumberKernels.minValue(to) || result > NarrowNumberKernels.maxValue(to)) {
                throw invalid("Cannot cast '" + text + "' to " + name.toUpperCase(Locale.ROOT));
            }
            return (int) result;
        }
        if (from instanceof RealType) {
            result = CastValues.doubleToLong((Double) value, name);
        }
        else {
            result = (Integer) CastValues.cast(value, numberSource(from), INTEGER);
        }
        if (result < NarrowNumberKernels.minValue(to) || result > NarrowNumberKernels.maxValue(to)) {
            throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Out of range for " + name + ": " + result);
        }
        return (int) result;
    }

    /**
     * A timestamp without a zone, a date, or text without a zone, is taken in UTC (the session time zone of
     * Presto; Strata's casts do not see the session yet).
     */
    private static long toTimestampWithTimeZone(Object value, Type from, TimestampWithTimeZoneType target)
    {
        long factor = MILLIS_FACTORS[target.precision()];
        if (from instanceof TimestampWithTimeZoneType) {
            long packed = (Long) value;
            long millis = Math.floorDiv(TimeZoneKey.unpackMillis(packed) + factor / 2, factor) * factor;
            return TimeZoneKey.pack(millis, TimeZoneKey.unpackKey(packed));
        }
        if (from instanceof DateType) {
            return TimeZoneKey.pack((Integer) value * 86_400_000L, TimeZoneKey.UTC_KEY);
        }
        long localMicros;
        int zoneKey = TimeZoneKey.UTC_KEY;
        if (from instanceof TimestampType) {
            localMicros = (Long) value;
        }
        else {
            String text = ((Slice) value).toStringUtf8();
            Optional<TemporalValues.ParsedWithZone> zoned = TemporalValues.parseTimestampWithTimeZone(text);
            if (zoned.isPresent()) {
                localMicros = zoned.get().localMicros();
                zoneKey = zoned.get().zoneKey();
            }
            else {
                localMicros = TemporalValues.parseTimestamp(text)
                        .orElseThrow(() -> invalid("Value cannot be cast to timestamp with time zone: " + text))
                        .micros();
            }
        }
        long rounded = TemporalValues.round(localMicros, target.precision());
        return TimeZoneKey.pack(TemporalValues.toUtcMillis(rounded, zoneKey), zoneKey);
    }

    private static Object fromTimestampWithTimeZone(long packed, TimestampWithTimeZoneType source, Type to)
    {
        long localMicros = TemporalValues.toLocalMicros(packed);
        if (to instanceof VarcharType target) {
            String text = TemporalValues.formatTimestampWithTimeZone(packed, source.precision());
            if (!target.isUnbounded() && text.length() > target.lengthOrUnbounded()) {
                throw invalid("Value " + text + " cannot be represented as " + target.displayName());
            }
            return Slices.utf8Slice(text);
        }
        if (to instanceof TimestampType target) {
            return TemporalValues.round(localMicros, target.precision());
        }
        if (to instanceof TimeType target) {
            return Math.floorMod(TemporalValues.round(localMicros, target.precision()), MICROS_PER_DAY);
        }
        if (to instanceof DateType) {
            return Math.toIntExact(Math.floorDiv(localMicros, MICROS_PER_DAY));
        }
        return toTimestampWithTimeZone(packed, source, (TimestampWithTimeZoneType) to);
    }

    private static long toTimestamp(Object value, Type from, TimestampType target)
    {
        if (from instanceof TimestampType) {
            return TemporalValues.round((Long) value, target.precision());
        }
        if (from instanceof DateType) {
            return (Integer) value * MICROS_PER_DAY;
        }
        String text = ((Slice) value).toStringUtf8();
        Optional<TemporalValues.Parsed> parsed = TemporalValues.parseTimestamp(text);
        if (parsed.isEmpty()) {
            throw invalid("Value cannot be cast to timestamp: " + text);
        }
        return TemporalValues.round(parsed.get().micros(), target.precision());
    }

    private static long toTime(Object value, Type from, TimeType target)
    {
        if (from instanceof TimeType) {
            return Math.floorMod(TemporalValues.round((Long) value, target.precision()), MICROS_PER_DAY);
        }
        if (from instanceof TimestampType) {
            return Math.floorMod(TemporalValues.round((Long) value, target.precision()), MICROS_PER_DAY);
        }
        String text = ((Slice) value).toStringUtf8();
        Optional<TemporalValues.Parsed> parsed = TemporalValues.parseTime(text);
        if (parsed.isEmpty()) {
            throw invalid("Value cannot be cast to time: " + text);
        }
        return Math.floorMod(TemporalValues.round(parsed.get().micros(), target.precision()), MICROS_PER_DAY);
    }

    private static Slice toVarchar(Object value, Type from, VarcharType to)
    {
        String text;
        if (from instanceof RealType) {
            text = Float.toString((float) (double) (Double) value);
        }
        else if (from instanceof CharType charType) {
            Slice padded = padSpaces((Slice) value, charType.length());
            return to.isUnbounded() ? padded : StringKernels.truncateToCodePoints(padded, to.lengthOrUnbounded());
        }
        else if (from instanceof TimestampType timestamp) {
            text = TemporalValues.formatTimestamp((Long) value, timestamp.precision());
        }
        else if (from instanceof TimeType time) {
            text = TemporalValues.formatTime((Long) value, time.precision());
        }
        else {
            text = String.valueOf(value);
        }
        if (!to.isUnbounded() && text.length() > to.lengthOrUnbounded()) {
            throw invalid("Value " + text + " cannot be represented as " + to.displayName());
        }
        return Slices.utf8Slice(text);
    }

    /** A char value as clients and varchar see it: padded with spaces to the type's length. */
    static Slice padSpaces(Slice value, int length)
    {
        int codePoints = SliceUtf8.countCodePoints(value);
        if (codePoints >= length) {
            return value;
        }
        byte[] bytes = new byte[value.length() + length - codePoints];
        value.getBytes(0, bytes, 0, value.length());
        Arrays.fill(bytes, value.length(), bytes.length, (byte) ' ');
        return Slices.wrappedBuffer(bytes);
    }

    static Slice trimTrailingSpaces(Slice value)
    {
        int end = value.length();
        while (end > 0 && value.getByte(end - 1) == ' ') {
            end--;
        }
        return end == value.length() ? value : value.slice(0, end);
    }

    private static StrataException invalid(String message)
    {
        return new StrataException(ErrorCode.INVALID_CAST_ARGUMENT, message);
    }
}

package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.BigintType;
import io.strata.spi.type.IntervalDayTimeType;
import io.strata.spi.type.IntervalYearMonthType;
import io.strata.spi.type.TimeZoneKey;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

import static io.strata.core.execution.expression.Blocks.isNull;
import static io.strata.core.execution.expression.Blocks.orNulls;
import static io.strata.core.execution.expression.TemporalValues.MICROS_PER_DAY;

/**
 * {@code timestamp(p) + interval}, {@code interval + timestamp(p)} and {@code timestamp(p) - interval} over
 * microseconds: day-to-second intervals (milliseconds) add exactly, year-to-month intervals move the date by
 * months and clamp the day to the month's end, as Presto does.
 */
final class TimestampKernels
{
    private static final long MICROS_PER_MILLI = 1000;
    /** Instants whose milliseconds still leave room for the 12 bits of the zone key. */
    private static final double MAX_MILLIS = (double) (Long.MAX_VALUE >> 12);

    private TimestampKernels() {}

    static Optional<BlockEvaluator> arithmetic(ArithmeticOperator operator, BlockEvaluator left, BlockEvaluator right, TimestampType type)
    {
        BlockEvaluator timestamp = left;
        BlockEvaluator interval = right;
        if (operator == ArithmeticOperator.ADD && !(left.type() instanceof TimestampType) && right.type() instanceof TimestampType) {
            timestamp = right;
            interval = left;
        }
        if (!(timestamp.type() instanceof TimestampType) || (operator != ArithmeticOperator.ADD && operator != ArithmeticOperator.SUBTRACT)) {
            return Optional.empty();
        }
        BlockEvaluator timestamps = ExpressionCompiler.coerce(timestamp, type);
        int sign = operator == ArithmeticOperator.ADD ? 1 : -1;
        if (interval.type() instanceof IntervalDayTimeType) {
            return Optional.of(new BinaryEvaluator(type, timestamps, interval, (values, intervals, positionCount) -> plusDayTime(values, intervals, positionCount, sign)));
        }
        if (interval.type() instanceof IntervalYearMonthType) {
            return Optional.of(new BinaryEvaluator(type, timestamps, interval, (values, intervals, positionCount) -> plusYearMonth(values, intervals, positionCount, sign)));
        }
        return Optional.empty();
    }

    /**
     * {@code timestamp with time zone ± interval}: a day-to-second interval moves the instant; a year-to-month
     * interval moves the local date-time in the value's zone (as Presto), keeping the zone.
     */
    static Optional<BlockEvaluator> zonedArithmetic(ArithmeticOperator operator, BlockEvaluator left, BlockEvaluator right, Type type)
    {
        BlockEvaluator timestamp = left;
        BlockEvaluator interval = right;
        if (operator == ArithmeticOperator.ADD && !(left.type() instanceof TimestampWithTimeZoneType)) {
            timestamp = right;
            interval = left;
        }
        if (!(timestamp.type() instanceof TimestampWithTimeZoneType) || (operator != ArithmeticOperator.ADD && operator != ArithmeticOperator.SUBTRACT)) {
            return Optional.empty();
        }
        BlockEvaluator timestamps = ExpressionCompiler.coerce(timestamp, type);
        int sign = operator == ArithmeticOperator.ADD ? 1 : -1;
        boolean months = interval.type() instanceof IntervalYearMonthType;
        if (!months && !(interval.type() instanceof IntervalDayTimeType)) {
            return Optional.empty();
        }
        return Optional.of(new BinaryEvaluator(type, timestamps, interval, (values, intervals, positionCount) -> {
            long[] packed = ((LongArrayBlock) values).rawValues();
            boolean[] nulls = orNulls(values, intervals, positionCount);
            long[] out = new long[positionCount];
            for (int i = 0; i < positionCount; i++) {
                if (isNull(nulls, i)) {
                    continue;
                }
                long millis = TimeZoneKey.unpackMillis(packed[i]);
                int key = TimeZoneKey.unpackKey(packed[i]);
                try {
                    if (months) {
                        ZonedDateTime local = Instant.ofEpochMilli(millis).atZone(TimeZoneKey.zone(key));
                        millis = local.plusMonths(sign * (long) ((IntArrayBlock) intervals).rawValues()[i]).toInstant().toEpochMilli();
                    }
                    else {
                        millis = Math.addExact(millis, sign * ((LongArrayBlock) intervals).rawValues()[i]);
                    }
                }
                catch (ArithmeticException | DateTimeException e) {
                    throw outOfRange();
                }
                out[i] = TimeZoneKey.pack(millis, key);
            }
            return new LongArrayBlock(positionCount, nulls, out);
        }));
    }

    private static Block plusDayTime(Block timestamps, Block intervals, int positionCount, int sign)
    {
        long[] micros = ((LongArrayBlock) timestamps).rawValues();
        long[] millis = ((LongArrayBlock) intervals).rawValues();
        boolean[] nulls = orNulls(timestamps, intervals, positionCount);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            try {
                out[i] = Math.addExact(micros[i], Math.multiplyExact(sign * millis[i], MICROS_PER_MILLI));
            }
            catch (ArithmeticException e) {
                if (!isNull(nulls, i)) {
                    throw outOfRange();
                }
            }
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    private static Block plusYearMonth(Block timestamps, Block intervals, int positionCount, int sign)
    {
        long[] micros = ((LongArrayBlock) timestamps).rawValues();
        int[] months = ((IntArrayBlock) intervals).rawValues();
        boolean[] nulls = orNulls(timestamps, intervals, positionCount);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            long days = Math.floorDiv(micros[i], MICROS_PER_DAY);
            long timeOfDay = Math.floorMod(micros[i], MICROS_PER_DAY);
            long movedDays = DateMath.addMonths((int) days, sign * (long) months[i]);
            try {
                out[i] = Math.addExact(Math.multiplyExact(movedDays, MICROS_PER_DAY), timeOfDay);
            }
            catch (ArithmeticException e) {
                throw outOfRange();
            }
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    /**
     * The instants (UTC milliseconds, as bigint) of timestamps with time zone: what they compare by, so that
     * the same instant in two zones is equal.
     */
    static BlockEvaluator instant(BlockEvaluator zoned)
    {
        if (zoned instanceof ConstantBlockEvaluator constant) {
            Object value = constant.value();
            return new ConstantBlockEvaluator(BigintType.BIGINT, value == null ? null : TimeZoneKey.unpackMillis((Long) value));
        }
        return new UnaryEvaluator(BigintType.BIGINT, zoned, (input, positionCount) -> {
            long[] packed = ((LongArrayBlock) input).rawValues();
            long[] out = new long[positionCount];
            for (int i = 0; i < positionCount; i++) {
                out[i] = TimeZoneKey.unpackMillis(packed[i]);
            }
            return new LongArrayBlock(positionCount, Blocks.rawNulls(input), out);
        });
    }

    /** timestamp - timestamp: the interval day to second between them, in milliseconds (truncated toward zero). */
    static Block difference(Block left, Block right, int positionCount)
    {
        long[] a = ((LongArrayBlock) left).rawValues();
        long[] b = ((LongArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = (a[i] - b[i]) / MICROS_PER_MILLI;
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    /** date_trunc(unit, timestamp); an unknown unit is INVALID_FUNCTION_ARGUMENT. */
    static Block truncate(Block units, Block timestamps, int positionCount)
    {
        VariableWidthBlock unitNames = (VariableWidthBlock) units;
        long[] micros = ((LongArrayBlock) timestamps).rawValues();
        boolean[] nulls = orNulls(units, timestamps, positionCount);
        long[] out = new long[positionCount];
        Slice lastUnit = null;
        String unit = null;
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            Slice name = unitNames.getSlice(i);
            if (!name.equals(lastUnit)) {
                unit = name.toStringUtf8().toLowerCase(Locale.ROOT);
                lastUnit = name;
            }
            out[i] = truncate(unit, micros[i]);
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    private static long truncate(String unit, long micros)
    {
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        switch (unit) {
            case "second":
                return Math.floorDiv(micros, 1_000_000L) * 1_000_000L;
            case "minute":
                return Math.floorDiv(micros, 60_000_000L) * 60_000_000L;
            case "hour":
                return Math.floorDiv(micros, 3_600_000_000L) * 3_600_000_000L;
            case "day":
                return days * MICROS_PER_DAY;
            case "week":
                // 1970-01-01 was a Thursday: weeks start on Monday
                return (days - Math.floorMod(days + 3, 7)) * MICROS_PER_DAY;
            case "month":
            case "quarter":
            case "year": {
                LocalDate date = LocalDate.ofEpochDay(days);
                LocalDate start = switch (unit) {
                    case "month" -> date.withDayOfMonth(1);
                    case "quarter" -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
                    default -> LocalDate.of(date.getYear(), 1, 1);
                };
                return start.toEpochDay() * MICROS_PER_DAY;
            }
            default:
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "'" + unit + "' is not a valid Timestamp field");
        }
    }

    /** from_unixtime(double): the instant, rounded to milliseconds, in UTC. */
    static Block fromUnixtime(Block input, int positionCount)
    {
        double[] seconds = ((DoubleArrayBlock) input).rawValues();
        boolean[] nulls = Blocks.rawNulls(input);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (!isNull(nulls, i)) {
                double millis = Math.rint(seconds[i] * 1000);
                if (Double.isNaN(millis) || Math.abs(millis) > MAX_MILLIS) {
                    throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid unix time: " + seconds[i]);
                }
                out[i] = TimeZoneKey.pack((long) millis, TimeZoneKey.UTC_KEY);
            }
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    /** to_unixtime(timestamp with time zone): seconds since 1970-01-01 UTC. */
    static Block toUnixtime(Block input, int positionCount)
    {
        long[] packed = ((LongArrayBlock) input).rawValues();
        double[] out = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = TimeZoneKey.unpackMillis(packed[i]) / 1000.0;
        }
        return new DoubleArrayBlock(positionCount, Blocks.rawNulls(input), out);
    }

    /** x AT TIME ZONE zone: the same instant with another zone key; an unknown zone is INVALID_FUNCTION_ARGUMENT. */
    static Block atTimeZone(Block timestamps, Block zones, int positionCount)
    {
        long[] packed = ((LongArrayBlock) timestamps).rawValues();
        VariableWidthBlock zoneNames = (VariableWidthBlock) zones;
        boolean[] nulls = orNulls(timestamps, zones, positionCount);
        long[] out = new long[positionCount];
        Slice lastZone = null;
        int lastKey = 0;
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            Slice zone = zoneNames.getSlice(i);
            if (!zone.equals(lastZone)) {
                String name = zone.toStringUtf8();
                lastKey = TimeZoneKey.parse(name)
                        .orElseThrow(() -> new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "'" + name + "' is not a valid time zone"));
                lastZone = zone;
            }
            out[i] = TimeZoneKey.pack(TimeZoneKey.unpackMillis(packed[i]), lastKey);
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    /** A date kernel (over days since 1970) applied to the date part of timestamps. */
    static UnaryKernel onDate(UnaryKernel dateKernel)
    {
        return (input, positionCount) -> {
            long[] micros = ((LongArrayBlock) input).rawValues();
            int[] days = new int[positionCount];
            for (int i = 0; i < positionCount; i++) {
                days[i] = (int) Math.floorDiv(micros[i], MICROS_PER_DAY);
            }
            return dateKernel.apply(new IntArrayBlock(positionCount, Blocks.rawNulls(input), days), positionCount);
        };
    }

    /** hour, minute or second of timestamps or times: (micros of the day / unit) mod modulus, as bigint. */
    static UnaryKernel timeOfDayField(long unitMicros, long modulus)
    {
        return (input, positionCount) -> {
            long[] micros = ((LongArrayBlock) input).rawValues();
            long[] out = new long[positionCount];
            for (int i = 0; i < positionCount; i++) {
                out[i] = Math.floorMod(micros[i], MICROS_PER_DAY) / unitMicros % modulus;
            }
            return new LongArrayBlock(positionCount, Blocks.rawNulls(input), out);
        };
    }

    private static StrataException outOfRange()
    {
        return new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Timestamp out of range");
    }
}

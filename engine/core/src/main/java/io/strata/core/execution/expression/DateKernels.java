package io.strata.core.execution.expression;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;

import static io.strata.core.execution.expression.Blocks.isNull;
import static io.strata.core.execution.expression.Blocks.orNulls;
import static io.strata.core.execution.expression.Blocks.rawNulls;

/**
 * Date kernels: {@code year}, {@code month}, {@code day} of a date, and a date plus or minus an interval:
 * day-to-second intervals add whole days (a part of a day is an error, as in Presto), year-to-month
 * intervals add months, clamping the day to the month's length.
 */
final class DateKernels
{
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private DateKernels() {}

    static Block year(Block input, int positionCount)
    {
        int[] days = ((IntArrayBlock) input).rawValues();
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = DateMath.year(days[i]);
        }
        return new LongArrayBlock(positionCount, rawNulls(input), out);
    }

    static Block month(Block input, int positionCount)
    {
        int[] days = ((IntArrayBlock) input).rawValues();
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = DateMath.month(days[i]);
        }
        return new LongArrayBlock(positionCount, rawNulls(input), out);
    }

    static Block day(Block input, int positionCount)
    {
        int[] days = ((IntArrayBlock) input).rawValues();
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = DateMath.dayOfMonth(days[i]);
        }
        return new LongArrayBlock(positionCount, rawNulls(input), out);
    }

    /** date ± interval day to second (millis); {@code sign} is 1 or -1. */
    static Block plusDayTime(Block dates, Block intervals, int positionCount, int sign)
    {
        int[] days = ((IntArrayBlock) dates).rawValues();
        long[] millis = ((LongArrayBlock) intervals).rawValues();
        boolean[] nulls = orNulls(dates, intervals, positionCount);
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            long interval = millis[i];
            if (interval % MILLIS_PER_DAY != 0 && !isNull(nulls, i)) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot add hour, minutes or seconds to a date");
            }
            out[i] = toDate(days[i] + sign * (interval / MILLIS_PER_DAY), nulls, i);
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    /** date ± interval year to month (months); {@code sign} is 1 or -1. */
    static Block plusYearMonth(Block dates, Block intervals, int positionCount, int sign)
    {
        int[] days = ((IntArrayBlock) dates).rawValues();
        int[] months = ((IntArrayBlock) intervals).rawValues();
        boolean[] nulls = orNulls(dates, intervals, positionCount);
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = toDate(DateMath.addMonths(days[i], sign * (long) months[i]), nulls, i);
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    private static int toDate(long days, boolean[] nulls, int position)
    {
        if (days != (int) days) {
            if (isNull(nulls, position)) {
                return 0;
            }
            throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Date out of range");
        }
        return (int) days;
    }
}

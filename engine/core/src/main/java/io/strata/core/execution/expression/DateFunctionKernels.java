package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.block.VariableWidthBlockBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import static io.strata.core.execution.expression.Blocks.isNull;
import static io.strata.core.execution.expression.Blocks.rawNulls;

/**
 * Presto's date functions over {@code date} (days since 1970-01-01): ISO weeks (Monday first, week 1 holds
 * the year's first Thursday), {@code date_trunc}, {@code date_add} and {@code date_diff} by a unit named
 * in a string (case-insensitive), ISO 8601 text and MySQL-style formatting.
 */
final class DateFunctionKernels
{
    /** The largest number of months a date can move and stay in range: about 11.8 million years. */
    private static final long MAX_MONTHS = 12L * 12_000_000;

    private DateFunctionKernels() {}

    /** The units date functions take for a {@code date}. */
    enum DateUnit
    {
        DAY, WEEK, MONTH, QUARTER, YEAR;

        static Optional<DateUnit> parse(Slice text)
        {
            String name = text.toStringUtf8().toUpperCase(Locale.ENGLISH);
            for (DateUnit unit : values()) {
                if (unit.name().equals(name)) {
                    return Optional.of(unit);
                }
            }
            return Optional.empty();
        }

        static DateUnit require(Slice text)
        {
            return parse(text).orElseThrow(() -> new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "'" + text.toStringUtf8() + "' is not a valid DATE field"));
        }
    }

    /** The field of a date a kernel computes. */
    enum DateField
    {
        DAY_OF_WEEK, DAY_OF_YEAR, WEEK, YEAR_OF_WEEK, QUARTER
    }

    static long field(DateField field, int days)
    {
        switch (field) {
            case DAY_OF_WEEK:
                return dayOfWeek(days);
            case DAY_OF_YEAR:
                return days - DateMath.daysFromCivil(DateMath.year(days), 1, 1) + 1;
            case WEEK: {
                int thursday = days - dayOfWeek(days) + 4;
                return (thursday - DateMath.daysFromCivil(DateMath.year(thursday), 1, 1)) / 7 + 1;
            }
            case YEAR_OF_WEEK:
                return DateMath.year(days - dayOfWeek(days) + 4);
            case QUARTER:
                return (DateMath.month(days) - 1) / 3 + 1;
        }
        throw new IllegalArgumentException("unknown field " + field);
    }

    /** ISO day of the week, Monday 1 to Sunday 7 (1970-01-01 was a Thursday). */
    static int dayOfWeek(int days)
    {
        return Math.floorMod(days + 3, 7) + 1;
    }

    static Block field(Block input, int positionCount, DateField field)
    {
        int[] days = ((IntArrayBlock) input).rawValues();
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = field(field, days[i]);
        }
        return new LongArrayBlock(positionCount, rawNulls(input), out);
    }

    static Block lastDayOfMonth(Block input, int positionCount)
    {
        int[] days = ((IntArrayBlock) input).rawValues();
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            int year = DateMath.year(days[i]);
            int month = DateMath.month(days[i]);
            out[i] = DateMath.daysFromCivil(year, month, DateMath.daysInMonth(year, month));
        }
        return new IntArrayBlock(positionCount, rawNulls(input), out);
    }

    static int truncate(DateUnit unit, int days)
    {
        switch (unit) {
            case DAY:
                return days;
            case WEEK:
                return days - dayOfWeek(days) + 1;
            case MONTH:
                return DateMath.daysFromCivil(DateMath.year(days), DateMath.month(days), 1);
            case QUARTER:
                return DateMath.daysFromCivil(DateMath.year(days), (DateMath.month(days) - 1) / 3 * 3 + 1, 1);
            case YEAR:
                return DateMath.daysFromCivil(DateMath.year(days), 1, 1);
        }
        throw new IllegalArgumentException("unknown unit " + unit);
    }

    /** {@code date_trunc(unit, date)}; operands: unit, date. */
    static Block dateTrunc(Block[] operands, int positionCount, Optional<DateUnit> constantUnit)
    {
        VariableWidthBlock units = (VariableWidthBlock) operands[0];
        int[] days = ((IntArrayBlock) operands[1]).rawValues();
        boolean[] nulls = StringFunctionKernels.nulls(operands, positionCount);
        int[] out = new int[positionCount];
        UnitCache cache = new UnitCache(constantUnit);
        for (int i = 0; i < positionCount; i++) {
            if (!isNull(nulls, i)) {
                out[i] = truncate(cache.unit(units, i), days[i]);
            }
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    /** {@code date_add(unit, value, date)}; operands: unit, value, date. */
    static Block dateAdd(Block[] operands, int positionCount, Optional<DateUnit> constantUnit)
    {
        VariableWidthBlock units = (VariableWidthBlock) operands[0];
        long[] values = ((LongArrayBlock) operands[1]).rawValues();
        int[] days = ((IntArrayBlock) operands[2]).rawValues();
        boolean[] nulls = StringFunctionKernels.nulls(operands, positionCount);
        int[] out = new int[positionCount];
        UnitCache cache = new UnitCache(constantUnit);
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            long value = values[i];
            long result;
            switch (cache.unit(units, i)) {
                case DAY:
                    result = days[i] + value;
                    break;
                case WEEK:
                    result = days[i] + multiply(value, 7);
                    break;
                case MONTH:
                    result = addMonths(days[i], value);
                    break;
                case QUARTER:
                    result = addMonths(days[i], multiply(value, 3));
                    break;
                case YEAR:
                    result = addMonths(days[i], multiply(value, 12));
                    break;
                default:
                    throw new IllegalStateException();
            }
            if (result != (int) result) {
                throw dateOutOfRange();
            }
            out[i] = (int) result;
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    private static long multiply(long value, int factor)
    {
        if (Math.abs(value) > MAX_MONTHS * 31) {
            throw dateOutOfRange();
        }
        return value * factor;
    }

    private static long addMonths(int days, long months)
    {
        if (Math.abs(months) > MAX_MONTHS) {
            throw dateOutOfRange();
        }
        return DateMath.addMonths(days, months);
    }

    private static StrataException dateOutOfRange()
    {
        return new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Date out of range");
    }

    /** {@code date_diff(unit, start, end)}: whole units from start to end, negative when end is earlier. */
    static Block dateDiff(Block[] operands, int positionCount, Optional<DateUnit> constantUnit)
    {
        VariableWidthBlock units = (VariableWidthBlock) operands[0];
        int[] starts = ((IntArrayBlock) operands[1]).rawValues();
        int[] ends = ((IntArrayBlock) operands[2]).rawValues();
        boolean[] nulls = StringFunctionKernels.nulls(operands, positionCount);
        long[] out = new long[positionCount];
        UnitCache cache = new UnitCache(constantUnit);
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            long start = starts[i];
            long end = ends[i];
            switch (cache.unit(units, i)) {
                case DAY:
                    out[i] = end - start;
                    break;
                case WEEK:
                    out[i] = (end - start) / 7;
                    break;
                case MONTH:
                    out[i] = monthsBetween(starts[i], ends[i]);
                    break;
                case QUARTER:
                    out[i] = monthsBetween(starts[i], ends[i]) / 3;
                    break;
                case YEAR:
                    out[i] = monthsBetween(starts[i], ends[i]) / 12;
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    /**
     * Complete months from {@code start} to {@code end} as Presto (Joda-Time) counts them: a month is complete
     * when the end's day of month reaches the start's, and the last day of a month reaches any later day.
     */
    static long monthsBetween(int start, int end)
    {
        if (end < start) {
            return -monthsBetween(end, start);
        }
        int startYear = DateMath.year(start);
        int startMonth = DateMath.month(start);
        int startDay = DateMath.dayOfMonth(start);
        int endYear = DateMath.year(end);
        int endMonth = DateMath.month(end);
        int endDay = DateMath.dayOfMonth(end);
        long months = (endYear - (long) startYear) * 12 + endMonth - startMonth;
        if (endDay == DateMath.daysInMonth(endYear, endMonth) && startDay > endDay) {
            startDay = endDay;
        }
        if (endDay < startDay) {
            months--;
        }
        return months;
    }

    /**
     * The unit of each row: the constant one, resolved when the expression was compiled, or else resolved again
     * only when the text changes. An invalid constant unit is left to fail on the first row that is not NULL.
     */
    private static final class UnitCache
    {
        private final Optional<DateUnit> constant;
        private Slice text;
        private DateUnit unit;

        UnitCache(Optional<DateUnit> constant)
        {
            this.constant = constant;
        }

        DateUnit unit(VariableWidthBlock units, int position)
        {
            if (constant.isPresent()) {
                return constant.get();
            }
            Slice current = units.getSlice(position);
            if (unit == null || !current.equals(text)) {
                unit = DateUnit.require(current);
                text = current;
            }
            return unit;
        }
    }

    static Block toIso8601(Block input, int positionCount)
    {
        int[] days = ((IntArrayBlock) input).rawValues();
        boolean[] nulls = rawNulls(input);
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                builder.appendNull();
                continue;
            }
            byte[] text = DateMath.format(days[i]).getBytes(StandardCharsets.US_ASCII);
            builder.appendBytes(text, 0, text.length);
        }
        return builder.build();
    }

    /**
     * {@code from_iso8601_date}: the ISO 8601 date forms Presto accepts: {@code YYYY-MM-DD}, {@code YYYY-MM},
     * {@code YYYY}, ordinal {@code YYYY-DDD} and week dates {@code YYYY-Www[-D]}.
     */
    static Block fromIso8601Date(Block input, int positionCount)
    {
        VariableWidthBlock values = (VariableWidthBlock) input;
        boolean[] nulls = rawNulls(input);
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            String text = values.getSlice(i).toStringUtf8();
            out[i] = parseIso8601Date(text);
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    private static int parseIso8601Date(String text)
    {
        String full = text;
        if (text.matches("\\d{4}")) {
            full = text + "-01-01";
        }
        else if (text.matches("\\d{4}-\\d{2}")) {
            full = text + "-01";
        }
        if (text.matches("\\d{4}-\\d{3}")) {
            int year = Integer.parseInt(text.substring(0, 4));
            int dayOfYear = Integer.parseInt(text.substring(5));
            if (dayOfYear >= 1 && dayOfYear <= (DateMath.isLeapYear(year) ? 366 : 365)) {
                return DateMath.daysFromCivil(year, 1, 1) + dayOfYear - 1;
            }
        }
        if (text.matches("\\d{4}-W\\d{2}(-[1-7])?")) {
            int year = Integer.parseInt(text.substring(0, 4));
            int week = Integer.parseInt(text.substring(6, 8));
            int dayOfWeek = text.length() > 8 ? text.charAt(9) - '0' : 1;
            // week 1 is the week of January 4th
            int january4 = DateMath.daysFromCivil(year, 1, 4);
            int firstMonday = january4 - dayOfWeek(january4) + 1;
            int days = firstMonday + (week - 1) * 7 + dayOfWeek - 1;
            if (week >= 1 && (int) field(DateField.YEAR_OF_WEEK, days) == year) {
                return days;
            }
        }
        if (full.matches("\\d{4}-\\d{2}-\\d{2}")) {
            OptionalInt days = DateMath.parse(full);
            if (days.isPresent()) {
                return days.getAsInt();
            }
        }
        throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid format: \"" + text + "\"");
    }

    /**
     * {@code date_format(date, format)} with MySQL's specifiers, as Presto implements them; the time of day
     * of a date is midnight.
     */
    static Block dateFormat(Block[] operands, int positionCount)
    {
        int[] days = ((IntArrayBlock) operands[0]).rawValues();
        VariableWidthBlock formats = (VariableWidthBlock) operands[1];
        boolean[] nulls = StringFunctionKernels.nulls(operands, positionCount);
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                builder.appendNull();
                continue;
            }
            text.setLength(0);
            format(days[i], formats.getSlice(i).toStringUtf8(), text);
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            builder.appendBytes(bytes, 0, bytes.length);
        }
        return builder.build();
    }

    private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
    private static final String[] DAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private static void format(int days, String format, StringBuilder text)
    {
        int year = DateMath.year(days);
        int month = DateMath.month(days);
        int day = DateMath.dayOfMonth(days);
        int dayOfWeek = dayOfWeek(days);
        for (int k = 0; k < format.length(); k++) {
            char character = format.charAt(k);
            if (character != '%' || k + 1 == format.length()) {
                text.append(character);
                continue;
            }
            char specifier = format.charAt(++k);
            switch (specifier) {
                case 'a' -> text.append(DAY_NAMES[dayOfWeek - 1], 0, 3);
                case 'W' -> text.append(DAY_NAMES[dayOfWeek - 1]);
                case 'b' -> text.append(MONTH_NAMES[month - 1], 0, 3);
                case 'M' -> text.append(MONTH_NAMES[month - 1]);
                case 'c' -> text.append(month);
                case 'm' -> pad(text, month, 2);
                case 'd' -> pad(text, day, 2);
                case 'e' -> text.append(day);
                case 'D' -> text.append(day).append(ordinalSuffix(day));
                case 'j' -> pad(text, field(DateField.DAY_OF_YEAR, days), 3);
                case 'v' -> pad(text, field(DateField.WEEK, days), 2);
                case 'x' -> pad(text, field(DateField.YEAR_OF_WEEK, days), 4);
                case 'w' -> text.append(dayOfWeek % 7);
                case 'Y' -> pad(text, year, 4);
                case 'y' -> pad(text, Math.floorMod(year, 100), 2);
                case 'H', 'h', 'I', 'i', 'S', 's' -> text.append("00");
                case 'k' -> text.append('0');
                case 'l' -> text.append("12");
                case 'f' -> text.append("000000");
                case 'p' -> text.append("AM");
                case 'r' -> text.append("12:00:00 AM");
                case 'T' -> text.append("00:00:00");
                case 'U', 'u', 'V', 'X' -> throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "%" + specifier + " not supported in date format string");
                default -> text.append(specifier);
            }
        }
    }

    private static void pad(StringBuilder text, long value, int width)
    {
        String digits = Long.toString(Math.abs(value));
        if (value < 0) {
            text.append('-');
        }
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }

    private static String ordinalSuffix(int day)
    {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        switch (day % 10) {
            case 1:
                return "st";
            case 2:
                return "nd";
            case 3:
                return "rd";
            default:
                return "th";
        }
    }
}

package io.strata.server.protocol;

import io.airlift.slice.Slice;
import io.strata.core.execution.expression.TemporalValues;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.BigintType;
import io.strata.spi.type.BooleanType;
import io.strata.spi.type.CharType;
import io.strata.spi.type.DateType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.Int128;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.IntervalDayTimeType;
import io.strata.spi.type.IntervalYearMonthType;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RealType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.SmallintType;
import io.strata.spi.type.TimeType;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.TinyintType;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;
import io.strata.spi.type.VarbinaryType;
import io.strata.spi.type.VarcharType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.LongFunction;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * Turns output pages into the rows of {@code QueryResults.data}, with each value in the JSON form the
 * Presto and Trino drivers parse (client-protocol.md §1.6): booleans and integers as JSON values, doubles as
 * numbers except {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} as strings, decimals as strings at
 * their scale ({@code "12.30"}), varchar as strings, dates as {@code "yyyy-MM-dd"}, intervals as
 * {@code "D HH:mm:ss.SSS"} and {@code "Y-M"}, SQL NULL (and every value of type {@code unknown}) as
 * {@code null}. Works a column at a time over each block's arrays; the encoder for each column is chosen
 * once, from its type.
 */
public final class RowEncoder
{
    private static final long MILLIS_PER_SECOND = 1000;
    private static final long MILLIS_PER_MINUTE = 60 * MILLIS_PER_SECOND;
    private static final long MILLIS_PER_HOUR = 60 * MILLIS_PER_MINUTE;
    private static final long MILLIS_PER_DAY = 24 * MILLIS_PER_HOUR;

    private final List<ColumnEncoder> encoders;

    private RowEncoder(List<ColumnEncoder> encoders)
    {
        this.encoders = List.copyOf(encoders);
    }

    /**
     * An encoder for pages whose channels have {@code types}, in order.
     *
     * @throws IllegalArgumentException for a type without a client encoding
     */
    public static RowEncoder create(List<Type> types)
    {
        requireNonNull(types, "types is null");
        List<ColumnEncoder> encoders = new ArrayList<>(types.size());
        for (Type type : types) {
            encoders.add(encoderFor(type));
        }
        return new RowEncoder(encoders);
    }

    /** The rows of {@code page}, each a list of JSON-ready values. */
    public List<List<Object>> encode(Page page)
    {
        List<List<Object>> rows = new ArrayList<>(page.positionCount());
        appendRows(page, rows);
        return rows;
    }

    /** Adds the rows of {@code page} to {@code rows}. */
    public void appendRows(Page page, List<List<Object>> rows)
    {
        if (page.channelCount() != encoders.size()) {
            throw new IllegalArgumentException("page has " + page.channelCount() + " channels, expected " + encoders.size());
        }
        int positions = page.positionCount();
        Object[][] values = new Object[positions][encoders.size()];
        for (int channel = 0; channel < encoders.size(); channel++) {
            encoders.get(channel).encode(page.getBlock(channel), channel, values);
        }
        for (Object[] row : values) {
            rows.add(Arrays.asList(row));
        }
    }

    private static ColumnEncoder encoderFor(Type type)
    {
        if (type instanceof BooleanType) {
            return RowEncoder::encodeBoolean;
        }
        if (type instanceof IntegerType) {
            return RowEncoder::encodeInteger;
        }
        if (type instanceof BigintType) {
            return RowEncoder::encodeBigint;
        }
        if (type instanceof DoubleType) {
            return RowEncoder::encodeDouble;
        }
        if (type instanceof DecimalType decimalType) {
            int scale = decimalType.scale();
            return (block, channel, rows) -> encodeDecimal(block, scale, channel, rows);
        }
        if (type instanceof VarcharType) {
            return RowEncoder::encodeVarchar;
        }
        if (type instanceof DateType) {
            return RowEncoder::encodeDate;
        }
        if (type instanceof IntervalDayTimeType) {
            return RowEncoder::encodeIntervalDayTime;
        }
        if (type instanceof IntervalYearMonthType) {
            return RowEncoder::encodeIntervalYearMonth;
        }
        if (type instanceof ArrayType || type instanceof MapType || type instanceof RowType) {
            return (block, channel, rows) -> NestedValueEncoder.encodeColumn(type, block, channel, rows);
        }
        if (type instanceof TinyintType || type instanceof SmallintType) {
            return RowEncoder::encodeInteger;
        }
        if (type instanceof RealType) {
            return RowEncoder::encodeReal;
        }
        if (type instanceof CharType charType) {
            int length = charType.length();
            return (block, channel, rows) -> encodeChar(block, length, channel, rows);
        }
        if (type instanceof VarbinaryType) {
            return RowEncoder::encodeVarbinary;
        }
        if (type instanceof TimestampType timestamp) {
            // at least milliseconds: what the drivers' timestamp parsers expect
            int digits = Math.max(3, timestamp.precision());
            return (block, channel, rows) -> encodeLongs(block, channel, rows, value -> TemporalValues.formatTimestamp(value, digits));
        }
        if (type instanceof TimestampWithTimeZoneType zoned) {
            int digits = Math.max(3, zoned.precision());
            return (block, channel, rows) -> encodeLongs(block, channel, rows, value -> TemporalValues.formatTimestampWithTimeZone(value, digits));
        }
        if (type instanceof TimeType time) {
            int digits = Math.max(3, time.precision());
            return (block, channel, rows) -> encodeLongs(block, channel, rows, value -> TemporalValues.formatTime(value, digits));
        }
        if (type instanceof UnknownType) {
            // every value of the type of a bare NULL is null; the rows start out null
            return (block, channel, rows) -> { };
        }
        throw new IllegalArgumentException("no client encoding for type " + type.displayName());
    }

    private static void encodeBoolean(Block block, int channel, Object[][] rows)
    {
        ByteArrayBlock bytes = (ByteArrayBlock) block;
        byte[] values = bytes.rawValues();
        boolean[] nulls = bytes.rawNulls();
        for (int position = 0; position < rows.length; position++) {
            if (nulls == null || !nulls[position]) {
                rows[position][channel] = values[position] != 0;
            }
        }
    }

    private static void encodeInteger(Block block, int channel, Object[][] rows)
    {
        IntArrayBlock ints = (IntArrayBlock) block;
        int[] values = ints.rawValues();
        boolean[] nulls = ints.rawNulls();
        for (int position = 0; position < rows.length; position++) {
            if (nulls == null || !nulls[position]) {
                rows[position][channel] = values[position];
            }
        }
    }

    private static void encodeBigint(Block block, int channel, Object[][] rows)
    {
        LongArrayBlock longs = (LongArrayBlock) block;
        long[] values = longs.rawValues();
        boolean[] nulls = longs.rawNulls();
        for (int position = 0; position < rows.length; position++) {
            if (nulls == null || !nulls[position]) {
                rows[position][channel] = values[position];
            }
        }
    }

    private static void encodeDouble(Block block, int channel, Object[][] rows)
    {
        DoubleArrayBlock doubles = (DoubleArrayBlock) block;
        double[] values = doubles.rawValues();
        boolean[] nulls = doubles.rawNulls();
        for (int position = 0; position < rows.length; position++) {
            if (nulls == null || !nulls[position]) {
                rows[position][channel] = encodeDouble(values[position]);
            }
        }
    }

    /** A real as a JSON number of its float value (so {@code 0.1} reads as 0.1), or the non-finite strings. */
    private static void encodeReal(Block block, int channel, Object[][] rows)
    {
        DoubleArrayBlock doubles = (DoubleArrayBlock) block;
        double[] values = doubles.rawValues();
        boolean[] nulls = doubles.rawNulls();
        for (int position = 0; position < rows.length; position++) {
            if (nulls == null || !nulls[position]) {
                double value = values[position];
                rows[position][channel] = Double.isNaN(value) || Double.isInfinite(value) ? encodeDouble(value) : (Object) (float) value;
            }
        }
    }

    /** A char(n) value padded with spaces to n characters, as Presto returns it. */
    private static void encodeChar(Block block, int length, int channel, Object[][] rows)
    {
        encodeVarchar(block, channel, rows);
        for (Object[] row : rows) {
            if (row[channel] instanceof String text) {
                int missing = length - text.codePointCount(0, text.length());
                if (missing > 0) {
                    row[channel] = text + " ".repeat(missing);
                }
            }
        }
    }

    /** Varbinary as base64, as Presto sends it. */
    private static void encodeVarbinary(Block block, int channel, Object[][] rows)
    {
        VariableWidthBlock bytes = (VariableWidthBlock) block;
        Slice data = bytes.rawSlice();
        int[] offsets = bytes.rawOffsets();
        boolean[] nulls = bytes.rawNulls();
        Base64.Encoder encoder = Base64.getEncoder();
        for (int position = 0; position < rows.length; position++) {
            if (nulls == null || !nulls[position]) {
                rows[position][channel] = encoder.encodeToString(data.getBytes(offsets[position], offsets[position + 1] - offsets[position]));
            }
        }
    }

    private static void encodeLongs(Block block, int channel, Object[][] rows, LongFunction<String> format)
    {
        LongArrayBlock longs = (LongArrayBlock) block;
        long[] values = longs.rawValues();
        boolean[] nulls = longs.rawNulls();
        for (int position = 0; position < rows.length; position++) {
            if (nulls == null || !nulls[position]) {
                rows[position][channel] = format.apply(values[position]);
            }
        }
    }

    /** A double as the drivers read it: a number, or a string for the values JSON has no number for. */
    static Object encodeDouble(double value)
    {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return value;
    }

    private static void encodeDecimal(Block block, int scale, int channel, Object[][] rows)
    {
        if (block instanceof LongArrayBlock longs) {
            long[] values = longs.rawValues();
            boolean[] nulls = longs.rawNulls();
            for (int position = 0; position < rows.length; position++) {
                if (nulls == null || !nulls[position]) {
                    rows[position][channel] = BigDecimal.valueOf(values[position], scale).toPlainString();
                }
            }
            return;
        }
        Int128ArrayBlock int128s = (Int128ArrayBlock) block;
        for (int position = 0; position < rows.length; position++) {
            if (!int128s.isNull(position)) {
                Int128 unscaled = new Int128(int128s.getHigh(position), int128s.getLow(position));
                BigDecimal value = unscaled.fitsInLong()
                        ? BigDecimal.valueOf(unscaled.low(), scale)
                        : new BigDecimal(unscaled.toBigInteger(), scale);
                rows[position][channel] = value.toPlainString();
            }
        }
    }

    private static void encodeVarchar(Block block, int channel, Object[][] rows)
    {
        VariableWidthBlock strings = (VariableWidthBlock) block;
        Slice data = strings.rawSlice();
        int[] offsets = strings.rawOffsets();
        boolean[] nulls = strings.rawNulls();
        for (int position = 0; position < rows.length; position++) {
            if (nulls == null || !nulls[position]) {
                rows[position][channel] = data.toString(offsets[position], offsets[position + 1] - offsets[position], StandardCharsets.UTF_8);
            }
        }
    }

    private static void encodeDate(Block block, int channel, Object[][] rows)
    {
        IntArrayBlock ints = (IntArrayBlock) block;
        int[] values = ints.rawValues();
        boolean[] nulls = ints.rawNulls();
        for (int position = 0; position < rows.length; position++) {
            if (nulls == null || !nulls[position]) {
                rows[position][channel] = LocalDate.ofEpochDay(values[position]).toString();
            }
        }
    }

    private static void encodeIntervalDayTime(Block block, int channel, Object[][] rows)
    {
        LongArrayBlock longs = (LongArrayBlock) block;
        long[] values = longs.rawValues();
        boolean[] nulls = longs.rawNulls();
        for (int position = 0; position < rows.length; position++) {
            if (nulls == null || !nulls[position]) {
                rows[position][channel] = formatDayTime(values[position]);
            }
        }
    }

    private static void encodeIntervalYearMonth(Block block, int channel, Object[][] rows)
    {
        IntArrayBlock ints = (IntArrayBlock) block;
        int[] values = ints.rawValues();
        boolean[] nulls = ints.rawNulls();
        for (int position = 0; position < rows.length; position++) {
            if (nulls == null || !nulls[position]) {
                rows[position][channel] = formatYearMonth(values[position]);
            }
        }
    }

    /** {@code interval day to second} from milliseconds: {@code [-]D HH:mm:ss.SSS}, as Presto writes it. */
    static String formatDayTime(long millis)
    {
        if (millis == Long.MIN_VALUE) {
            // its negation overflows
            return "-106751991167 07:12:55.808";
        }
        String sign = millis < 0 ? "-" : "";
        long remaining = Math.abs(millis);
        long days = remaining / MILLIS_PER_DAY;
        remaining %= MILLIS_PER_DAY;
        long hours = remaining / MILLIS_PER_HOUR;
        remaining %= MILLIS_PER_HOUR;
        long minutes = remaining / MILLIS_PER_MINUTE;
        remaining %= MILLIS_PER_MINUTE;
        long seconds = remaining / MILLIS_PER_SECOND;
        long fraction = remaining % MILLIS_PER_SECOND;
        return String.format(ENGLISH, "%s%d %02d:%02d:%02d.%03d", sign, days, hours, minutes, seconds, fraction);
    }

    /** {@code interval year to month} from months: {@code [-]Y-M}, as Presto writes it. */
    static String formatYearMonth(int months)
    {
        if (months == Integer.MIN_VALUE) {
            return "-178956970-8";
        }
        String sign = months < 0 ? "-" : "";
        int remaining = Math.abs(months);
        return sign + (remaining / 12) + "-" + (remaining % 12);
    }

    @FunctionalInterface
    private interface ColumnEncoder
    {
        /** Writes the block's values into column {@code channel} of {@code rows}, leaving nulls as {@code null}. */
        void encode(Block block, int channel, Object[][] rows);
    }
}

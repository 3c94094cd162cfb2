package io.strata.core.execution.testing;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.core.execution.expression.DecimalMath;
import io.strata.core.execution.expression.TemporalValues;
import io.strata.spi.block.Block;
import io.strata.spi.block.Page;
import io.strata.spi.type.BigintType;
import io.strata.spi.type.BooleanType;
import io.strata.spi.type.CharType;
import io.strata.spi.type.DateType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.TimeType;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarbinaryType;
import io.strata.spi.type.VarcharType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Values in test form ({@code Long}, {@code Integer}, {@code Double}, {@code Boolean}, {@code String},
 * {@code BigDecimal}, {@code LocalDate}, null) to and from the layout form blocks hold.
 */
public final class Values
{
    private Values() {}

    public static Object toLayoutValue(Type type, Object value)
    {
        if (value == null) {
            return null;
        }
        if (type instanceof VarcharType) {
            return value instanceof Slice ? value : Slices.utf8Slice((String) value);
        }
        if (type instanceof DateType && value instanceof LocalDate) {
            return (int) ((LocalDate) value).toEpochDay();
        }
        if (type instanceof DecimalType) {
            BigDecimal decimal = value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
            Object unscaled = DecimalMath.fromBigDecimal(decimal, (DecimalType) type);
            if (unscaled == null) {
                throw new IllegalArgumentException(value + " does not fit " + type);
            }
            return unscaled;
        }
        if (type instanceof BigintType) {
            return ((Number) value).longValue();
        }
        if (type instanceof IntegerType) {
            return ((Number) value).intValue();
        }
        if (type instanceof DoubleType) {
            return ((Number) value).doubleValue();
        }
        if (type instanceof BooleanType) {
            return value;
        }
        return value;
    }

    public static Object toTestValue(Type type, Block block, int position)
    {
        Object value = type.getValue(block, position);
        if (value == null) {
            return null;
        }
        if (type instanceof VarcharType) {
            return ((Slice) value).toStringUtf8();
        }
        if (type instanceof DateType) {
            return LocalDate.ofEpochDay((Integer) value);
        }
        if (type instanceof DecimalType) {
            return DecimalMath.toBigDecimal(value, (DecimalType) type);
        }
        if (type instanceof CharType charType) {
            String text = ((Slice) value).toStringUtf8();
            return text + " ".repeat(Math.max(0, charType.length() - text.codePointCount(0, text.length())));
        }
        if (type instanceof VarbinaryType) {
            return ((Slice) value).getBytes();
        }
        if (type instanceof TimestampType) {
            long micros = (Long) value;
            return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), (int) Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC);
        }
        if (type instanceof TimestampWithTimeZoneType zoned) {
            return TemporalValues.formatTimestampWithTimeZone((Long) value, zoned.precision());
        }
        if (type instanceof TimeType) {
            return LocalTime.ofNanoOfDay((Long) value * 1000);
        }
        return value;
    }

    /** The rows of pages in test form. */
    public static List<List<Object>> toRows(List<? extends Type> types, List<Page> pages)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (Page page : pages) {
            for (int position = 0; position < page.positionCount(); position++) {
                Object[] row = new Object[types.size()];
                for (int channel = 0; channel < row.length; channel++) {
                    row[channel] = toTestValue(types.get(channel), page.getBlock(channel), position);
                }
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }

    public static List<Object> row(Object... values)
    {
        return Arrays.asList(values);
    }
}

package io.strata.server.protocol;

import io.airlift.slice.Slice;
import io.strata.core.execution.expression.TemporalValues;
import io.strata.spi.block.ArrayBlock;
import io.strata.spi.block.Block;
import io.strata.spi.block.MapBlock;
import io.strata.spi.block.RowBlock;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.CharType;
import io.strata.spi.type.DateType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.Int128;
import io.strata.spi.type.IntervalDayTimeType;
import io.strata.spi.type.IntervalYearMonthType;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RealType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.TimeType;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;
import io.strata.spi.type.VarbinaryType;
import io.strata.spi.type.VarcharType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of array, map and row values as Presto's drivers parse them: an array is a JSON array, a map
 * a JSON object whose keys are the keys' JSON values as text, a row a JSON array of its field values; the
 * values inside in the same form as top-level columns of their type.
 */
final class NestedValueEncoder
{
    private NestedValueEncoder() {}

    static void encodeColumn(Type type, Block block, int channel, Object[][] rows)
    {
        for (int position = 0; position < rows.length; position++) {
            rows[position][channel] = encode(type, block, position);
        }
    }

    static Object encode(Type type, Block block, int position)
    {
        if (block.isNull(position) || type instanceof UnknownType) {
            return null;
        }
        if (type instanceof ArrayType arrayType) {
            ArrayBlock arrays = (ArrayBlock) block;
            List<Object> values = new ArrayList<>(arrays.getLength(position));
            int start = arrays.getOffset(position);
            for (int i = 0; i < arrays.getLength(position); i++) {
                values.add(encode(arrayType.elementType(), arrays.rawElements(), start + i));
            }
            return Collections.unmodifiableList(values);
        }
        if (type instanceof MapType mapType) {
            MapBlock maps = (MapBlock) block;
            Map<String, Object> values = new LinkedHashMap<>();
            int start = maps.getOffset(position);
            for (int i = 0; i < maps.getLength(position); i++) {
                values.put(String.valueOf(encode(mapType.keyType(), maps.rawKeys(), start + i)), encode(mapType.valueType(), maps.rawValues(), start + i));
            }
            return Collections.unmodifiableMap(values);
        }
        if (type instanceof RowType rowType) {
            RowBlock rows = (RowBlock) block;
            List<Object> values = new ArrayList<>(rows.fieldCount());
            for (int field = 0; field < rows.fieldCount(); field++) {
                values.add(encode(rowType.fields().get(field).type(), rows.getField(field), position));
            }
            return Collections.unmodifiableList(values);
        }
        Object value = block.getValue(position);
        if (type instanceof DoubleType) {
            return RowEncoder.encodeDouble((Double) value);
        }
        if (type instanceof DecimalType decimalType) {
            if (value instanceof Long unscaled) {
                return BigDecimal.valueOf(unscaled, decimalType.scale()).toPlainString();
            }
            Int128 unscaled = (Int128) value;
            return new BigDecimal(unscaled.toBigInteger(), decimalType.scale()).toPlainString();
        }
        if (type instanceof VarcharType) {
            return ((Slice) value).toStringUtf8();
        }
        if (type instanceof DateType) {
            return LocalDate.ofEpochDay((Integer) value).toString();
        }
        if (type instanceof IntervalDayTimeType) {
            return RowEncoder.formatDayTime((Long) value);
        }
        if (type instanceof IntervalYearMonthType) {
            return RowEncoder.formatYearMonth((Integer) value);
        }
        return encodeNewerScalar(type, value);
    }

    /** The scalar types beyond the first slice's, spelled as {@link RowEncoder} spells them at the top level. */
    private static Object encodeNewerScalar(Type type, Object value)
    {
        if (type instanceof RealType) {
            double real = (Double) value;
            return Double.isNaN(real) || Double.isInfinite(real) ? RowEncoder.encodeDouble(real) : (Object) (float) real;
        }
        if (type instanceof CharType charType) {
            String text = ((Slice) value).toStringUtf8();
            int missing = charType.length() - text.codePointCount(0, text.length());
            return missing > 0 ? text + " ".repeat(missing) : text;
        }
        if (type instanceof VarbinaryType) {
            return Base64.getEncoder().encodeToString(((Slice) value).getBytes());
        }
        if (type instanceof TimestampType timestamp) {
            return TemporalValues.formatTimestamp((Long) value, Math.max(3, timestamp.precision()));
        }
        if (type instanceof TimestampWithTimeZoneType zoned) {
            return TemporalValues.formatTimestampWithTimeZone((Long) value, Math.max(3, zoned.precision()));
        }
        if (type instanceof TimeType time) {
            return TemporalValues.formatTime((Long) value, Math.max(3, time.precision()));
        }
        // booleans, integers and bigints are their JSON values
        return value;
    }
}

package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.ArrayBlock;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.MapBlock;
import io.strata.spi.block.RowBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.Type;

import java.util.Arrays;

/**
 * Equality, identity, hashing and ordering of single positions of any type, for the elements of arrays,
 * maps and rows. These work one position at a time (nested values have no fixed width), dispatching on the
 * type's layout; kernels call them from their per-row loops over the child blocks.
 */
public final class NestedValues
{
    /** {@link #equal} result: the values are equal. */
    static final int TRUE = 1;
    /** {@link #equal} result: the values differ. */
    static final int FALSE = 0;
    /** {@link #equal} result: a null inside decides nothing (SQL's unknown). */
    static final int INDETERMINATE = -1;

    private NestedValues() {}

    /**
     * SQL {@code =} of two non-null positions: {@link #FALSE} as soon as any part differs, else
     * {@link #INDETERMINATE} if a part compared was null, else {@link #TRUE}; as Presto compares arrays, maps
     * and rows.
     */
    static int equal(Type type, Block left, int leftPosition, Block right, int rightPosition)
    {
        switch (type.layout()) {
            case ARRAY: {
                ArrayBlock leftArrays = (ArrayBlock) left;
                ArrayBlock rightArrays = (ArrayBlock) right;
                int length = leftArrays.getLength(leftPosition);
                if (length != rightArrays.getLength(rightPosition)) {
                    return FALSE;
                }
                Type elementType = ((ArrayType) type).elementType();
                return equalSequences(elementType, leftArrays.rawElements(), leftArrays.getOffset(leftPosition),
                        rightArrays.rawElements(), rightArrays.getOffset(rightPosition), length);
            }
            case ROW: {
                RowBlock leftRows = (RowBlock) left;
                RowBlock rightRows = (RowBlock) right;
                RowType rowType = (RowType) type;
                boolean indeterminate = false;
                for (int field = 0; field < leftRows.fieldCount(); field++) {
                    int result = equalOrNull(rowType.fields().get(field).type(), leftRows.getField(field), leftPosition, rightRows.getField(field), rightPosition);
                    if (result == FALSE) {
                        return FALSE;
                    }
                    indeterminate |= result == INDETERMINATE;
                }
                return indeterminate ? INDETERMINATE : TRUE;
            }
            case MAP: {
                MapBlock leftMaps = (MapBlock) left;
                MapBlock rightMaps = (MapBlock) right;
                int length = leftMaps.getLength(leftPosition);
                if (length != rightMaps.getLength(rightPosition)) {
                    return FALSE;
                }
                MapType mapType = (MapType) type;
                boolean indeterminate = false;
                for (int i = 0; i < length; i++) {
                    int leftEntry = leftMaps.getOffset(leftPosition) + i;
                    int rightEntry = findKey(mapType.keyType(), rightMaps, rightPosition, leftMaps.rawKeys(), leftEntry);
                    if (rightEntry < 0) {
                        return FALSE;
                    }
                    int result = equalOrNull(mapType.valueType(), leftMaps.rawValues(), leftEntry, rightMaps.rawValues(), rightEntry);
                    if (result == FALSE) {
                        return FALSE;
                    }
                    indeterminate |= result == INDETERMINATE;
                }
                return indeterminate ? INDETERMINATE : TRUE;
            }
            default:
                return compare(type, left, leftPosition, right, rightPosition) == 0 ? TRUE : FALSE;
        }
    }

    /** {@link #equal} over {@code length} elements from each start. */
    static int equalSequences(Type elementType, Block left, int leftStart, Block right, int rightStart, int length)
    {
        boolean indeterminate = false;
        for (int i = 0; i < length; i++) {
            int result = equalOrNull(elementType, left, leftStart + i, right, rightStart + i);
            if (result == FALSE) {
                return FALSE;
            }
            indeterminate |= result == INDETERMINATE;
        }
        return indeterminate ? INDETERMINATE : TRUE;
    }

    /** {@link #equal}, or {@link #INDETERMINATE} when either position is null. */
    static int equalOrNull(Type type, Block left, int leftPosition, Block right, int rightPosition)
    {
        if (left.isNull(leftPosition) || right.isNull(rightPosition)) {
            return INDETERMINATE;
        }
        return equal(type, left, leftPosition, right, rightPosition);
    }

    /** {@code NOT (left IS DISTINCT FROM right)}: nulls are identical to each other, at every depth. */
    public static boolean identical(Type type, Block left, int leftPosition, Block right, int rightPosition)
    {
        boolean leftNull = left.isNull(leftPosition);
        boolean rightNull = right.isNull(rightPosition);
        if (leftNull || rightNull) {
            return leftNull && rightNull;
        }
        switch (type.layout()) {
            case ARRAY: {
                ArrayBlock leftArrays = (ArrayBlock) left;
                ArrayBlock rightArrays = (ArrayBlock) right;
                int length = leftArrays.getLength(leftPosition);
                if (length != rightArrays.getLength(rightPosition)) {
                    return false;
                }
                Type elementType = ((ArrayType) type).elementType();
                for (int i = 0; i < length; i++) {
                    if (!identical(elementType, leftArrays.rawElements(), leftArrays.getOffset(leftPosition) + i, rightArrays.rawElements(), rightArrays.getOffset(rightPosition) + i)) {
                        return false;
                    }
                }
                return true;
            }
            case ROW: {
                RowBlock leftRows = (RowBlock) left;
                RowBlock rightRows = (RowBlock) right;
                RowType rowType = (RowType) type;
                for (int field = 0; field < leftRows.fieldCount(); field++) {
                    if (!identical(rowType.fields().get(field).type(), leftRows.getField(field), leftPosition, rightRows.getField(field), rightPosition)) {
                        return false;
                    }
                }
                return true;
            }
            case MAP: {
                MapBlock leftMaps = (MapBlock) left;
                MapBlock rightMaps = (MapBlock) right;
                int length = leftMaps.getLength(leftPosition);
                if (length != rightMaps.getLength(rightPosition)) {
                    return false;
                }
                MapType mapType = (MapType) type;
                for (int i = 0; i < length; i++) {
                    int leftEntry = leftMaps.getOffset(leftPosition) + i;
                    int rightEntry = findKey(mapType.keyType(), rightMaps, rightPosition, leftMaps.rawKeys(), leftEntry);
                    if (rightEntry < 0 || !identical(mapType.valueType(), leftMaps.rawValues(), leftEntry, rightMaps.rawValues(), rightEntry)) {
                        return false;
                    }
                }
                return true;
            }
            default:
                return compare(type, left, leftPosition, right, rightPosition) == 0;
        }
    }

    /** The entry of the map at {@code position} whose key is identical to {@code keys[keyPosition]}, or -1. */
    static int findKey(Type keyType, MapBlock maps, int position, Block keys, int keyPosition)
    {
        int start = maps.getOffset(position);
        int end = start + maps.getLength(position);
        for (int entry = start; entry < end; entry++) {
            if (identical(keyType, maps.rawKeys(), entry, keys, keyPosition)) {
                return entry;
            }
        }
        return -1;
    }

    /** A hash consistent with {@link #identical}. */
    public static long hash(Type type, Block block, int position)
    {
        if (block.isNull(position)) {
            return 0x9E3779B97F4A7C15L;
        }
        switch (type.layout()) {
            case BYTE:
                return ((ByteArrayBlock) block).getByte(position);
            case INT:
                return mix(((IntArrayBlock) block).rawValues()[position]);
            case LONG:
                return mix(((LongArrayBlock) block).rawValues()[position]);
            case DOUBLE: {
                double value = ((DoubleArrayBlock) block).rawValues()[position];
                return mix(Double.doubleToLongBits(value == 0 ? 0 : value));
            }
            case INT128: {
                Int128ArrayBlock int128s = (Int128ArrayBlock) block;
                return mix(int128s.getHigh(position) * 31 + int128s.getLow(position));
            }
            case VARIABLE_WIDTH: {
                VariableWidthBlock strings = (VariableWidthBlock) block;
                Slice data = strings.rawSlice();
                return data.hashCode(strings.rawOffsets()[position], strings.getLength(position));
            }
            case ARRAY: {
                ArrayBlock arrays = (ArrayBlock) block;
                Type elementType = ((ArrayType) type).elementType();
                long hash = 17;
                for (int i = 0; i < arrays.getLength(position); i++) {
                    hash = hash * 31 + hash(elementType, arrays.rawElements(), arrays.getOffset(position) + i);
                }
                return hash;
            }
            case ROW: {
                RowBlock rows = (RowBlock) block;
                RowType rowType = (RowType) type;
                long hash = 19;
                for (int field = 0; field < rows.fieldCount(); field++) {
                    hash = hash * 31 + hash(rowType.fields().get(field).type(), rows.getField(field), position);
                }
                return hash;
            }
            case MAP: {
                MapBlock maps = (MapBlock) block;
                MapType mapType = (MapType) type;
                // entry order does not matter for identity: combine entries commutatively
                long hash = 23;
                for (int i = 0; i < maps.getLength(position); i++) {
                    int entry = maps.getOffset(position) + i;
                    hash += mix(hash(mapType.keyType(), maps.rawKeys(), entry) * 31 + hash(mapType.valueType(), maps.rawValues(), entry));
                }
                return hash;
            }
        }
        throw new IllegalArgumentException("unknown layout " + type.layout());
    }

    private static long mix(long value)
    {
        long hash = value * 0x9E3779B97F4A7C15L;
        return hash ^ (hash >>> 32);
    }

    /**
     * The order of two non-null positions of any orderable type: arrays lexicographically element by element
     * (a shorter prefix first), rows field by field, flat types by {@link #compare}. As in Presto, a null
     * element or field that the order depends on is an error, and maps have no order.
     */
    public static int order(Type type, Block left, int leftPosition, Block right, int rightPosition)
    {
        switch (type.layout()) {
            case ARRAY: {
                ArrayBlock leftArrays = (ArrayBlock) left;
                ArrayBlock rightArrays = (ArrayBlock) right;
                Type elementType = ((ArrayType) type).elementType();
                int leftLength = leftArrays.getLength(leftPosition);
                int rightLength = rightArrays.getLength(rightPosition);
                for (int i = 0; i < Math.min(leftLength, rightLength); i++) {
                    int leftElement = leftArrays.getOffset(leftPosition) + i;
                    int rightElement = rightArrays.getOffset(rightPosition) + i;
                    if (leftArrays.rawElements().isNull(leftElement) || rightArrays.rawElements().isNull(rightElement)) {
                        throw new StrataException(ErrorCode.NOT_SUPPORTED, "Array comparison not supported for arrays with null elements");
                    }
                    int comparison = order(elementType, leftArrays.rawElements(), leftElement, rightArrays.rawElements(), rightElement);
                    if (comparison != 0) {
                        return comparison;
                    }
                }
                return Integer.compare(leftLength, rightLength);
            }
            case ROW: {
                RowBlock leftRows = (RowBlock) left;
                RowBlock rightRows = (RowBlock) right;
                RowType rowType = (RowType) type;
                for (int field = 0; field < leftRows.fieldCount(); field++) {
                    if (leftRows.getField(field).isNull(leftPosition) || rightRows.getField(field).isNull(rightPosition)) {
                        throw new StrataException(ErrorCode.NOT_SUPPORTED, "Row comparison not supported for fields with null elements");
                    }
                    int comparison = order(rowType.fields().get(field).type(), leftRows.getField(field), leftPosition, rightRows.getField(field), rightPosition);
                    if (comparison != 0) {
                        return comparison;
                    }
                }
                return 0;
            }
            case MAP:
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "Maps are not orderable: " + type);
            default:
                return compare(type, left, leftPosition, right, rightPosition);
        }
    }

    /** Whether {@link #compare} orders values of the type: the flat orderable types. */
    static boolean isComparable(Type type)
    {
        return !type.layout().isNested() && type.isOrderable();
    }

    /** The order of two non-null positions of a flat type (varchar by code point, as Presto orders it). */
    static int compare(Type type, Block left, int leftPosition, Block right, int rightPosition)
    {
        switch (type.layout()) {
            case BYTE:
                return Byte.compare(((ByteArrayBlock) left).getByte(leftPosition), ((ByteArrayBlock) right).getByte(rightPosition));
            case INT:
                return Integer.compare(((IntArrayBlock) left).rawValues()[leftPosition], ((IntArrayBlock) right).rawValues()[rightPosition]);
            case LONG:
                return Long.compare(((LongArrayBlock) left).rawValues()[leftPosition], ((LongArrayBlock) right).rawValues()[rightPosition]);
            case DOUBLE: {
                double a = ((DoubleArrayBlock) left).rawValues()[leftPosition];
                double b = ((DoubleArrayBlock) right).rawValues()[rightPosition];
                // 0.0 and -0.0 are equal in SQL
                return a == b ? 0 : Double.compare(a, b);
            }
            case INT128: {
                Int128ArrayBlock a = (Int128ArrayBlock) left;
                Int128ArrayBlock b = (Int128ArrayBlock) right;
                return Int128Math.compare(a.getHigh(leftPosition), a.getLow(leftPosition), b.getHigh(rightPosition), b.getLow(rightPosition));
            }
            case VARIABLE_WIDTH: {
                VariableWidthBlock a = (VariableWidthBlock) left;
                VariableWidthBlock b = (VariableWidthBlock) right;
                Slice aData = a.rawSlice();
                Slice bData = b.rawSlice();
                int aStart = aData.byteArrayOffset() + a.rawOffsets()[leftPosition];
                int bStart = bData.byteArrayOffset() + b.rawOffsets()[rightPosition];
                return Arrays.compareUnsigned(aData.byteArray(), aStart, aStart + a.getLength(leftPosition),
                        bData.byteArray(), bStart, bStart + b.getLength(rightPosition));
            }
            default:
                throw new IllegalArgumentException("values of " + type + " have no order");
        }
    }
}

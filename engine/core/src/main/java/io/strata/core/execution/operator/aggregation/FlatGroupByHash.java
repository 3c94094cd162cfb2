package io.strata.core.execution.operator.aggregation;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.core.execution.expression.Blocks;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.Type;
import io.strata.spi.type.ValueLayout;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * A group-by hash on any keys: each row's keys are serialized, column by column and block at a time, into a
 * flat byte row ({@code [null flag][value]} per key; varchar as {@code [null][length][bytes]}); a row is hashed
 * and compared as bytes, and a new group's row is appended to one byte arena. No per-row objects and no
 * per-row dispatch on types: the type decides which loop serializes a column, once per page.
 */
final class FlatGroupByHash
        implements GroupByHash
{
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int EMPTY = -1;
    private static final int MAX_ARENA = Integer.MAX_VALUE - 16;

    private final List<Type> keyTypes;
    private final ValueLayout[] layouts;
    private final int fixedRowSize;

    private int[] table;
    private int mask;
    private byte[] rows;
    private int[] rowOffsets;
    private long[] hashes;
    private int groupCount;

    // per-page scratch
    private byte[] scratch = new byte[0];
    private int[] scratchOffsets = new int[0];
    private int[] cursors = new int[0];
    private int[] groupIds = new int[0];

    FlatGroupByHash(List<Type> keyTypes, int expectedGroups)
    {
        this.keyTypes = List.copyOf(keyTypes);
        this.layouts = new ValueLayout[keyTypes.size()];
        int fixed = 0;
        for (int i = 0; i < layouts.length; i++) {
            layouts[i] = keyTypes.get(i).layout();
            fixed += 1 + fixedWidth(layouts[i]);
        }
        this.fixedRowSize = fixed;
        int capacity = LongGroupByHash.tableSize(expectedGroups);
        this.table = new int[capacity];
        Arrays.fill(table, EMPTY);
        this.mask = capacity - 1;
        int expected = Math.max(16, expectedGroups);
        this.rows = new byte[expected * Math.max(fixedRowSize, 8)];
        this.rowOffsets = new int[expected + 1];
        this.hashes = new long[expected];
    }

    private static int fixedWidth(ValueLayout layout)
    {
        switch (layout) {
            case ARRAY:
            case MAP:
            case ROW:
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "This operation is not supported yet for arrays, maps and rows");
            case BYTE:
                return 1;
            case INT:
            case VARIABLE_WIDTH:
                return 4;
            case LONG:
            case DOUBLE:
                return 8;
            case INT128:
                return 16;
        }
        throw new IllegalArgumentException("unknown layout " + layout);
    }

    @Override
    public List<Type> keyTypes()
    {
        return keyTypes;
    }

    @Override
    public int[] groupIds(Block[] keys, int positionCount)
    {
        serialize(keys, positionCount);
        if (groupIds.length < positionCount) {
            groupIds = new int[positionCount];
        }
        for (int i = 0; i < positionCount; i++) {
            int start = scratchOffsets[i];
            int length = scratchOffsets[i + 1] - start;
            long hash = hash(scratch, start, length);
            groupIds[i] = putIfAbsent(hash, start, length);
        }
        return groupIds;
    }

    private int putIfAbsent(long hash, int start, int length)
    {
        int slot = (int) hash & mask;
        while (true) {
            int group = table[slot];
            if (group == EMPTY) {
                group = addGroup(hash, start, length);
                table[slot] = group;
                if (groupCount * 2 > table.length) {
                    rehash();
                }
                return group;
            }
            if (hashes[group] == hash) {
                int groupStart = rowOffsets[group];
                int groupLength = rowOffsets[group + 1] - groupStart;
                if (groupLength == length && Arrays.equals(rows, groupStart, groupStart + length, scratch, start, start + length)) {
                    return group;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private int addGroup(long hash, int start, int length)
    {
        if (groupCount >= hashes.length) {
            int capacity = hashes.length * 2;
            hashes = Arrays.copyOf(hashes, capacity);
            rowOffsets = Arrays.copyOf(rowOffsets, capacity + 1);
        }
        int end = rowOffsets[groupCount];
        if ((long) end + length > MAX_ARENA) {
            throw new StrataException(ErrorCode.GENERIC_INSUFFICIENT_RESOURCES, "The grouping keys of an aggregation exceed 2GB");
        }
        if (end + length > rows.length) {
            rows = Arrays.copyOf(rows, (int) Math.min(MAX_ARENA, Math.max((long) rows.length * 2, (long) end + length)));
        }
        System.arraycopy(scratch, start, rows, end, length);
        rowOffsets[groupCount + 1] = end + length;
        hashes[groupCount] = hash;
        return groupCount++;
    }

    private void rehash()
    {
        int capacity = table.length * 2;
        int[] newTable = new int[capacity];
        Arrays.fill(newTable, EMPTY);
        int newMask = capacity - 1;
        for (int group = 0; group < groupCount; group++) {
            int slot = (int) hashes[group] & newMask;
            while (newTable[slot] != EMPTY) {
                slot = (slot + 1) & newMask;
            }
            newTable[slot] = group;
        }
        table = newTable;
        mask = newMask;
    }

    /** Serializes every row's keys into {@code scratch}, row {@code i} at {@code scratchOffsets[i]}. */
    private void serialize(Block[] keys, int positionCount)
    {
        if (scratchOffsets.length < positionCount + 1) {
            scratchOffsets = new int[positionCount + 1];
            cursors = new int[positionCount];
        }
        long total = (long) fixedRowSize * positionCount;
        for (int column = 0; column < keys.length; column++) {
            if (layouts[column] == ValueLayout.VARIABLE_WIDTH) {
                VariableWidthBlock block = (VariableWidthBlock) keys[column];
                total += block.rawOffsets()[positionCount] - block.rawOffsets()[0];
            }
        }
        if (total > MAX_ARENA) {
            throw new StrataException(ErrorCode.GENERIC_INSUFFICIENT_RESOURCES, "The grouping keys of a page exceed 2GB");
        }
        if (scratch.length < total) {
            scratch = new byte[(int) Math.max(total, scratch.length * 2L)];
        }
        int offset = 0;
        for (int i = 0; i < positionCount; i++) {
            scratchOffsets[i] = offset;
            cursors[i] = offset;
            int size = fixedRowSize;
            for (int column = 0; column < keys.length; column++) {
                if (layouts[column] == ValueLayout.VARIABLE_WIDTH && !keys[column].isNull(i)) {
                    size += ((VariableWidthBlock) keys[column]).getLength(i);
                }
            }
            offset += size;
        }
        scratchOffsets[positionCount] = offset;
        for (int column = 0; column < keys.length; column++) {
            serializeColumn(keys[column], layouts[column], positionCount);
        }
    }

    private void serializeColumn(Block block, ValueLayout layout, int positionCount)
    {
        boolean[] nulls = Blocks.rawNulls(block);
        byte[] out = scratch;
        switch (layout) {
            case ARRAY:
            case MAP:
            case ROW:
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "This operation is not supported yet for arrays, maps and rows");
            case BYTE: {
                byte[] values = ((ByteArrayBlock) block).rawValues();
                for (int i = 0; i < positionCount; i++) {
                    int cursor = cursors[i];
                    boolean isNull = nulls != null && nulls[i];
                    out[cursor] = (byte) (isNull ? 1 : 0);
                    out[cursor + 1] = isNull ? 0 : values[i];
                    cursors[i] = cursor + 2;
                }
                return;
            }
            case INT: {
                int[] values = ((IntArrayBlock) block).rawValues();
                for (int i = 0; i < positionCount; i++) {
                    int cursor = cursors[i];
                    boolean isNull = nulls != null && nulls[i];
                    out[cursor] = (byte) (isNull ? 1 : 0);
                    INTS.set(out, cursor + 1, isNull ? 0 : values[i]);
                    cursors[i] = cursor + 5;
                }
                return;
            }
            case LONG: {
                long[] values = ((LongArrayBlock) block).rawValues();
                for (int i = 0; i < positionCount; i++) {
                    int cursor = cursors[i];
                    boolean isNull = nulls != null && nulls[i];
                    out[cursor] = (byte) (isNull ? 1 : 0);
                    LONGS.set(out, cursor + 1, isNull ? 0L : values[i]);
                    cursors[i] = cursor + 9;
                }
                return;
            }
            case DOUBLE: {
                double[] values = ((DoubleArrayBlock) block).rawValues();
                for (int i = 0; i < positionCount; i++) {
                    int cursor = cursors[i];
                    boolean isNull = nulls != null && nulls[i];
                    double value = values[i];
                    // 0.0 and -0.0 are one group; every NaN is one group
                    long bits = isNull || value == 0 ? 0L : Double.doubleToLongBits(value);
                    out[cursor] = (byte) (isNull ? 1 : 0);
                    LONGS.set(out, cursor + 1, bits);
                    cursors[i] = cursor + 9;
                }
                return;
            }
            case INT128: {
                long[] values = ((Int128ArrayBlock) block).rawValues();
                for (int i = 0; i < positionCount; i++) {
                    int cursor = cursors[i];
                    boolean isNull = nulls != null && nulls[i];
                    out[cursor] = (byte) (isNull ? 1 : 0);
                    LONGS.set(out, cursor + 1, isNull ? 0L : values[2 * i]);
                    LONGS.set(out, cursor + 9, isNull ? 0L : values[2 * i + 1]);
                    cursors[i] = cursor + 17;
                }
                return;
            }
            case VARIABLE_WIDTH: {
                VariableWidthBlock variableWidth = (VariableWidthBlock) block;
                Slice slice = variableWidth.rawSlice();
                byte[] data = slice.byteArray();
                int base = slice.byteArrayOffset();
                int[] offsets = variableWidth.rawOffsets();
                for (int i = 0; i < positionCount; i++) {
                    int cursor = cursors[i];
                    boolean isNull = nulls != null && nulls[i];
                    int length = isNull ? 0 : offsets[i + 1] - offsets[i];
                    out[cursor] = (byte) (isNull ? 1 : 0);
                    INTS.set(out, cursor + 1, length);
                    System.arraycopy(data, base + offsets[i], out, cursor + 5, length);
                    cursors[i] = cursor + 5 + length;
                }
                return;
            }
        }
        throw new IllegalArgumentException("unknown layout " + layout);
    }

    private static long hash(byte[] data, int start, int length)
    {
        long hash = 0x9E3779B97F4A7C15L + length;
        int position = start;
        int end = start + length;
        while (position + 8 <= end) {
            hash = Long.rotateLeft(hash ^ ((long) LONGS.get(data, position) * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
            position += 8;
        }
        while (position < end) {
            hash = Long.rotateLeft(hash ^ ((data[position] & 0xFFL) * 0x165667B19E3779F9L), 23) * 0x9E3779B97F4A7C15L;
            position++;
        }
        hash ^= hash >>> 33;
        hash *= 0xFF51AFD7ED558CCDL;
        hash ^= hash >>> 33;
        return hash;
    }

    @Override
    public int groupCount()
    {
        return groupCount;
    }

    @Override
    public Block[] keys(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        int[] readCursors = new int[count];
        for (int i = 0; i < count; i++) {
            readCursors[i] = rowOffsets[fromGroup + i];
        }
        Block[] blocks = new Block[layouts.length];
        for (int column = 0; column < layouts.length; column++) {
            blocks[column] = deserializeColumn(layouts[column], readCursors, count);
        }
        return blocks;
    }

    private Block deserializeColumn(ValueLayout layout, int[] readCursors, int count)
    {
        boolean[] nulls = new boolean[count];
        for (int i = 0; i < count; i++) {
            nulls[i] = rows[readCursors[i]] != 0;
        }
        switch (layout) {
            case ARRAY:
            case MAP:
            case ROW:
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "This operation is not supported yet for arrays, maps and rows");
            case BYTE: {
                byte[] values = new byte[count];
                for (int i = 0; i < count; i++) {
                    values[i] = rows[readCursors[i] + 1];
                    readCursors[i] += 2;
                }
                return new ByteArrayBlock(count, nulls, values);
            }
            case INT: {
                int[] values = new int[count];
                for (int i = 0; i < count; i++) {
                    values[i] = (int) INTS.get(rows, readCursors[i] + 1);
                    readCursors[i] += 5;
                }
                return new IntArrayBlock(count, nulls, values);
            }
            case LONG: {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = (long) LONGS.get(rows, readCursors[i] + 1);
                    readCursors[i] += 9;
                }
                return new LongArrayBlock(count, nulls, values);
            }
            case DOUBLE: {
                double[] values = new double[count];
                for (int i = 0; i < count; i++) {
                    values[i] = Double.longBitsToDouble((long) LONGS.get(rows, readCursors[i] + 1));
                    readCursors[i] += 9;
                }
                return new DoubleArrayBlock(count, nulls, values);
            }
            case INT128: {
                long[] values = new long[count * 2];
                for (int i = 0; i < count; i++) {
                    values[2 * i] = (long) LONGS.get(rows, readCursors[i] + 1);
                    values[2 * i + 1] = (long) LONGS.get(rows, readCursors[i] + 9);
                    readCursors[i] += 17;
                }
                return new Int128ArrayBlock(count, nulls, values);
            }
            case VARIABLE_WIDTH: {
                int[] offsets = new int[count + 1];
                for (int i = 0; i < count; i++) {
                    offsets[i + 1] = offsets[i] + (int) INTS.get(rows, readCursors[i] + 1);
                }
                byte[] data = new byte[offsets[count]];
                for (int i = 0; i < count; i++) {
                    int length = offsets[i + 1] - offsets[i];
                    System.arraycopy(rows, readCursors[i] + 5, data, offsets[i], length);
                    readCursors[i] += 5 + length;
                }
                return new VariableWidthBlock(count, nulls, Slices.wrappedBuffer(data), offsets);
            }
        }
        throw new IllegalArgumentException("unknown layout " + layout);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) table.length * Integer.BYTES + rows.length + (long) rowOffsets.length * Integer.BYTES + (long) hashes.length * Long.BYTES
                + scratch.length + (long) scratchOffsets.length * Integer.BYTES * 2 + (long) groupIds.length * Integer.BYTES;
    }
}

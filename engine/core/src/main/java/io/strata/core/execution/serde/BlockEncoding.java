package io.strata.core.execution.serde;

import io.airlift.slice.SliceInput;
import io.airlift.slice.SliceOutput;
import io.airlift.slice.Slices;
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

import static io.strata.protocol.ErrorCode.PAGE_TRANSPORT_ERROR;

/**
 * The uncompressed wire form of one block, self-describing (no type needed to read it back):
 * <pre>
 * byte   kind (one of the KIND_ constants)
 * int    position count n
 * byte   1 when a null bitmap of ceil(n / 8) bytes follows (bit p % 8 of byte p / 8 set = null), else 0
 * ...    the values, by kind:
 *        BYTE n bytes | INT n ints | LONG n longs | DOUBLE n doubles | INT128 2n longs (high, low)
 *        VARIABLE_WIDTH n + 1 offsets from 0, then the data bytes (offsets[n] of them)
 *        ARRAY n + 1 offsets from 0, then the elements block
 *        MAP n + 1 offsets from 0, then the keys block and the values block
 *        ROW int field count, then one block per field
 * </pre>
 * All numbers are little-endian. A window {@code [offset, offset + length)} of a block is written as if it
 * were a block of its own, so regions and nested children are shipped without copying them first. Every
 * loop works on whole arrays: values go out and come back with bulk copies.
 */
final class BlockEncoding
{
    static final int KIND_BYTE = 0;
    static final int KIND_INT = 1;
    static final int KIND_LONG = 2;
    static final int KIND_DOUBLE = 3;
    static final int KIND_INT128 = 4;
    static final int KIND_VARIABLE_WIDTH = 5;
    static final int KIND_ARRAY = 6;
    static final int KIND_MAP = 7;
    static final int KIND_ROW = 8;

    /** Deeper nesting than any real type: a guard against stack overflow on hostile input. */
    private static final int MAX_NESTING_DEPTH = 100;

    private BlockEncoding() {}

    static void writeBlock(SliceOutput output, Block block)
    {
        writeBlock(output, block, 0, block.positionCount());
    }

    private static void writeBlock(SliceOutput output, Block block, int offset, int length)
    {
        if (block instanceof ByteArrayBlock) {
            ByteArrayBlock bytes = (ByteArrayBlock) block;
            writeHeader(output, KIND_BYTE, bytes.rawNulls(), offset, length);
            output.writeBytes(bytes.rawValues(), offset, length);
        }
        else if (block instanceof IntArrayBlock) {
            IntArrayBlock ints = (IntArrayBlock) block;
            writeHeader(output, KIND_INT, ints.rawNulls(), offset, length);
            output.writeInts(ints.rawValues(), offset, length);
        }
        else if (block instanceof LongArrayBlock) {
            LongArrayBlock longs = (LongArrayBlock) block;
            writeHeader(output, KIND_LONG, longs.rawNulls(), offset, length);
            output.writeLongs(longs.rawValues(), offset, length);
        }
        else if (block instanceof DoubleArrayBlock) {
            DoubleArrayBlock doubles = (DoubleArrayBlock) block;
            writeHeader(output, KIND_DOUBLE, doubles.rawNulls(), offset, length);
            output.writeDoubles(doubles.rawValues(), offset, length);
        }
        else if (block instanceof Int128ArrayBlock) {
            Int128ArrayBlock int128s = (Int128ArrayBlock) block;
            writeHeader(output, KIND_INT128, int128s.rawNulls(), offset, length);
            output.writeLongs(int128s.rawValues(), offset * 2, length * 2);
        }
        else if (block instanceof VariableWidthBlock) {
            VariableWidthBlock strings = (VariableWidthBlock) block;
            writeHeader(output, KIND_VARIABLE_WIDTH, strings.rawNulls(), offset, length);
            int[] offsets = strings.rawOffsets();
            writeOffsets(output, offsets, offset, length);
            output.writeBytes(strings.rawSlice(), offsets[offset], offsets[offset + length] - offsets[offset]);
        }
        else if (block instanceof ArrayBlock) {
            ArrayBlock arrays = (ArrayBlock) block;
            writeHeader(output, KIND_ARRAY, arrays.rawNulls(), offset, length);
            int[] offsets = arrays.rawOffsets();
            writeOffsets(output, offsets, offset, length);
            writeBlock(output, arrays.rawElements(), offsets[offset], offsets[offset + length] - offsets[offset]);
        }
        else if (block instanceof MapBlock) {
            MapBlock maps = (MapBlock) block;
            writeHeader(output, KIND_MAP, maps.rawNulls(), offset, length);
            int[] offsets = maps.rawOffsets();
            writeOffsets(output, offsets, offset, length);
            int start = offsets[offset];
            int entries = offsets[offset + length] - start;
            writeBlock(output, maps.rawKeys(), start, entries);
            writeBlock(output, maps.rawValues(), start, entries);
        }
        else if (block instanceof RowBlock) {
            RowBlock rows = (RowBlock) block;
            writeHeader(output, KIND_ROW, rows.rawNulls(), offset, length);
            output.writeInt(rows.fieldCount());
            for (int field = 0; field < rows.fieldCount(); field++) {
                writeBlock(output, rows.getField(field), offset, length);
            }
        }
        else {
            // Block is sealed: a new block class must get its encoding here
            throw new IllegalArgumentException("no wire encoding for " + block.getClass().getName());
        }
    }

    private static void writeHeader(SliceOutput output, int kind, boolean[] nulls, int offset, int length)
    {
        output.writeByte(kind);
        output.writeInt(length);
        if (!hasNull(nulls, offset, length)) {
            output.writeByte(0);
            return;
        }
        output.writeByte(1);
        byte[] bitmap = new byte[bitmapSize(length)];
        // eight flags at a time into one byte, so the loop has no branch per position
        int fullBytes = length >>> 3;
        for (int i = 0; i < fullBytes; i++) {
            int base = offset + (i << 3);
            bitmap[i] = (byte) (bit(nulls[base], 0)
                    | bit(nulls[base + 1], 1)
                    | bit(nulls[base + 2], 2)
                    | bit(nulls[base + 3], 3)
                    | bit(nulls[base + 4], 4)
                    | bit(nulls[base + 5], 5)
                    | bit(nulls[base + 6], 6)
                    | bit(nulls[base + 7], 7));
        }
        for (int position = fullBytes << 3; position < length; position++) {
            bitmap[position >>> 3] |= (byte) bit(nulls[offset + position], position & 7);
        }
        output.writeBytes(bitmap);
    }

    private static int bit(boolean flag, int shift)
    {
        return (flag ? 1 : 0) << shift;
    }

    private static boolean hasNull(boolean[] nulls, int offset, int length)
    {
        if (nulls == null) {
            return false;
        }
        for (int i = offset; i < offset + length; i++) {
            if (nulls[i]) {
                return true;
            }
        }
        return false;
    }

    /** Writes {@code offsets[offset..offset+length]} shifted to start at 0 (a region's offsets start anywhere). */
    private static void writeOffsets(SliceOutput output, int[] offsets, int offset, int length)
    {
        int base = offsets[offset];
        if (base == 0) {
            output.writeInts(offsets, offset, length + 1);
            return;
        }
        int[] rebased = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            rebased[i] = offsets[offset + i] - base;
        }
        output.writeInts(rebased);
    }

    static int bitmapSize(int positionCount)
    {
        return (positionCount + 7) >>> 3;
    }

    /**
     * Reads one block written by {@link #writeBlock(SliceOutput, Block)}; bytes that do not form a valid
     * block fail with {@code PAGE_TRANSPORT_ERROR} (or an unchecked exception of the Slice or block API,
     * which the caller turns into one).
     */
    static Block readBlock(SliceInput input)
    {
        return readBlock(input, 0);
    }

    private static Block readBlock(SliceInput input, int depth)
    {
        if (depth > MAX_NESTING_DEPTH) {
            throw corrupt("blocks nested deeper than " + MAX_NESTING_DEPTH);
        }
        int kind = input.readUnsignedByte();
        int positionCount = input.readInt();
        if (positionCount < 0) {
            throw corrupt("negative position count " + positionCount);
        }
        boolean[] nulls = readNulls(input, positionCount);
        switch (kind) {
            case KIND_BYTE: {
                byte[] values = new byte[checkAvailable(input, positionCount, 1)];
                input.readBytes(values);
                return new ByteArrayBlock(positionCount, nulls, values);
            }
            case KIND_INT: {
                int[] values = new int[checkAvailable(input, positionCount, Integer.BYTES)];
                input.readInts(values);
                return new IntArrayBlock(positionCount, nulls, values);
            }
            case KIND_LONG: {
                long[] values = new long[checkAvailable(input, positionCount, Long.BYTES)];
                input.readLongs(values);
                return new LongArrayBlock(positionCount, nulls, values);
            }
            case KIND_DOUBLE: {
                double[] values = new double[checkAvailable(input, positionCount, Double.BYTES)];
                input.readDoubles(values);
                return new DoubleArrayBlock(positionCount, nulls, values);
            }
            case KIND_INT128: {
                long[] values = new long[checkAvailable(input, positionCount, 2 * Long.BYTES) * 2];
                input.readLongs(values);
                return new Int128ArrayBlock(positionCount, nulls, values);
            }
            case KIND_VARIABLE_WIDTH: {
                int[] offsets = readOffsets(input, positionCount);
                byte[] data = new byte[checkAvailable(input, offsets[positionCount], 1)];
                input.readBytes(data);
                return new VariableWidthBlock(positionCount, nulls, Slices.wrappedBuffer(data), offsets);
            }
            case KIND_ARRAY: {
                int[] offsets = readOffsets(input, positionCount);
                Block elements = readBlock(input, depth + 1);
                checkChildLength(elements, offsets[positionCount]);
                return new ArrayBlock(positionCount, nulls, offsets, elements);
            }
            case KIND_MAP: {
                int[] offsets = readOffsets(input, positionCount);
                Block keys = readBlock(input, depth + 1);
                Block values = readBlock(input, depth + 1);
                checkChildLength(keys, offsets[positionCount]);
                checkChildLength(values, offsets[positionCount]);
                return new MapBlock(positionCount, nulls, offsets, keys, values);
            }
            case KIND_ROW: {
                int fieldCount = input.readInt();
                if (fieldCount < 0 || fieldCount > input.available()) {
                    throw corrupt("invalid row field count " + fieldCount);
                }
                Block[] fields = new Block[fieldCount];
                for (int field = 0; field < fieldCount; field++) {
                    fields[field] = readBlock(input, depth + 1);
                    checkChildLength(fields[field], positionCount);
                }
                return new RowBlock(positionCount, nulls, fields);
            }
            default:
                throw corrupt("unknown block kind " + kind);
        }
    }

    private static boolean[] readNulls(SliceInput input, int positionCount)
    {
        int hasNulls = input.readUnsignedByte();
        if (hasNulls == 0) {
            return null;
        }
        if (hasNulls != 1) {
            throw corrupt("invalid null flag " + hasNulls);
        }
        byte[] bitmap = new byte[checkAvailable(input, bitmapSize(positionCount), 1)];
        input.readBytes(bitmap);
        boolean[] nulls = new boolean[positionCount];
        for (int position = 0; position < positionCount; position++) {
            nulls[position] = ((bitmap[position >>> 3] >>> (position & 7)) & 1) != 0;
        }
        return nulls;
    }

    /** Reads {@code positionCount + 1} offsets and checks they start at 0 and never decrease. */
    private static int[] readOffsets(SliceInput input, int positionCount)
    {
        int[] offsets = new int[checkAvailable(input, positionCount + 1, Integer.BYTES)];
        input.readInts(offsets);
        if (offsets[0] != 0) {
            throw corrupt("offsets start at " + offsets[0]);
        }
        int decreasing = 0;
        for (int i = 0; i < positionCount; i++) {
            // branch-free: any negative step sets the sign bit
            decreasing |= offsets[i + 1] - offsets[i];
        }
        if (decreasing < 0) {
            throw corrupt("offsets decrease");
        }
        return offsets;
    }

    private static void checkChildLength(Block child, int expected)
    {
        if (child.positionCount() != expected) {
            throw corrupt("a child block has " + child.positionCount() + " positions, its parent's offsets need " + expected);
        }
    }

    /** Returns {@code count}, after checking that {@code count * width} bytes remain, so garbage cannot make us allocate gigabytes. */
    private static int checkAvailable(SliceInput input, int count, int width)
    {
        if (count < 0 || (long) count * width > input.available()) {
            throw corrupt(count + " values of " + width + " bytes do not fit in the " + input.available() + " bytes left");
        }
        return count;
    }

    static StrataException corrupt(String message)
    {
        return new StrataException(PAGE_TRANSPORT_ERROR, "Corrupt serialized page: " + message);
    }
}

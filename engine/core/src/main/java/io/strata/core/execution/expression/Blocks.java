package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.spi.block.Block;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.Int128;
import io.strata.spi.type.Type;
import io.strata.spi.type.ValueLayout;

import java.util.Arrays;

/**
 * Block-at-a-time helpers shared by kernels and operators: null arrays, constant blocks, and merging the
 * results of branches evaluated over disjoint positions.
 */
public final class Blocks
{
    private Blocks() {}

    /** The raw null flags of any block, or {@code null} when no position is null. */
    public static boolean[] rawNulls(Block block)
    {
        if (!block.mayHaveNull()) {
            return null;
        }
        if (block instanceof LongArrayBlock) {
            return ((LongArrayBlock) block).rawNulls();
        }
        if (block instanceof IntArrayBlock) {
            return ((IntArrayBlock) block).rawNulls();
        }
        if (block instanceof DoubleArrayBlock) {
            return ((DoubleArrayBlock) block).rawNulls();
        }
        if (block instanceof ByteArrayBlock) {
            return ((ByteArrayBlock) block).rawNulls();
        }
        if (block instanceof Int128ArrayBlock) {
            return ((Int128ArrayBlock) block).rawNulls();
        }
        if (!(block instanceof VariableWidthBlock)) {
            return NestedBlocks.rawNulls(block);
        }
        return ((VariableWidthBlock) block).rawNulls();
    }

    /** Positions null in either input (arrays may be shared: blocks never write them). */
    public static boolean[] orNulls(boolean[] left, boolean[] right, int positionCount)
    {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        boolean[] result = new boolean[positionCount];
        for (int i = 0; i < positionCount; i++) {
            result[i] = left[i] || right[i];
        }
        return result;
    }

    public static boolean[] orNulls(Block left, Block right, int positionCount)
    {
        return orNulls(rawNulls(left), rawNulls(right), positionCount);
    }

    public static boolean isNull(boolean[] nulls, int position)
    {
        return nulls != null && nulls[position];
    }

    /** A block of {@code positionCount} nulls of the type's layout. */
    public static Block nullBlock(Type type, int positionCount)
    {
        if (type.layout().isNested()) {
            return NestedBlocks.nullBlock(type, positionCount);
        }
        return nullBlock(type.layout(), positionCount);
    }

    public static Block nullBlock(ValueLayout layout, int positionCount)
    {
        boolean[] nulls = new boolean[positionCount];
        Arrays.fill(nulls, true);
        switch (layout) {
            case ARRAY:
            case MAP:
            case ROW:
                throw new IllegalArgumentException("arrays, maps and rows have no flat kernel here");
            case BYTE:
                return new ByteArrayBlock(positionCount, nulls, new byte[positionCount]);
            case INT:
                return new IntArrayBlock(positionCount, nulls, new int[positionCount]);
            case LONG:
                return new LongArrayBlock(positionCount, nulls, new long[positionCount]);
            case DOUBLE:
                return new DoubleArrayBlock(positionCount, nulls, new double[positionCount]);
            case INT128:
                return new Int128ArrayBlock(positionCount, nulls, new long[positionCount * 2]);
            case VARIABLE_WIDTH:
                return new VariableWidthBlock(positionCount, nulls, Slices.EMPTY_SLICE, new int[positionCount + 1]);
        }
        throw new IllegalArgumentException("unknown layout " + layout);
    }

    /** A block holding {@code value} (of the layout's Java class, or null) at every position. */
    public static Block constantBlock(Type type, Object value, int positionCount)
    {
        if (value == null) {
            return nullBlock(type, positionCount);
        }
        if (type.layout().isNested()) {
            return NestedBlocks.constantBlock(type, value, positionCount);
        }
        switch (type.layout()) {
            case ARRAY:
            case MAP:
            case ROW:
                throw new IllegalArgumentException("arrays, maps and rows have no flat kernel here");
            case BYTE: {
                byte[] values = new byte[positionCount];
                Arrays.fill(values, (byte) (((Boolean) value) ? 1 : 0));
                return new ByteArrayBlock(positionCount, null, values);
            }
            case INT: {
                int[] values = new int[positionCount];
                Arrays.fill(values, ((Number) value).intValue());
                return new IntArrayBlock(positionCount, null, values);
            }
            case LONG: {
                long[] values = new long[positionCount];
                Arrays.fill(values, ((Number) value).longValue());
                return new LongArrayBlock(positionCount, null, values);
            }
            case DOUBLE: {
                double[] values = new double[positionCount];
                Arrays.fill(values, ((Number) value).doubleValue());
                return new DoubleArrayBlock(positionCount, null, values);
            }
            case INT128: {
                Int128 int128 = (Int128) value;
                long[] values = new long[positionCount * 2];
                for (int i = 0; i < positionCount; i++) {
                    values[2 * i] = int128.high();
                    values[2 * i + 1] = int128.low();
                }
                return new Int128ArrayBlock(positionCount, null, values);
            }
            case VARIABLE_WIDTH: {
                Slice slice = (Slice) value;
                int length = slice.length();
                byte[] bytes = new byte[length * positionCount];
                int[] offsets = new int[positionCount + 1];
                for (int i = 0; i < positionCount; i++) {
                    slice.getBytes(0, bytes, i * length, length);
                    offsets[i + 1] = (i + 1) * length;
                }
                return new VariableWidthBlock(positionCount, null, Slices.wrappedBuffer(bytes), offsets);
            }
        }
        throw new IllegalArgumentException("unknown layout " + type.layout());
    }

    /** A one-position block holding a value. */
    public static Block singleValueBlock(Type type, Object value)
    {
        BlockBuilder builder = type.createBlockBuilder(1);
        builder.appendValue(value);
        return builder.build();
    }

    /**
     * A block of {@code positionCount} positions assembled from parts: position {@code indexes[k][j]} of the
     * result is position {@code j} of {@code parts[k]}; together the index lists cover every position once.
     */
    public static Block merge(Type type, int positionCount, Block[] parts, int[][] indexes, int[] counts)
    {
        if (type.layout().isNested()) {
            return NestedBlocks.merge(type, positionCount, parts, indexes, counts);
        }
        return merge(type.layout(), positionCount, parts, indexes, counts);
    }

    public static Block merge(ValueLayout layout, int positionCount, Block[] parts, int[][] indexes, int[] counts)
    {
        boolean[] nulls = null;
        for (int k = 0; k < parts.length; k++) {
            boolean[] partNulls = rawNulls(parts[k]);
            if (partNulls != null) {
                if (nulls == null) {
                    nulls = new boolean[positionCount];
                }
                int[] index = indexes[k];
                for (int j = 0; j < counts[k]; j++) {
                    nulls[index[j]] = partNulls[j];
                }
            }
        }
        switch (layout) {
            case ARRAY:
            case MAP:
            case ROW:
                throw new IllegalArgumentException("arrays, maps and rows have no flat kernel here");
            case BYTE: {
                byte[] values = new byte[positionCount];
                for (int k = 0; k < parts.length; k++) {
                    byte[] part = ((ByteArrayBlock) parts[k]).rawValues();
                    int[] index = indexes[k];
                    for (int j = 0; j < counts[k]; j++) {
                        values[index[j]] = part[j];
                    }
                }
                return new ByteArrayBlock(positionCount, nulls, values);
            }
            case INT: {
                int[] values = new int[positionCount];
                for (int k = 0; k < parts.length; k++) {
                    int[] part = ((IntArrayBlock) parts[k]).rawValues();
                    int[] index = indexes[k];
                    for (int j = 0; j < counts[k]; j++) {
                        values[index[j]] = part[j];
                    }
                }
                return new IntArrayBlock(positionCount, nulls, values);
            }
            case LONG: {
                long[] values = new long[positionCount];
                for (int k = 0; k < parts.length; k++) {
                    long[] part = ((LongArrayBlock) parts[k]).rawValues();
                    int[] index = indexes[k];
                    for (int j = 0; j < counts[k]; j++) {
                        values[index[j]] = part[j];
                    }
                }
                return new LongArrayBlock(positionCount, nulls, values);
            }
            case DOUBLE: {
                double[] values = new double[positionCount];
                for (int k = 0; k < parts.length; k++) {
                    double[] part = ((DoubleArrayBlock) parts[k]).rawValues();
                    int[] index = indexes[k];
                    for (int j = 0; j < counts[k]; j++) {
                        values[index[j]] = part[j];
                    }
                }
                return new DoubleArrayBlock(positionCount, nulls, values);
            }
            case INT128: {
                long[] values = new long[positionCount * 2];
                for (int k = 0; k < parts.length; k++) {
                    long[] part = ((Int128ArrayBlock) parts[k]).rawValues();
                    int[] index = indexes[k];
                    for (int j = 0; j < counts[k]; j++) {
                        values[2 * index[j]] = part[2 * j];
                        values[2 * index[j] + 1] = part[2 * j + 1];
                    }
                }
                return new Int128ArrayBlock(positionCount, nulls, values);
            }
            case VARIABLE_WIDTH:
                return mergeVariableWidth(positionCount, nulls, parts, indexes, counts);
        }
        throw new IllegalArgumentException("unknown layout " + layout);
    }

    private static Block mergeVariableWidth(int positionCount, boolean[] nulls, Block[] parts, int[][] indexes, int[] counts)
    {
        int[] lengths = new int[positionCount];
        int[] partOf = new int[positionCount];
        int[] positionInPart = new int[positionCount];
        for (int k = 0; k < parts.length; k++) {
            int[] partOffsets = ((VariableWidthBlock) parts[k]).rawOffsets();
            int[] index = indexes[k];
            for (int j = 0; j < counts[k]; j++) {
                lengths[index[j]] = partOffsets[j + 1] - partOffsets[j];
                partOf[index[j]] = k;
                positionInPart[index[j]] = j;
            }
        }
        int[] offsets = new int[positionCount + 1];
        for (int i = 0; i < positionCount; i++) {
            offsets[i + 1] = offsets[i] + lengths[i];
        }
        byte[] bytes = new byte[offsets[positionCount]];
        for (int i = 0; i < positionCount; i++) {
            VariableWidthBlock part = (VariableWidthBlock) parts[partOf[i]];
            Slice data = part.rawSlice();
            int start = part.rawOffsets()[positionInPart[i]];
            System.arraycopy(data.byteArray(), data.byteArrayOffset() + start, bytes, offsets[i], lengths[i]);
        }
        return new VariableWidthBlock(positionCount, nulls, Slices.wrappedBuffer(bytes), offsets);
    }

    /** The same values with the given positions made null (positions already null stay null). */
    public static Block withNulls(Block block, boolean[] extraNulls)
    {
        if (extraNulls == null) {
            return block;
        }
        int positionCount = block.positionCount();
        boolean[] nulls = orNulls(rawNulls(block), extraNulls, positionCount);
        if (block instanceof LongArrayBlock) {
            return new LongArrayBlock(positionCount, nulls, ((LongArrayBlock) block).rawValues());
        }
        if (block instanceof IntArrayBlock) {
            return new IntArrayBlock(positionCount, nulls, ((IntArrayBlock) block).rawValues());
        }
        if (block instanceof DoubleArrayBlock) {
            return new DoubleArrayBlock(positionCount, nulls, ((DoubleArrayBlock) block).rawValues());
        }
        if (block instanceof ByteArrayBlock) {
            return new ByteArrayBlock(positionCount, nulls, ((ByteArrayBlock) block).rawValues());
        }
        if (block instanceof Int128ArrayBlock) {
            return new Int128ArrayBlock(positionCount, nulls, ((Int128ArrayBlock) block).rawValues());
        }
        if (!(block instanceof VariableWidthBlock)) {
            return NestedBlocks.withNulls(block, nulls);
        }
        VariableWidthBlock variableWidth = (VariableWidthBlock) block;
        return new VariableWidthBlock(positionCount, nulls, variableWidth.rawSlice(), variableWidth.rawOffsets());
    }
}

package io.strata.spi.block;

import io.strata.spi.type.ValueLayout;

import java.util.Arrays;

/**
 * Builds one block, appending positions in order. Each layout has its own builder with a typed
 * {@code append}; {@link #appendFrom} copies one position of a block of the same layout.
 */
public abstract sealed class BlockBuilder
        permits ByteBlockBuilder, IntBlockBuilder, LongBlockBuilder, DoubleBlockBuilder, Int128BlockBuilder, VariableWidthBlockBuilder,
        ArrayBlockBuilder, MapBlockBuilder, RowBlockBuilder
{
    protected int positionCount;
    protected boolean[] nulls;
    protected boolean hasNull;

    protected BlockBuilder(int expectedPositions)
    {
        this.nulls = new boolean[Math.max(expectedPositions, 1)];
    }

    public static BlockBuilder forLayout(ValueLayout layout, int expectedPositions)
    {
        switch (layout) {
            case BYTE:
                return new ByteBlockBuilder(expectedPositions);
            case INT:
                return new IntBlockBuilder(expectedPositions);
            case LONG:
                return new LongBlockBuilder(expectedPositions);
            case DOUBLE:
                return new DoubleBlockBuilder(expectedPositions);
            case INT128:
                return new Int128BlockBuilder(expectedPositions);
            case VARIABLE_WIDTH:
                return new VariableWidthBlockBuilder(expectedPositions);
            case ARRAY:
            case MAP:
            case ROW:
                // a nested block's children depend on the type, not only the layout
                throw new IllegalArgumentException("a " + layout + " builder is made by its type: Type.createBlockBuilder");
        }
        throw new IllegalArgumentException("unknown layout " + layout);
    }

    public int positionCount()
    {
        return positionCount;
    }

    public void appendNull()
    {
        ensureCapacity(positionCount + 1);
        nulls[positionCount] = true;
        hasNull = true;
        appendZero();
        positionCount++;
    }

    /** Appends position {@code position} of {@code block}, which has this builder's layout. */
    public abstract void appendFrom(Block block, int position);

    /** Appends a boxed value of this layout's Java class (see {@link ValueLayout}), or null. Slow path. */
    public abstract void appendValue(Object value);

    public abstract Block build();

    /** Bytes this builder holds now, for memory accounting and page-size limits. */
    public abstract long retainedSizeInBytes();

    /** Grows the value storage to hold at least {@code capacity} positions. */
    protected abstract void growValues(int capacity);

    /** Stores the placeholder value of a null position at {@code positionCount}. */
    protected abstract void appendZero();

    protected final void ensureCapacity(int capacity)
    {
        if (capacity > nulls.length) {
            int newCapacity = Math.max(capacity, nulls.length + (nulls.length >> 1) + 16);
            nulls = Arrays.copyOf(nulls, newCapacity);
            growValues(newCapacity);
        }
    }

    protected final boolean[] nullsForBuild()
    {
        return hasNull ? nulls : null;
    }
}

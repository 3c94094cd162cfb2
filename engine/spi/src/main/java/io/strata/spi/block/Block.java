package io.strata.spi.block;

/**
 * An immutable column of values for a number of positions. Each implementation exposes its primitive
 * arrays for block-at-a-time kernels; the arrays are never to be written by readers.
 */
public sealed interface Block
        permits ByteArrayBlock, IntArrayBlock, LongArrayBlock, DoubleArrayBlock, Int128ArrayBlock, VariableWidthBlock,
        ArrayBlock, MapBlock, RowBlock
{
    int positionCount();

    /** False when no position is null, so kernels can skip null checks for the whole block. */
    boolean mayHaveNull();

    boolean isNull(int position);

    /** Bytes of data the positions hold (what is processed, shipped, counted). */
    long sizeInBytes();

    /** Bytes of memory this block keeps alive (what memory accounting charges). */
    long retainedSizeInBytes();

    /** A new block with {@code length} positions starting at {@code offset}. */
    Block region(int offset, int length);

    /** A new block holding {@code positions[offset..offset+length)} in that order. */
    Block copyPositions(int[] positions, int offset, int length);

    /** The value at a position as a boxed Java object, or {@code null}; slow path only. */
    Object getValue(int position);
}

package io.strata.spi.block;

import io.strata.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Builds pages row by row across a fixed list of types: append to each {@link #blockBuilder(int)}, then
 * {@link #declarePosition()}; {@link #isFull()} says when to {@link #build()} and {@link #reset()}.
 */
public final class PageBuilder
{
    /** Rows per page: large enough to amortize per-page work, small enough to stay in cache. */
    public static final int DEFAULT_MAX_POSITIONS = 8192;
    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    private final List<Type> types;
    private final int maxPositions;
    private final BlockBuilder[] builders;
    private int declaredPositions;

    public PageBuilder(List<? extends Type> types)
    {
        this(types, DEFAULT_MAX_POSITIONS);
    }

    public PageBuilder(List<? extends Type> types, int maxPositions)
    {
        this.types = List.copyOf(requireNonNull(types, "types is null"));
        this.maxPositions = maxPositions;
        this.builders = new BlockBuilder[this.types.size()];
        reset();
    }

    public BlockBuilder blockBuilder(int channel)
    {
        return builders[channel];
    }

    public List<Type> types()
    {
        return types;
    }

    public void declarePosition()
    {
        declaredPositions++;
    }

    public void declarePositions(int count)
    {
        declaredPositions += count;
    }

    public int positionCount()
    {
        return declaredPositions;
    }

    public boolean isEmpty()
    {
        return declaredPositions == 0;
    }

    public boolean isFull()
    {
        if (declaredPositions >= maxPositions) {
            return true;
        }
        return retainedSizeInBytes() >= DEFAULT_MAX_BYTES;
    }

    public long retainedSizeInBytes()
    {
        long size = 0;
        for (BlockBuilder builder : builders) {
            size += builder.retainedSizeInBytes();
        }
        return size;
    }

    public Page build()
    {
        Block[] blocks = new Block[builders.length];
        for (int i = 0; i < builders.length; i++) {
            blocks[i] = builders[i].build();
            if (blocks[i].positionCount() != declaredPositions) {
                throw new IllegalStateException("channel " + i + " has " + blocks[i].positionCount() + " positions, declared " + declaredPositions);
            }
        }
        return new Page(declaredPositions, blocks);
    }

    /** Starts a new page; blocks built before stay valid (builders are replaced, not cleared). */
    public void reset()
    {
        int expected = Math.min(maxPositions, 1024);
        for (int i = 0; i < builders.length; i++) {
            builders[i] = types.get(i).createBlockBuilder(expected);
        }
        declaredPositions = 0;
    }
}

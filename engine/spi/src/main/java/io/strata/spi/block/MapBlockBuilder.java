package io.strata.spi.block;

import java.util.Arrays;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Builds a {@link MapBlock}: append one key and one value per entry to {@link #keyBuilder()} and
 * {@link #valueBuilder()}, then {@link #closeEntry()}. The caller keeps keys unique and non-null.
 */
public final class MapBlockBuilder
        extends BlockBuilder
{
    private final BlockBuilder keyBuilder;
    private final BlockBuilder valueBuilder;
    private int[] offsets;

    public MapBlockBuilder(BlockBuilder keyBuilder, BlockBuilder valueBuilder, int expectedPositions)
    {
        super(expectedPositions);
        this.keyBuilder = requireNonNull(keyBuilder, "keyBuilder is null");
        this.valueBuilder = requireNonNull(valueBuilder, "valueBuilder is null");
        this.offsets = new int[Math.max(expectedPositions, 1) + 1];
        this.offsets[0] = keyBuilder.positionCount();
    }

    public BlockBuilder keyBuilder()
    {
        return keyBuilder;
    }

    public BlockBuilder valueBuilder()
    {
        return valueBuilder;
    }

    /** Ends the map whose entries were appended since the last position. */
    public void closeEntry()
    {
        if (keyBuilder.positionCount() != valueBuilder.positionCount()) {
            throw new IllegalStateException("a map has " + keyBuilder.positionCount() + " keys but " + valueBuilder.positionCount() + " values");
        }
        ensureCapacity(positionCount + 1);
        positionCount++;
        offsets[positionCount] = keyBuilder.positionCount();
    }

    @Override
    public void appendFrom(Block block, int position)
    {
        if (block.isNull(position)) {
            appendNull();
            return;
        }
        MapBlock maps = (MapBlock) block;
        int start = maps.getOffset(position);
        int end = start + maps.getLength(position);
        for (int entry = start; entry < end; entry++) {
            keyBuilder.appendFrom(maps.rawKeys(), entry);
            valueBuilder.appendFrom(maps.rawValues(), entry);
        }
        closeEntry();
    }

    @Override
    public void appendValue(Object value)
    {
        if (value == null) {
            appendNull();
            return;
        }
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
            keyBuilder.appendValue(entry.getKey());
            valueBuilder.appendValue(entry.getValue());
        }
        closeEntry();
    }

    @Override
    public Block build()
    {
        return new MapBlock(positionCount, nullsForBuild(), offsets, keyBuilder.build(), valueBuilder.build());
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) offsets.length * 4 + nulls.length + keyBuilder.retainedSizeInBytes() + valueBuilder.retainedSizeInBytes();
    }

    @Override
    protected void growValues(int capacity)
    {
        offsets = Arrays.copyOf(offsets, capacity + 1);
    }

    @Override
    protected void appendZero()
    {
        offsets[positionCount + 1] = keyBuilder.positionCount();
    }
}

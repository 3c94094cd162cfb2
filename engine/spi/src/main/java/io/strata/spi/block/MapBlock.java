package io.strata.spi.block;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.strata.spi.block.BlockUtil.checkPositions;
import static io.strata.spi.block.BlockUtil.checkRegion;
import static io.strata.spi.block.BlockUtil.copyNullsForPositions;
import static io.strata.spi.block.BlockUtil.copyNullsForRegion;
import static io.strata.spi.block.BlockUtil.hasNull;
import static java.util.Objects.requireNonNull;

/**
 * A block of maps, as Presto lays them out: position {@code p} is the entries {@code [offsets[p], offsets[p + 1])}
 * of two child blocks of equal length, one of keys and one of values. Keys are unique within a map and never
 * null; a null map has no entries.
 */
public final class MapBlock
        implements Block
{
    private final int positionCount;
    private final boolean[] nulls;
    private final int[] offsets;
    private final Block keys;
    private final Block values;

    /**
     * Wraps the arrays without copying: the caller hands them over and must not write them again.
     *
     * @param offsets {@code positionCount + 1} non-decreasing offsets into {@code keys} and {@code values}
     * @param nulls one flag per position, or {@code null} when no position is null
     */
    public MapBlock(int positionCount, boolean[] nulls, int[] offsets, Block keys, Block values)
    {
        this.offsets = requireNonNull(offsets, "offsets is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.values = requireNonNull(values, "values is null");
        if (positionCount < 0 || offsets.length < positionCount + 1 || (nulls != null && nulls.length < positionCount)) {
            throw new IllegalArgumentException("arrays are shorter than the position count " + positionCount);
        }
        if (keys.positionCount() != values.positionCount() || offsets[positionCount] > keys.positionCount()) {
            throw new IllegalArgumentException("keys and values differ in length or offsets reach past them");
        }
        this.positionCount = positionCount;
        this.nulls = hasNull(nulls, positionCount) ? nulls : null;
    }

    @Override
    public int positionCount()
    {
        return positionCount;
    }

    @Override
    public boolean mayHaveNull()
    {
        return nulls != null;
    }

    @Override
    public boolean isNull(int position)
    {
        return nulls != null && nulls[position];
    }

    /** The number of entries of the map at a position (0 for a null map). */
    public int getLength(int position)
    {
        return offsets[position + 1] - offsets[position];
    }

    public int getOffset(int position)
    {
        return offsets[position];
    }

    public Block rawKeys()
    {
        return keys;
    }

    public Block rawValues()
    {
        return values;
    }

    /** The offsets, for kernels: {@code positionCount + 1} entries. Do not write. */
    public int[] rawOffsets()
    {
        return offsets;
    }

    /** The null flags, for kernels, or {@code null} when no position is null. Do not write. */
    public boolean[] rawNulls()
    {
        return nulls;
    }

    @Override
    public long sizeInBytes()
    {
        return keys.sizeInBytes() + values.sizeInBytes() + (long) positionCount * (4 + (nulls == null ? 0 : 1));
    }

    @Override
    public long retainedSizeInBytes()
    {
        return 32L + keys.retainedSizeInBytes() + values.retainedSizeInBytes() + (long) offsets.length * 4 + (nulls == null ? 0 : nulls.length);
    }

    @Override
    public Block region(int offset, int length)
    {
        checkRegion(positionCount, offset, length);
        int start = offsets[offset];
        int end = offsets[offset + length];
        int[] newOffsets = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            newOffsets[i] = offsets[offset + i] - start;
        }
        return new MapBlock(length, copyNullsForRegion(nulls, offset, length), newOffsets, keys.region(start, end - start), values.region(start, end - start));
    }

    @Override
    public Block copyPositions(int[] positions, int offset, int length)
    {
        checkPositions(positions, offset, length);
        int[] newOffsets = new int[length + 1];
        for (int i = 0; i < length; i++) {
            newOffsets[i + 1] = newOffsets[i] + getLength(positions[offset + i]);
        }
        int[] entryPositions = new int[newOffsets[length]];
        int cursor = 0;
        for (int i = 0; i < length; i++) {
            int position = positions[offset + i];
            for (int entry = offsets[position]; entry < offsets[position + 1]; entry++) {
                entryPositions[cursor++] = entry;
            }
        }
        return new MapBlock(length, copyNullsForPositions(nulls, positions, offset, length), newOffsets,
                keys.copyPositions(entryPositions, 0, entryPositions.length),
                values.copyPositions(entryPositions, 0, entryPositions.length));
    }

    @Override
    public Object getValue(int position)
    {
        if (isNull(position)) {
            return null;
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int entry = offsets[position]; entry < offsets[position + 1]; entry++) {
            map.put(keys.getValue(entry), values.getValue(entry));
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString()
    {
        return "MapBlock{positionCount=" + positionCount + "}";
    }
}

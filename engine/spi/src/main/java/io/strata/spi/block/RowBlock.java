package io.strata.spi.block;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.strata.spi.block.BlockUtil.checkPositions;
import static io.strata.spi.block.BlockUtil.checkRegion;
import static io.strata.spi.block.BlockUtil.copyNullsForPositions;
import static io.strata.spi.block.BlockUtil.copyNullsForRegion;
import static io.strata.spi.block.BlockUtil.hasNull;
import static java.util.Objects.requireNonNull;

/**
 * A block of rows: one child block per field, each with this block's positions, and a null flag per row.
 * The fields of a null row hold placeholder values (nulls) that readers must not look at.
 */
public final class RowBlock
        implements Block
{
    private final int positionCount;
    private final boolean[] nulls;
    private final Block[] fields;

    /**
     * Wraps the arrays without copying: the caller hands them over and must not write them again.
     *
     * @param nulls one flag per position, or {@code null} when no position is null
     */
    public RowBlock(int positionCount, boolean[] nulls, Block[] fields)
    {
        this.fields = requireNonNull(fields, "fields is null").clone();
        if (positionCount < 0 || (nulls != null && nulls.length < positionCount)) {
            throw new IllegalArgumentException("arrays are shorter than the position count " + positionCount);
        }
        for (Block field : fields) {
            if (field.positionCount() != positionCount) {
                throw new IllegalArgumentException("a field has " + field.positionCount() + " positions, expected " + positionCount);
            }
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

    public int fieldCount()
    {
        return fields.length;
    }

    /** The block of one field, for all positions (placeholders at null rows). */
    public Block getField(int field)
    {
        return fields[field];
    }

    /** The null flags, for kernels, or {@code null} when no position is null. Do not write. */
    public boolean[] rawNulls()
    {
        return nulls;
    }

    @Override
    public long sizeInBytes()
    {
        long size = (long) positionCount * (nulls == null ? 0 : 1);
        for (Block field : fields) {
            size += field.sizeInBytes();
        }
        return size;
    }

    @Override
    public long retainedSizeInBytes()
    {
        long size = 32L + (nulls == null ? 0 : nulls.length);
        for (Block field : fields) {
            size += field.retainedSizeInBytes();
        }
        return size;
    }

    @Override
    public Block region(int offset, int length)
    {
        checkRegion(positionCount, offset, length);
        Block[] newFields = new Block[fields.length];
        for (int i = 0; i < fields.length; i++) {
            newFields[i] = fields[i].region(offset, length);
        }
        return new RowBlock(length, copyNullsForRegion(nulls, offset, length), newFields);
    }

    @Override
    public Block copyPositions(int[] positions, int offset, int length)
    {
        checkPositions(positions, offset, length);
        Block[] newFields = new Block[fields.length];
        for (int i = 0; i < fields.length; i++) {
            newFields[i] = fields[i].copyPositions(positions, offset, length);
        }
        return new RowBlock(length, copyNullsForPositions(nulls, positions, offset, length), newFields);
    }

    @Override
    public Object getValue(int position)
    {
        if (isNull(position)) {
            return null;
        }
        List<Object> values = new ArrayList<>(fields.length);
        for (Block field : fields) {
            values.add(field.getValue(position));
        }
        return Collections.unmodifiableList(values);
    }

    @Override
    public String toString()
    {
        return "RowBlock{positionCount=" + positionCount + ", fields=" + fields.length + "}";
    }
}

package io.strata.spi.block;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Builds a {@link RowBlock}: append one value to every {@link #fieldBuilder field builder}, then
 * {@link #closeEntry()}; or append whole rows with {@link #appendFrom} and {@link #appendValue} (a {@code List}
 * of field values).
 */
public final class RowBlockBuilder
        extends BlockBuilder
{
    private final BlockBuilder[] fieldBuilders;

    public RowBlockBuilder(List<BlockBuilder> fieldBuilders, int expectedPositions)
    {
        super(expectedPositions);
        this.fieldBuilders = requireNonNull(fieldBuilders, "fieldBuilders is null").toArray(new BlockBuilder[0]);
    }

    public BlockBuilder fieldBuilder(int field)
    {
        return fieldBuilders[field];
    }

    /** Ends the row whose fields were appended since the last position. */
    public void closeEntry()
    {
        ensureCapacity(positionCount + 1);
        positionCount++;
        for (BlockBuilder field : fieldBuilders) {
            if (field.positionCount() != positionCount) {
                throw new IllegalStateException("a field has " + field.positionCount() + " positions, expected " + positionCount);
            }
        }
    }

    @Override
    public void appendFrom(Block block, int position)
    {
        if (block.isNull(position)) {
            appendNull();
            return;
        }
        RowBlock rows = (RowBlock) block;
        for (int i = 0; i < fieldBuilders.length; i++) {
            fieldBuilders[i].appendFrom(rows.getField(i), position);
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
        List<?> values = (List<?>) value;
        if (values.size() != fieldBuilders.length) {
            throw new IllegalArgumentException("a row value has " + values.size() + " fields, expected " + fieldBuilders.length);
        }
        for (int i = 0; i < fieldBuilders.length; i++) {
            fieldBuilders[i].appendValue(values.get(i));
        }
        closeEntry();
    }

    @Override
    public Block build()
    {
        Block[] fields = new Block[fieldBuilders.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fieldBuilders[i].build();
        }
        return new RowBlock(positionCount, nullsForBuild(), fields);
    }

    @Override
    public long retainedSizeInBytes()
    {
        long size = nulls.length;
        for (BlockBuilder field : fieldBuilders) {
            size += field.retainedSizeInBytes();
        }
        return size;
    }

    @Override
    protected void growValues(int capacity)
    {
    }

    @Override
    protected void appendZero()
    {
        for (BlockBuilder field : fieldBuilders) {
            field.appendNull();
        }
    }
}

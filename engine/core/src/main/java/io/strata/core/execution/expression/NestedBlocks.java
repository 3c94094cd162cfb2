package io.strata.core.execution.expression;

import io.strata.spi.block.ArrayBlock;
import io.strata.spi.block.Block;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.MapBlock;
import io.strata.spi.block.RowBlock;
import io.strata.spi.type.Type;

/**
 * The {@link Blocks} helpers for blocks of arrays, maps and rows, whose children are built from the type.
 */
final class NestedBlocks
{
    private NestedBlocks() {}

    static boolean[] rawNulls(Block block)
    {
        if (block instanceof ArrayBlock arrays) {
            return arrays.rawNulls();
        }
        if (block instanceof MapBlock maps) {
            return maps.rawNulls();
        }
        if (block instanceof RowBlock rows) {
            return rows.rawNulls();
        }
        throw new IllegalArgumentException("not a nested block: " + block);
    }

    static Block withNulls(Block block, boolean[] nulls)
    {
        int positionCount = block.positionCount();
        if (block instanceof ArrayBlock arrays) {
            return new ArrayBlock(positionCount, nulls, arrays.rawOffsets(), arrays.rawElements());
        }
        if (block instanceof MapBlock maps) {
            return new MapBlock(positionCount, nulls, maps.rawOffsets(), maps.rawKeys(), maps.rawValues());
        }
        RowBlock rows = (RowBlock) block;
        Block[] fields = new Block[rows.fieldCount()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = rows.getField(i);
        }
        return new RowBlock(positionCount, nulls, fields);
    }

    static Block nullBlock(Type type, int positionCount)
    {
        BlockBuilder builder = type.createBlockBuilder(positionCount);
        for (int i = 0; i < positionCount; i++) {
            builder.appendNull();
        }
        return builder.build();
    }

    /** {@code value} (a List or Map as the type's Java value) at every position: one copy, then gathered. */
    static Block constantBlock(Type type, Object value, int positionCount)
    {
        Block single = Blocks.singleValueBlock(type, value);
        return single.copyPositions(new int[positionCount], 0, positionCount);
    }

    static Block merge(Type type, int positionCount, Block[] parts, int[][] indexes, int[] counts)
    {
        int[] partOf = new int[positionCount];
        int[] positionInPart = new int[positionCount];
        for (int k = 0; k < parts.length; k++) {
            int[] index = indexes[k];
            for (int j = 0; j < counts[k]; j++) {
                partOf[index[j]] = k;
                positionInPart[index[j]] = j;
            }
        }
        BlockBuilder builder = type.createBlockBuilder(positionCount);
        for (int i = 0; i < positionCount; i++) {
            builder.appendFrom(parts[partOf[i]], positionInPart[i]);
        }
        return builder.build();
    }

    /**
     * The positions {@code positions[i]} of {@code block} in order, where a negative position stands for a
     * null of {@code type}: how a subscript picks one element per row.
     */
    static Block gather(Type type, Block block, int[] positions, int count)
    {
        boolean[] nulls = null;
        int anyPosition = -1;
        for (int i = 0; i < count; i++) {
            if (positions[i] < 0) {
                if (nulls == null) {
                    nulls = new boolean[count];
                }
                nulls[i] = true;
            }
            else {
                anyPosition = positions[i];
            }
        }
        if (anyPosition < 0) {
            return Blocks.nullBlock(type, count);
        }
        if (nulls == null) {
            return block.copyPositions(positions, 0, count);
        }
        int[] safe = new int[count];
        for (int i = 0; i < count; i++) {
            safe[i] = positions[i] < 0 ? anyPosition : positions[i];
        }
        return Blocks.withNulls(block.copyPositions(safe, 0, count), nulls);
    }
}

package io.strata.spi.type;

import io.strata.spi.block.ArrayBlockBuilder;
import io.strata.spi.block.BlockBuilder;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code array(T)}: values are {@link io.strata.spi.block.ArrayBlock} positions; the slow-path Java value is
 * an unmodifiable {@code List} of the element type's Java values (elements may be null).
 */
public record ArrayType(Type elementType)
        implements Type
{
    public ArrayType
    {
        requireNonNull(elementType, "elementType is null");
    }

    @Override
    public String baseName()
    {
        return "array";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of();
    }

    @Override
    public String displayName()
    {
        return "array(" + elementType.displayName() + ")";
    }

    @Override
    public ValueLayout layout()
    {
        return ValueLayout.ARRAY;
    }

    @Override
    public boolean isOrderable()
    {
        return false;
    }

    @Override
    public BlockBuilder createBlockBuilder(int expectedPositions)
    {
        return new ArrayBlockBuilder(elementType.createBlockBuilder(expectedPositions), expectedPositions);
    }

    @Override
    public String toString()
    {
        return displayName();
    }
}

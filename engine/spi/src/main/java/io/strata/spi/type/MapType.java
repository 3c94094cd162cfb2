package io.strata.spi.type;

import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.MapBlockBuilder;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code map(K,V)}: values are {@link io.strata.spi.block.MapBlock} positions; the slow-path Java value is an
 * unmodifiable {@code Map} in entry order (keys are never null, values may be).
 */
public record MapType(Type keyType, Type valueType)
        implements Type
{
    public MapType
    {
        requireNonNull(keyType, "keyType is null");
        requireNonNull(valueType, "valueType is null");
    }

    @Override
    public String baseName()
    {
        return "map";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of();
    }

    @Override
    public String displayName()
    {
        return "map(" + keyType.displayName() + "," + valueType.displayName() + ")";
    }

    @Override
    public ValueLayout layout()
    {
        return ValueLayout.MAP;
    }

    @Override
    public boolean isOrderable()
    {
        return false;
    }

    @Override
    public BlockBuilder createBlockBuilder(int expectedPositions)
    {
        return new MapBlockBuilder(keyType.createBlockBuilder(expectedPositions), valueType.createBlockBuilder(expectedPositions), expectedPositions);
    }

    @Override
    public String toString()
    {
        return displayName();
    }
}

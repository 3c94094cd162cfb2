package io.strata.spi.type;

import io.strata.spi.block.Block;
import io.strata.spi.block.BlockBuilder;

import java.util.List;

/**
 * A SQL type. Types are values (records): two equal types are interchangeable.
 */
public sealed interface Type
        permits BooleanType, IntegerType, BigintType, DoubleType, DecimalType, VarcharType, DateType,
        TinyintType, SmallintType, RealType, VarbinaryType, CharType, TimestampType, TimeType, TimestampWithTimeZoneType,
        IntervalDayTimeType, IntervalYearMonthType, UnknownType, ArrayType, MapType, RowType
{
    /** The type's name without parameters, as in Presto's type signature: {@code decimal}, {@code varchar}. */
    String baseName();

    /** The numeric parameters of the signature: precision and scale for decimal, length for bounded varchar. */
    List<Long> parameters();

    /** The full name as SQL and clients spell it: {@code decimal(12,2)}, {@code varchar(25)}, {@code bigint}. */
    default String displayName()
    {
        List<Long> parameters = parameters();
        if (parameters.isEmpty()) {
            return baseName();
        }
        StringBuilder name = new StringBuilder(baseName()).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                name.append(',');
            }
            name.append(parameters.get(i));
        }
        return name.append(')').toString();
    }

    ValueLayout layout();

    /** Whether values of this type can be ordered ({@code <}, {@code ORDER BY}). */
    default boolean isOrderable()
    {
        return true;
    }

    default BlockBuilder createBlockBuilder(int expectedPositions)
    {
        return BlockBuilder.forLayout(layout(), expectedPositions);
    }

    /**
     * The value at a position as a Java object of the layout's class, or {@code null}; for the slow paths
     * (constant folding, domains, client serialization), never for kernels.
     */
    default Object getValue(Block block, int position)
    {
        return block.getValue(position);
    }
}

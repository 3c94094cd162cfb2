package io.strata.core.execution.expression;

import io.strata.spi.StrataException;
import io.strata.spi.block.ArrayBlock;
import io.strata.spi.block.Block;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.MapBlock;
import io.strata.spi.block.RowBlock;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.Type;

/**
 * CAST between array, map and row types: the children are cast with the kernels of their types, whole child
 * blocks at a time, and the offsets and null flags are kept. A row casts field by field (names do not matter,
 * only the order, as in Presto).
 */
final class NestedCasts
{
    private NestedCasts() {}

    static boolean isSupported(Type from, Type to)
    {
        if (from instanceof ArrayType fromArray && to instanceof ArrayType toArray) {
            return isChildSupported(fromArray.elementType(), toArray.elementType());
        }
        if (from instanceof MapType fromMap && to instanceof MapType toMap) {
            return isChildSupported(fromMap.keyType(), toMap.keyType()) && isChildSupported(fromMap.valueType(), toMap.valueType());
        }
        if (from instanceof RowType fromRow && to instanceof RowType toRow && fromRow.fields().size() == toRow.fields().size()) {
            for (int i = 0; i < fromRow.fields().size(); i++) {
                if (!isChildSupported(fromRow.fields().get(i).type(), toRow.fields().get(i).type())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isChildSupported(Type from, Type to)
    {
        return from.layout().isNested() || to.layout().isNested() ? from.equals(to) || isSupported(from, to) : CastValues.isSupported(from, to);
    }

    static UnaryKernel kernel(Type from, Type to, boolean nullOnFailure)
    {
        if (!isSupported(from, to)) {
            throw CastValues.unsupported(from, to);
        }
        UnaryKernel strict = strictKernel(from, to);
        if (!nullOnFailure) {
            return strict;
        }
        // TRY_CAST makes the whole value null when any part fails (Presto), not just the failing element:
        // cast the block strictly, and only when that fails, row by row
        return (input, positionCount) -> {
            try {
                return strict.apply(input, positionCount);
            }
            catch (StrataException e) {
                BlockBuilder builder = to.createBlockBuilder(positionCount);
                for (int position = 0; position < positionCount; position++) {
                    try {
                        builder.appendFrom(strict.apply(input.region(position, 1), 1), 0);
                    }
                    catch (StrataException rowFailure) {
                        builder.appendNull();
                    }
                }
                return builder.build();
            }
        };
    }

    private static UnaryKernel strictKernel(Type from, Type to)
    {
        if (to instanceof ArrayType toArray) {
            UnaryKernel elements = CastKernels.kernel(((ArrayType) from).elementType(), toArray.elementType(), false);
            return (input, positionCount) -> {
                ArrayBlock arrays = (ArrayBlock) input;
                Block children = arrays.rawElements();
                return new ArrayBlock(positionCount, arrays.rawNulls(), arrays.rawOffsets(), elements.apply(children, children.positionCount()));
            };
        }
        if (to instanceof MapType toMap) {
            MapType fromMap = (MapType) from;
            UnaryKernel keys = CastKernels.kernel(fromMap.keyType(), toMap.keyType(), false);
            UnaryKernel values = CastKernels.kernel(fromMap.valueType(), toMap.valueType(), false);
            return (input, positionCount) -> {
                MapBlock maps = (MapBlock) input;
                int entries = maps.rawKeys().positionCount();
                return new MapBlock(positionCount, maps.rawNulls(), maps.rawOffsets(), keys.apply(maps.rawKeys(), entries), values.apply(maps.rawValues(), entries));
            };
        }
        RowType fromRow = (RowType) from;
        RowType toRow = (RowType) to;
        UnaryKernel[] fields = new UnaryKernel[toRow.fields().size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = CastKernels.kernel(fromRow.fields().get(i).type(), toRow.fields().get(i).type(), false);
        }
        return (input, positionCount) -> {
            RowBlock rows = (RowBlock) input;
            Block[] cast = new Block[fields.length];
            for (int i = 0; i < fields.length; i++) {
                cast[i] = fields[i].apply(rows.getField(i), positionCount);
            }
            return new RowBlock(positionCount, rows.rawNulls(), cast);
        };
    }

    /** Casts one non-null value (a List or Map) through the block kernel. */
    static Object castValue(Object value, Type from, Type to)
    {
        Block single = Blocks.singleValueBlock(from, value);
        return kernel(from, to, false).apply(single, 1).getValue(0);
    }
}

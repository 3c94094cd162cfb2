package io.strata.core.execution.operator.sort;

import io.airlift.slice.Slice;
import io.strata.core.execution.expression.Blocks;
import io.strata.core.execution.expression.Int128Math;
import io.strata.core.execution.expression.NestedValues;
import io.strata.core.planner.plan.SortOrder;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;
import io.strata.spi.type.ValueLayout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One sort key over the pages of an index: the key column's raw arrays per page, compared with the
 * layout's order, the direction and the null placement of its {@link SortOrder}.
 */
abstract class SortKeyColumn
{
    private final boolean ascending;
    private final boolean nullsFirst;
    protected final List<boolean[]> nulls = new ArrayList<>();

    SortKeyColumn(SortOrder order)
    {
        requireNonNull(order, "order is null");
        this.ascending = order.isAscending();
        this.nullsFirst = order.isNullsFirst();
    }

    /** The key column of a type: its layout's, except that a timestamp with time zone sorts by instant only. */
    static SortKeyColumn create(Type type, SortOrder order)
    {
        if (type.layout().isNested()) {
            return new NestedKey(type, order);
        }
        if (type instanceof TimestampWithTimeZoneType) {
            // the packed value is utcMillis << 12 | zoneKey: values of one instant are equal whatever their zones
            return new LongKey(order, 12);
        }
        return create(type.layout(), order);
    }

    static SortKeyColumn create(ValueLayout layout, SortOrder order)
    {
        switch (layout) {
            case ARRAY:
            case MAP:
            case ROW:
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "This operation is not supported yet for arrays, maps and rows");
            case BYTE:
                return new ByteKey(order);
            case INT:
                return new IntKey(order);
            case LONG:
                return new LongKey(order, 0);
            case DOUBLE:
                return new DoubleKey(order);
            case INT128:
                return new Int128Key(order);
            case VARIABLE_WIDTH:
                return new SliceKey(order);
        }
        throw new IllegalArgumentException("unknown layout " + layout);
    }

    final void addBlock(Block block)
    {
        nulls.add(Blocks.rawNulls(block));
        addValues(block);
    }

    abstract void addValues(Block block);

    /** Replaces every page by nothing (after compaction the index re-adds its pages). */
    void clear()
    {
        nulls.clear();
        clearValues();
    }

    abstract void clearValues();

    final int compare(int pageA, int positionA, int pageB, int positionB)
    {
        boolean[] nullsA = nulls.get(pageA);
        boolean[] nullsB = nulls.get(pageB);
        boolean nullA = nullsA != null && nullsA[positionA];
        boolean nullB = nullsB != null && nullsB[positionB];
        if (nullA || nullB) {
            if (nullA && nullB) {
                return 0;
            }
            return nullA == nullsFirst ? -1 : 1;
        }
        int comparison = compareValues(pageA, positionA, pageB, positionB);
        return ascending ? comparison : -comparison;
    }

    abstract int compareValues(int pageA, int positionA, int pageB, int positionB);

    /** Arrays and rows, in {@link NestedValues#order}; one comparison walks the values' children. */
    private static final class NestedKey
            extends SortKeyColumn
    {
        private final Type type;
        private final List<Block> blocks = new ArrayList<>();

        NestedKey(Type type, SortOrder order)
        {
            super(order);
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void addValues(Block block)
        {
            blocks.add(block);
        }

        @Override
        void clearValues()
        {
            blocks.clear();
        }

        @Override
        int compareValues(int pageA, int positionA, int pageB, int positionB)
        {
            return NestedValues.order(type, blocks.get(pageA), positionA, blocks.get(pageB), positionB);
        }
    }

    private static final class LongKey
            extends SortKeyColumn
    {
        private final List<long[]> values = new ArrayList<>();
        private final int shift;

        LongKey(SortOrder order, int shift)
        {
            super(order);
            this.shift = shift;
        }

        @Override
        void addValues(Block block)
        {
            values.add(((LongArrayBlock) block).rawValues());
        }

        @Override
        void clearValues()
        {
            values.clear();
        }

        @Override
        int compareValues(int pageA, int positionA, int pageB, int positionB)
        {
            return Long.compare(values.get(pageA)[positionA] >> shift, values.get(pageB)[positionB] >> shift);
        }
    }

    private static final class IntKey
            extends SortKeyColumn
    {
        private final List<int[]> values = new ArrayList<>();

        IntKey(SortOrder order)
        {
            super(order);
        }

        @Override
        void addValues(Block block)
        {
            values.add(((IntArrayBlock) block).rawValues());
        }

        @Override
        void clearValues()
        {
            values.clear();
        }

        @Override
        int compareValues(int pageA, int positionA, int pageB, int positionB)
        {
            return Integer.compare(values.get(pageA)[positionA], values.get(pageB)[positionB]);
        }
    }

    private static final class ByteKey
            extends SortKeyColumn
    {
        private final List<byte[]> values = new ArrayList<>();

        ByteKey(SortOrder order)
        {
            super(order);
        }

        @Override
        void addValues(Block block)
        {
            values.add(((ByteArrayBlock) block).rawValues());
        }

        @Override
        void clearValues()
        {
            values.clear();
        }

        @Override
        int compareValues(int pageA, int positionA, int pageB, int positionB)
        {
            return Byte.compare(values.get(pageA)[positionA], values.get(pageB)[positionB]);
        }
    }

    /** Doubles in {@link Double#compare} order: NaN after every number. */
    private static final class DoubleKey
            extends SortKeyColumn
    {
        private final List<double[]> values = new ArrayList<>();

        DoubleKey(SortOrder order)
        {
            super(order);
        }

        @Override
        void addValues(Block block)
        {
            values.add(((DoubleArrayBlock) block).rawValues());
        }

        @Override
        void clearValues()
        {
            values.clear();
        }

        @Override
        int compareValues(int pageA, int positionA, int pageB, int positionB)
        {
            double a = values.get(pageA)[positionA];
            double b = values.get(pageB)[positionB];
            if (a == b) {
                return 0;
            }
            return Double.compare(a, b);
        }
    }

    private static final class Int128Key
            extends SortKeyColumn
    {
        private final List<long[]> values = new ArrayList<>();

        Int128Key(SortOrder order)
        {
            super(order);
        }

        @Override
        void addValues(Block block)
        {
            values.add(((Int128ArrayBlock) block).rawValues());
        }

        @Override
        void clearValues()
        {
            values.clear();
        }

        @Override
        int compareValues(int pageA, int positionA, int pageB, int positionB)
        {
            long[] a = values.get(pageA);
            long[] b = values.get(pageB);
            return Int128Math.compare(a[2 * positionA], a[2 * positionA + 1], b[2 * positionB], b[2 * positionB + 1]);
        }
    }

    /** Varchar by unsigned bytes, which is code point order for UTF-8. */
    private static final class SliceKey
            extends SortKeyColumn
    {
        private final List<byte[]> data = new ArrayList<>();
        private final List<int[]> offsets = new ArrayList<>();
        private int[] bases = new int[8];

        SliceKey(SortOrder order)
        {
            super(order);
        }

        @Override
        void addValues(Block block)
        {
            VariableWidthBlock variableWidth = (VariableWidthBlock) block;
            Slice slice = variableWidth.rawSlice();
            if (data.size() == bases.length) {
                bases = Arrays.copyOf(bases, bases.length * 2);
            }
            bases[data.size()] = slice.byteArrayOffset();
            data.add(slice.byteArray());
            offsets.add(variableWidth.rawOffsets());
        }

        @Override
        void clearValues()
        {
            data.clear();
            offsets.clear();
        }

        @Override
        int compareValues(int pageA, int positionA, int pageB, int positionB)
        {
            int[] offsetsA = offsets.get(pageA);
            int[] offsetsB = offsets.get(pageB);
            int baseA = bases[pageA];
            int baseB = bases[pageB];
            return Arrays.compareUnsigned(
                    data.get(pageA), baseA + offsetsA[positionA], baseA + offsetsA[positionA + 1],
                    data.get(pageB), baseB + offsetsB[positionB], baseB + offsetsB[positionB + 1]);
        }
    }
}

package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.ValueLayout;

import java.util.Arrays;

import static io.strata.core.execution.expression.Blocks.orNulls;
import static io.strata.core.execution.expression.Blocks.rawNulls;

/**
 * Comparisons of two blocks of the same layout into a boolean block: one loop per layout, the operator
 * applied through its truth table. Varchar compares UTF-8 bytes as unsigned, which orders by code point.
 * Doubles follow SQL: {@code 0.0 = -0.0}, and NaN is unordered (only {@code <>} is true).
 */
final class ComparisonKernels
{
    private ComparisonKernels() {}

    static BinaryKernel kernel(ComparisonOperator operator, ValueLayout layout)
    {
        byte[] table = operator.truthTable();
        switch (layout) {
            case ARRAY:
            case MAP:
            case ROW:
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "This operation is not supported yet for arrays, maps and rows");
            case BYTE:
                return (left, right, positionCount) -> compareBytes(table, left, right, positionCount);
            case INT:
                return (left, right, positionCount) -> compareInts(table, left, right, positionCount);
            case LONG:
                return (left, right, positionCount) -> compareLongs(table, left, right, positionCount);
            case DOUBLE:
                return (left, right, positionCount) -> compareDoubles(table, left, right, positionCount);
            case INT128:
                return (left, right, positionCount) -> compareInt128s(table, left, right, positionCount);
            case VARIABLE_WIDTH:
                if (operator == ComparisonOperator.EQUAL || operator == ComparisonOperator.NOT_EQUAL) {
                    byte whenEqual = table[1];
                    return (left, right, positionCount) -> equalSlices(whenEqual, left, right, positionCount);
                }
                return (left, right, positionCount) -> compareSlices(table, left, right, positionCount);
        }
        throw new IllegalArgumentException("unknown layout " + layout);
    }

    /** {@code IS DISTINCT FROM}: never null; two nulls are not distinct, a null and a value are. */
    static BinaryKernel distinctFrom(ValueLayout layout)
    {
        BinaryKernel notEqual = layout == ValueLayout.DOUBLE ? ComparisonKernels::doublesDistinct : kernel(ComparisonOperator.NOT_EQUAL, layout);
        return (left, right, positionCount) -> {
            ByteArrayBlock compared = (ByteArrayBlock) notEqual.apply(left, right, positionCount);
            boolean[] leftNulls = rawNulls(left);
            boolean[] rightNulls = rawNulls(right);
            if (leftNulls == null && rightNulls == null) {
                return new ByteArrayBlock(positionCount, null, compared.rawValues());
            }
            byte[] values = compared.rawValues().clone();
            for (int i = 0; i < positionCount; i++) {
                boolean leftNull = leftNulls != null && leftNulls[i];
                boolean rightNull = rightNulls != null && rightNulls[i];
                if (leftNull || rightNull) {
                    values[i] = (byte) (leftNull != rightNull ? 1 : 0);
                }
            }
            return new ByteArrayBlock(positionCount, null, values);
        };
    }

    private static Block compareBytes(byte[] table, Block left, Block right, int positionCount)
    {
        byte[] a = ((ByteArrayBlock) left).rawValues();
        byte[] b = ((ByteArrayBlock) right).rawValues();
        byte[] out = new byte[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = table[Integer.signum(a[i] - b[i]) + 1];
        }
        return new ByteArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    private static Block compareInts(byte[] table, Block left, Block right, int positionCount)
    {
        int[] a = ((IntArrayBlock) left).rawValues();
        int[] b = ((IntArrayBlock) right).rawValues();
        byte[] out = new byte[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = table[Integer.signum(Integer.compare(a[i], b[i])) + 1];
        }
        return new ByteArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    private static Block compareLongs(byte[] table, Block left, Block right, int positionCount)
    {
        long[] a = ((LongArrayBlock) left).rawValues();
        long[] b = ((LongArrayBlock) right).rawValues();
        byte[] out = new byte[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = table[Integer.signum(Long.compare(a[i], b[i])) + 1];
        }
        return new ByteArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    private static Block compareDoubles(byte[] table, Block left, Block right, int positionCount)
    {
        double[] a = ((DoubleArrayBlock) left).rawValues();
        double[] b = ((DoubleArrayBlock) right).rawValues();
        byte[] out = new byte[positionCount];
        for (int i = 0; i < positionCount; i++) {
            double x = a[i];
            double y = b[i];
            int outcome = x < y ? 0 : (x > y ? 2 : (x == y ? 1 : 3));
            out[i] = table[outcome];
        }
        return new ByteArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    private static Block doublesDistinct(Block left, Block right, int positionCount)
    {
        double[] a = ((DoubleArrayBlock) left).rawValues();
        double[] b = ((DoubleArrayBlock) right).rawValues();
        byte[] out = new byte[positionCount];
        for (int i = 0; i < positionCount; i++) {
            double x = a[i];
            double y = b[i];
            boolean same = x == y || (Double.isNaN(x) && Double.isNaN(y));
            out[i] = (byte) (same ? 0 : 1);
        }
        return new ByteArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    private static Block compareInt128s(byte[] table, Block left, Block right, int positionCount)
    {
        long[] a = ((Int128ArrayBlock) left).rawValues();
        long[] b = ((Int128ArrayBlock) right).rawValues();
        byte[] out = new byte[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = table[Integer.signum(Int128Math.compare(a[2 * i], a[2 * i + 1], b[2 * i], b[2 * i + 1])) + 1];
        }
        return new ByteArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    private static Block compareSlices(byte[] table, Block left, Block right, int positionCount)
    {
        VariableWidthBlock leftBlock = (VariableWidthBlock) left;
        VariableWidthBlock rightBlock = (VariableWidthBlock) right;
        Slice leftSlice = leftBlock.rawSlice();
        Slice rightSlice = rightBlock.rawSlice();
        byte[] a = leftSlice.byteArray();
        byte[] b = rightSlice.byteArray();
        int aBase = leftSlice.byteArrayOffset();
        int bBase = rightSlice.byteArrayOffset();
        int[] aOffsets = leftBlock.rawOffsets();
        int[] bOffsets = rightBlock.rawOffsets();
        byte[] out = new byte[positionCount];
        for (int i = 0; i < positionCount; i++) {
            int comparison = Arrays.compareUnsigned(a, aBase + aOffsets[i], aBase + aOffsets[i + 1], b, bBase + bOffsets[i], bBase + bOffsets[i + 1]);
            out[i] = table[Integer.signum(comparison) + 1];
        }
        return new ByteArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    private static Block equalSlices(byte whenEqual, Block left, Block right, int positionCount)
    {
        VariableWidthBlock leftBlock = (VariableWidthBlock) left;
        VariableWidthBlock rightBlock = (VariableWidthBlock) right;
        Slice leftSlice = leftBlock.rawSlice();
        Slice rightSlice = rightBlock.rawSlice();
        byte[] a = leftSlice.byteArray();
        byte[] b = rightSlice.byteArray();
        int aBase = leftSlice.byteArrayOffset();
        int bBase = rightSlice.byteArrayOffset();
        int[] aOffsets = leftBlock.rawOffsets();
        int[] bOffsets = rightBlock.rawOffsets();
        byte whenDifferent = (byte) (1 - whenEqual);
        byte[] out = new byte[positionCount];
        for (int i = 0; i < positionCount; i++) {
            boolean equal = Arrays.equals(a, aBase + aOffsets[i], aBase + aOffsets[i + 1], b, bBase + bOffsets[i], bBase + bOffsets[i + 1]);
            out[i] = equal ? whenEqual : whenDifferent;
        }
        return new ByteArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }
}

package io.strata.core.execution.expression;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;

import static io.strata.core.execution.expression.Blocks.isNull;
import static io.strata.core.execution.expression.Blocks.orNulls;

/**
 * Arithmetic on integer, bigint and double blocks: one loop per operator and layout. Integer arithmetic
 * raises {@code NUMERIC_VALUE_OUT_OF_RANGE} on overflow and {@code DIVISION_BY_ZERO}, as Presto does; division
 * truncates toward zero. Double arithmetic follows IEEE 754 (no errors). A failure at a null position is
 * ignored: its value is a placeholder.
 */
final class ArithmeticKernels
{
    private ArithmeticKernels() {}

    static BinaryKernel bigint(ArithmeticOperator operator)
    {
        switch (operator) {
            case ADD:
                return ArithmeticKernels::bigintAdd;
            case SUBTRACT:
                return ArithmeticKernels::bigintSubtract;
            case MULTIPLY:
                return ArithmeticKernels::bigintMultiply;
            case DIVIDE:
                return ArithmeticKernels::bigintDivide;
            case MODULUS:
                return ArithmeticKernels::bigintModulus;
        }
        throw new IllegalArgumentException("unknown operator " + operator);
    }

    static BinaryKernel integer(ArithmeticOperator operator)
    {
        switch (operator) {
            case ADD:
                return ArithmeticKernels::integerAdd;
            case SUBTRACT:
                return ArithmeticKernels::integerSubtract;
            case MULTIPLY:
                return ArithmeticKernels::integerMultiply;
            case DIVIDE:
                return ArithmeticKernels::integerDivide;
            case MODULUS:
                return ArithmeticKernels::integerModulus;
        }
        throw new IllegalArgumentException("unknown operator " + operator);
    }

    static BinaryKernel doubles(ArithmeticOperator operator)
    {
        switch (operator) {
            case ADD:
                return ArithmeticKernels::doubleAdd;
            case SUBTRACT:
                return ArithmeticKernels::doubleSubtract;
            case MULTIPLY:
                return ArithmeticKernels::doubleMultiply;
            case DIVIDE:
                return ArithmeticKernels::doubleDivide;
            case MODULUS:
                return ArithmeticKernels::doubleModulus;
        }
        throw new IllegalArgumentException("unknown operator " + operator);
    }

    static StrataException overflow(String type, ArithmeticOperator operator, Object left, Object right)
    {
        return new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, type + " " + operator.description() + " overflow: " + left + " " + operator.symbol() + " " + right);
    }

    static StrataException divisionByZero()
    {
        return new StrataException(ErrorCode.DIVISION_BY_ZERO, "Division by zero");
    }

    private static Block bigintAdd(Block left, Block right, int positionCount)
    {
        long[] a = ((LongArrayBlock) left).rawValues();
        long[] b = ((LongArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            long x = a[i];
            long y = b[i];
            long result = x + y;
            if (((x ^ result) & (y ^ result)) < 0) {
                if (!isNull(nulls, i)) {
                    throw overflow("bigint", ArithmeticOperator.ADD, x, y);
                }
                result = 0;
            }
            out[i] = result;
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    private static Block bigintSubtract(Block left, Block right, int positionCount)
    {
        long[] a = ((LongArrayBlock) left).rawValues();
        long[] b = ((LongArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            long x = a[i];
            long y = b[i];
            long result = x - y;
            if (((x ^ y) & (x ^ result)) < 0) {
                if (!isNull(nulls, i)) {
                    throw overflow("bigint", ArithmeticOperator.SUBTRACT, x, y);
                }
                result = 0;
            }
            out[i] = result;
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    private static Block bigintMultiply(Block left, Block right, int positionCount)
    {
        long[] a = ((LongArrayBlock) left).rawValues();
        long[] b = ((LongArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            long x = a[i];
            long y = b[i];
            long result = x * y;
            long high = Math.multiplyHigh(x, y);
            if (high != (result >> 63)) {
                if (!isNull(nulls, i)) {
                    throw overflow("bigint", ArithmeticOperator.MULTIPLY, x, y);
                }
                result = 0;
            }
            out[i] = result;
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    private static Block bigintDivide(Block left, Block right, int positionCount)
    {
        long[] a = ((LongArrayBlock) left).rawValues();
        long[] b = ((LongArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            long x = a[i];
            long y = b[i];
            if (y == 0 || (y == -1 && x == Long.MIN_VALUE)) {
                if (!isNull(nulls, i)) {
                    throw y == 0 ? divisionByZero() : overflow("bigint", ArithmeticOperator.DIVIDE, x, y);
                }
                continue;
            }
            out[i] = x / y;
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    private static Block bigintModulus(Block left, Block right, int positionCount)
    {
        long[] a = ((LongArrayBlock) left).rawValues();
        long[] b = ((LongArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            long y = b[i];
            if (y == 0) {
                if (!isNull(nulls, i)) {
                    throw divisionByZero();
                }
                continue;
            }
            out[i] = a[i] % y;
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    private static Block integerAdd(Block left, Block right, int positionCount)
    {
        int[] a = ((IntArrayBlock) left).rawValues();
        int[] b = ((IntArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            long result = (long) a[i] + b[i];
            if (result != (int) result) {
                if (!isNull(nulls, i)) {
                    throw overflow("integer", ArithmeticOperator.ADD, a[i], b[i]);
                }
                result = 0;
            }
            out[i] = (int) result;
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    private static Block integerSubtract(Block left, Block right, int positionCount)
    {
        int[] a = ((IntArrayBlock) left).rawValues();
        int[] b = ((IntArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            long result = (long) a[i] - b[i];
            if (result != (int) result) {
                if (!isNull(nulls, i)) {
                    throw overflow("integer", ArithmeticOperator.SUBTRACT, a[i], b[i]);
                }
                result = 0;
            }
            out[i] = (int) result;
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    private static Block integerMultiply(Block left, Block right, int positionCount)
    {
        int[] a = ((IntArrayBlock) left).rawValues();
        int[] b = ((IntArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            long result = (long) a[i] * b[i];
            if (result != (int) result) {
                if (!isNull(nulls, i)) {
                    throw overflow("integer", ArithmeticOperator.MULTIPLY, a[i], b[i]);
                }
                result = 0;
            }
            out[i] = (int) result;
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    private static Block integerDivide(Block left, Block right, int positionCount)
    {
        int[] a = ((IntArrayBlock) left).rawValues();
        int[] b = ((IntArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            int x = a[i];
            int y = b[i];
            if (y == 0 || (y == -1 && x == Integer.MIN_VALUE)) {
                if (!isNull(nulls, i)) {
                    throw y == 0 ? divisionByZero() : overflow("integer", ArithmeticOperator.DIVIDE, x, y);
                }
                continue;
            }
            out[i] = x / y;
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    private static Block integerModulus(Block left, Block right, int positionCount)
    {
        int[] a = ((IntArrayBlock) left).rawValues();
        int[] b = ((IntArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            int y = b[i];
            if (y == 0) {
                if (!isNull(nulls, i)) {
                    throw divisionByZero();
                }
                continue;
            }
            out[i] = a[i] % y;
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    private static Block doubleAdd(Block left, Block right, int positionCount)
    {
        double[] a = ((DoubleArrayBlock) left).rawValues();
        double[] b = ((DoubleArrayBlock) right).rawValues();
        double[] out = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = a[i] + b[i];
        }
        return new DoubleArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    private static Block doubleSubtract(Block left, Block right, int positionCount)
    {
        double[] a = ((DoubleArrayBlock) left).rawValues();
        double[] b = ((DoubleArrayBlock) right).rawValues();
        double[] out = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = a[i] - b[i];
        }
        return new DoubleArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    private static Block doubleMultiply(Block left, Block right, int positionCount)
    {
        double[] a = ((DoubleArrayBlock) left).rawValues();
        double[] b = ((DoubleArrayBlock) right).rawValues();
        double[] out = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = a[i] * b[i];
        }
        return new DoubleArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    private static Block doubleDivide(Block left, Block right, int positionCount)
    {
        double[] a = ((DoubleArrayBlock) left).rawValues();
        double[] b = ((DoubleArrayBlock) right).rawValues();
        double[] out = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = a[i] / b[i];
        }
        return new DoubleArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    private static Block doubleModulus(Block left, Block right, int positionCount)
    {
        double[] a = ((DoubleArrayBlock) left).rawValues();
        double[] b = ((DoubleArrayBlock) right).rawValues();
        double[] out = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = a[i] % b[i];
        }
        return new DoubleArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    static Block bigintNegate(Block input, int positionCount)
    {
        long[] a = ((LongArrayBlock) input).rawValues();
        boolean[] nulls = Blocks.rawNulls(input);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (a[i] == Long.MIN_VALUE && !isNull(nulls, i)) {
                throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint negation overflow: " + a[i]);
            }
            out[i] = -a[i];
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    static Block integerNegate(Block input, int positionCount)
    {
        int[] a = ((IntArrayBlock) input).rawValues();
        boolean[] nulls = Blocks.rawNulls(input);
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (a[i] == Integer.MIN_VALUE && !isNull(nulls, i)) {
                throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "integer negation overflow: " + a[i]);
            }
            out[i] = -a[i];
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    static Block doubleNegate(Block input, int positionCount)
    {
        double[] a = ((DoubleArrayBlock) input).rawValues();
        double[] out = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = -a[i];
        }
        return new DoubleArrayBlock(positionCount, Blocks.rawNulls(input), out);
    }

    /** An interval year to month (int months) times a bigint, in either order, into int months. */
    static Block monthsTimesBigint(Block left, Block right, int positionCount)
    {
        boolean intervalFirst = left instanceof IntArrayBlock;
        int[] months = ((IntArrayBlock) (intervalFirst ? left : right)).rawValues();
        long[] factors = ((LongArrayBlock) (intervalFirst ? right : left)).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            long high = Math.multiplyHigh(months[i], factors[i]);
            long result = (long) months[i] * factors[i];
            if ((high != (result >> 63) || result != (int) result) && !isNull(nulls, i)) {
                throw overflow("interval year to month", ArithmeticOperator.MULTIPLY, months[i], factors[i]);
            }
            out[i] = (int) result;
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }
}

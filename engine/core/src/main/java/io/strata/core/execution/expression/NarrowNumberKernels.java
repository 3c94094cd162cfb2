package io.strata.core.execution.expression;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.type.RealType;
import io.strata.spi.type.SmallintType;
import io.strata.spi.type.TinyintType;
import io.strata.spi.type.Type;

import static io.strata.core.execution.expression.Blocks.isNull;

/**
 * Arithmetic of {@code tinyint}, {@code smallint} and {@code real}. The narrow integers share the {@code int}
 * layout with {@code integer}: their arithmetic is the integer kernel (which cannot overflow an int for
 * operands this small) followed by a check of the narrower range, failing as Presto does
 * ("tinyint addition overflow: 127 + 1"). {@code real} values are doubles equal to a float: double arithmetic
 * followed by rounding to float gives the float result exactly (a double has more than twice a float's bits).
 */
final class NarrowNumberKernels
{
    private NarrowNumberKernels() {}

    static boolean isNarrowInteger(Type type)
    {
        return type instanceof TinyintType || type instanceof SmallintType;
    }

    static int minValue(Type type)
    {
        return type instanceof TinyintType ? Byte.MIN_VALUE : Short.MIN_VALUE;
    }

    static int maxValue(Type type)
    {
        return type instanceof TinyintType ? Byte.MAX_VALUE : Short.MAX_VALUE;
    }

    static BinaryKernel arithmetic(ArithmeticOperator operator, Type type)
    {
        if (type instanceof RealType) {
            BinaryKernel doubles = ArithmeticKernels.doubles(operator);
            return (left, right, positionCount) -> roundToFloat(doubles.apply(left, right, positionCount), positionCount);
        }
        BinaryKernel integers = ArithmeticKernels.integer(operator);
        int min = minValue(type);
        int max = maxValue(type);
        String name = type.displayName();
        return (left, right, positionCount) -> {
            IntArrayBlock result = (IntArrayBlock) integers.apply(left, right, positionCount);
            int[] values = result.rawValues();
            boolean[] nulls = result.rawNulls();
            for (int i = 0; i < positionCount; i++) {
                if ((values[i] < min || values[i] > max) && !isNull(nulls, i)) {
                    throw ArithmeticKernels.overflow(name, operator, ((IntArrayBlock) left).rawValues()[i], ((IntArrayBlock) right).rawValues()[i]);
                }
            }
            return result;
        };
    }

    static UnaryKernel negate(Type type)
    {
        if (type instanceof RealType) {
            return ArithmeticKernels::doubleNegate;
        }
        return checked(ArithmeticKernels::integerNegate, type, value -> type.displayName() + " negation overflow: " + value);
    }

    static UnaryKernel abs(Type type)
    {
        if (type instanceof RealType) {
            return MathKernels::absDouble;
        }
        return checked(MathKernels::absInteger, type, value -> "Value " + value + " is out of range for abs(" + type.displayName() + ")");
    }

    private static UnaryKernel checked(UnaryKernel kernel, Type type, java.util.function.IntFunction<String> message)
    {
        int min = minValue(type);
        int max = maxValue(type);
        return (input, positionCount) -> {
            IntArrayBlock result = (IntArrayBlock) kernel.apply(input, positionCount);
            int[] values = result.rawValues();
            boolean[] nulls = result.rawNulls();
            for (int i = 0; i < positionCount; i++) {
                if ((values[i] < min || values[i] > max) && !isNull(nulls, i)) {
                    throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, message.apply(((IntArrayBlock) input).rawValues()[i]));
                }
            }
            return result;
        };
    }

    private static Block roundToFloat(Block block, int positionCount)
    {
        // the kernel's output array is its own: rounding in place allocates nothing more
        double[] values = ((DoubleArrayBlock) block).rawValues();
        for (int i = 0; i < positionCount; i++) {
            values[i] = (float) values[i];
        }
        return block;
    }
}

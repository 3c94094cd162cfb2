package io.strata.core.execution.expression;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.type.DecimalType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

import static io.strata.core.execution.expression.Blocks.isNull;
import static io.strata.core.execution.expression.Blocks.orNulls;
import static io.strata.core.execution.expression.Blocks.rawNulls;
import static java.util.Objects.requireNonNull;

/**
 * Presto's mathematical functions. Double functions follow {@link Math} (so {@code ln(0)} is
 * {@code -Infinity} and {@code sqrt(-1)} is {@code NaN}, as in Presto); integer functions raise
 * {@code NUMERIC_VALUE_OUT_OF_RANGE} rather than wrap.
 */
final class MathFunctionKernels
{
    private MathFunctionKernels() {}

    /** One double function over a block: the operator is fixed per call site, so the JIT can inline it. */
    static Block mapDoubles(Block input, int positionCount, DoubleUnaryOperator function)
    {
        double[] values = ((DoubleArrayBlock) input).rawValues();
        double[] out = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = function.applyAsDouble(values[i]);
        }
        return new DoubleArrayBlock(positionCount, rawNulls(input), out);
    }

    /** A function of two doubles over two blocks. */
    interface DoubleBinaryFunction
    {
        double apply(double left, double right);
    }

    static Block mapDoubles(Block left, Block right, int positionCount, DoubleBinaryFunction function)
    {
        double[] leftValues = ((DoubleArrayBlock) left).rawValues();
        double[] rightValues = ((DoubleArrayBlock) right).rawValues();
        double[] out = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = function.apply(leftValues[i], rightValues[i]);
        }
        return new DoubleArrayBlock(positionCount, orNulls(left, right, positionCount), out);
    }

    static Block testDoubles(Block input, int positionCount, DoublePredicate predicate)
    {
        double[] values = ((DoubleArrayBlock) input).rawValues();
        byte[] out = new byte[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = (byte) (predicate.test(values[i]) ? 1 : 0);
        }
        return new ByteArrayBlock(positionCount, rawNulls(input), out);
    }

    /** {@code truncate(double)}: toward zero; NaN and infinities stay. */
    static double truncate(double value)
    {
        return value < 0 ? Math.ceil(value) : Math.floor(value);
    }

    static double log2(double value)
    {
        return Math.log(value) / Math.log(2);
    }

    static Block signInteger(Block input, int positionCount)
    {
        int[] values = ((IntArrayBlock) input).rawValues();
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = Integer.signum(values[i]);
        }
        return new IntArrayBlock(positionCount, rawNulls(input), out);
    }

    static Block signBigint(Block input, int positionCount)
    {
        long[] values = ((LongArrayBlock) input).rawValues();
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = Long.signum(values[i]);
        }
        return new LongArrayBlock(positionCount, rawNulls(input), out);
    }

    /** {@code sign(decimal(p,s))} is a {@code decimal(1,0)}: a short decimal. */
    static Block signDecimal(Block input, int positionCount)
    {
        long[] out = new long[positionCount];
        if (input instanceof LongArrayBlock) {
            long[] values = ((LongArrayBlock) input).rawValues();
            for (int i = 0; i < positionCount; i++) {
                out[i] = Long.signum(values[i]);
            }
        }
        else {
            long[] values = ((Int128ArrayBlock) input).rawValues();
            for (int i = 0; i < positionCount; i++) {
                long high = values[2 * i];
                long low = values[2 * i + 1];
                out[i] = high < 0 ? -1 : (high == 0 && low == 0 ? 0 : 1);
            }
        }
        return new LongArrayBlock(positionCount, rawNulls(input), out);
    }

    /** How {@code ceil}, {@code floor} and {@code truncate} drop a decimal's fraction. */
    enum DecimalRounding
    {
        CEILING(RoundingMode.CEILING),
        FLOOR(RoundingMode.FLOOR),
        TRUNCATE(RoundingMode.DOWN);

        private final RoundingMode mode;

        DecimalRounding(RoundingMode mode)
        {
            this.mode = mode;
        }
    }

    /**
     * {@code ceil}, {@code floor} or {@code truncate} of a {@code decimal(p,s)} into {@code decimal(rp,0)}:
     * short decimals in primitive arithmetic, long ones through {@link BigDecimal}.
     */
    static final class DecimalToIntegral
            implements UnaryKernel
    {
        private final DecimalType input;
        private final DecimalType result;
        private final DecimalRounding rounding;

        DecimalToIntegral(DecimalType input, DecimalType result, DecimalRounding rounding)
        {
            this.input = requireNonNull(input, "input is null");
            this.result = requireNonNull(result, "result is null");
            this.rounding = requireNonNull(rounding, "rounding is null");
        }

        @Override
        public Block apply(Block block, int positionCount)
        {
            boolean[] nulls = rawNulls(block);
            if (block instanceof LongArrayBlock && result.isShort()) {
                long[] values = ((LongArrayBlock) block).rawValues();
                long factor = DecimalMath.powerOfTen(input.scale());
                long[] out = new long[positionCount];
                for (int i = 0; i < positionCount; i++) {
                    long value = values[i];
                    long quotient = value / factor;
                    long remainder = value % factor;
                    if (remainder != 0) {
                        if (rounding == DecimalRounding.FLOOR && value < 0) {
                            quotient--;
                        }
                        else if (rounding == DecimalRounding.CEILING && value > 0) {
                            quotient++;
                        }
                    }
                    out[i] = quotient;
                }
                return new LongArrayBlock(positionCount, nulls, out);
            }
            long[] values = DecimalKernels.toInt128(block, positionCount);
            long[] out = new long[positionCount * 2];
            for (int i = 0; i < positionCount; i++) {
                if (isNull(nulls, i)) {
                    continue;
                }
                BigDecimal value = new BigDecimal(Int128Math.toBigInteger(values[2 * i], values[2 * i + 1]), input.scale());
                BigInteger integral = value.setScale(0, rounding.mode).unscaledValue();
                Int128Math.fromBigInteger(integral, out, i);
            }
            if (result.isShort()) {
                long[] shortOut = new long[positionCount];
                for (int i = 0; i < positionCount; i++) {
                    shortOut[i] = out[2 * i + 1];
                }
                return new LongArrayBlock(positionCount, nulls, shortOut);
            }
            return new Int128ArrayBlock(positionCount, nulls, out);
        }
    }

    /** Presto's {@code greatest} and {@code least} refuse NaN rather than pick an order for it. */
    static void checkNotNaN(Block[] operands, int positionCount, String function)
    {
        for (Block operand : operands) {
            double[] values = ((DoubleArrayBlock) operand).rawValues();
            boolean[] nulls = rawNulls(operand);
            for (int i = 0; i < positionCount; i++) {
                if (Double.isNaN(values[i]) && !isNull(nulls, i)) {
                    throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid argument to " + function + "(): NaN");
                }
            }
        }
    }

    static Block randomDouble(int positionCount)
    {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double[] out = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = random.nextDouble();
        }
        return new DoubleArrayBlock(positionCount, null, out);
    }

    /** {@code random(n)}: uniform in {@code [0, n)}; n must be positive. */
    static Block randomBigint(Block bounds, int positionCount)
    {
        long[] values = ((LongArrayBlock) bounds).rawValues();
        boolean[] nulls = rawNulls(bounds);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            if (values[i] <= 0) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "bound must be positive");
            }
            out[i] = random.nextLong(values[i]);
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    /**
     * {@code width_bucket(x, bound1, bound2, n)}: buckets 1 to n of equal width between the bounds, 0 below and
     * n + 1 at or above them; when bound1 is the larger bound, the numbers count from the other end.
     */
    static Block widthBucket(Block[] operands, int positionCount)
    {
        double[] operandValues = ((DoubleArrayBlock) operands[0]).rawValues();
        double[] firstBounds = ((DoubleArrayBlock) operands[1]).rawValues();
        double[] secondBounds = ((DoubleArrayBlock) operands[2]).rawValues();
        long[] bucketCounts = ((LongArrayBlock) operands[3]).rawValues();
        boolean[] nulls = StringFunctionKernels.nulls(operands, positionCount);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            double operand = operandValues[i];
            double bound1 = firstBounds[i];
            double bound2 = secondBounds[i];
            long bucketCount = bucketCounts[i];
            if (bucketCount <= 0) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "bucketCount must be greater than 0");
            }
            if (Double.isNaN(operand)) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "operand must not be NaN");
            }
            if (!Double.isFinite(bound1) || !Double.isFinite(bound2)) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "bounds must be finite");
            }
            if (bound1 == bound2) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "bounds cannot equal each other");
            }
            double lower = Math.min(bound1, bound2);
            double upper = Math.max(bound1, bound2);
            long bucket;
            if (operand < lower) {
                bucket = 0;
            }
            else if (operand >= upper) {
                if (bucketCount == Long.MAX_VALUE) {
                    throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Bucket for value " + operand + " is out of range");
                }
                bucket = bucketCount + 1;
            }
            else {
                bucket = (long) ((double) bucketCount * (operand - lower) / (upper - lower) + 1);
            }
            if (bound1 > bound2) {
                // descending bounds number the same buckets from the other end
                bucket = bucketCount - bucket + 1;
            }
            out[i] = bucket;
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }
}

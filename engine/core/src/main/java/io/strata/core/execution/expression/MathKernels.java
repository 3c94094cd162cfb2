package io.strata.core.execution.expression;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.type.DecimalType;

import static io.strata.core.execution.expression.Blocks.isNull;
import static io.strata.core.execution.expression.Blocks.orNulls;
import static io.strata.core.execution.expression.Blocks.rawNulls;
import static java.util.Objects.requireNonNull;

/**
 * {@code abs} and {@code round}. Rounding is half away from zero, for doubles as Presto's
 * {@code round(double, n)} computes it and for decimals exactly.
 */
final class MathKernels
{
    private MathKernels() {}

    static Block absBigint(Block input, int positionCount)
    {
        long[] values = ((LongArrayBlock) input).rawValues();
        boolean[] nulls = rawNulls(input);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (values[i] == Long.MIN_VALUE && !isNull(nulls, i)) {
                throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Value -9223372036854775808 is out of range for abs(bigint)");
            }
            out[i] = Math.abs(values[i]);
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    static Block absInteger(Block input, int positionCount)
    {
        int[] values = ((IntArrayBlock) input).rawValues();
        boolean[] nulls = rawNulls(input);
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (values[i] == Integer.MIN_VALUE && !isNull(nulls, i)) {
                throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Value -2147483648 is out of range for abs(integer)");
            }
            out[i] = Math.abs(values[i]);
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    static Block absDouble(Block input, int positionCount)
    {
        double[] values = ((DoubleArrayBlock) input).rawValues();
        double[] out = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = Math.abs(values[i]);
        }
        return new DoubleArrayBlock(positionCount, rawNulls(input), out);
    }

    static Block absDecimal(Block input, int positionCount)
    {
        if (input instanceof LongArrayBlock) {
            long[] values = ((LongArrayBlock) input).rawValues();
            long[] out = new long[positionCount];
            for (int i = 0; i < positionCount; i++) {
                out[i] = Math.abs(values[i]);
            }
            return new LongArrayBlock(positionCount, rawNulls(input), out);
        }
        long[] values = ((Int128ArrayBlock) input).rawValues();
        long[] out = new long[positionCount * 2];
        for (int i = 0; i < positionCount; i++) {
            long high = values[2 * i];
            long low = values[2 * i + 1];
            if (high < 0) {
                out[2 * i] = low == 0 ? -high : ~high;
                out[2 * i + 1] = -low;
            }
            else {
                out[2 * i] = high;
                out[2 * i + 1] = low;
            }
        }
        return new Int128ArrayBlock(positionCount, rawNulls(input), out);
    }

    /** {@code round(x, digits)} for doubles (digits from a bigint or integer block, or none). */
    static Block roundDouble(Block input, Block digits, int positionCount)
    {
        double[] values = ((DoubleArrayBlock) input).rawValues();
        double[] out = new double[positionCount];
        for (int i = 0; i < positionCount; i++) {
            double value = values[i];
            long places = digits == null ? 0 : digitsAt(digits, i);
            out[i] = roundDouble(value, places);
        }
        return new DoubleArrayBlock(positionCount, digits == null ? rawNulls(input) : orNulls(input, digits, positionCount), out);
    }

    static double roundDouble(double value, long places)
    {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 0x1p52) {
            return value;
        }
        if (places == 0) {
            return value < 0 ? -Math.round(-value) : (double) Math.round(value);
        }
        double factor = Math.pow(10, (double) places);
        if (value < 0) {
            return -(Math.round(-value * factor) / factor);
        }
        return Math.round(value * factor) / factor;
    }

    private static long digitsAt(Block digits, int position)
    {
        if (digits instanceof LongArrayBlock) {
            return ((LongArrayBlock) digits).rawValues()[position];
        }
        return ((IntArrayBlock) digits).rawValues()[position];
    }

    /** {@code round(x, digits)} for integers: digits below zero round to tens, hundreds, ... */
    static Block roundBigint(Block input, Block digits, int positionCount)
    {
        long[] values = ((LongArrayBlock) input).rawValues();
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            long places = digits == null ? 0 : digitsAt(digits, i);
            out[i] = roundIntegral(values[i], places);
        }
        return new LongArrayBlock(positionCount, digits == null ? rawNulls(input) : orNulls(input, digits, positionCount), out);
    }

    static Block roundInteger(Block input, Block digits, int positionCount)
    {
        int[] values = ((IntArrayBlock) input).rawValues();
        int[] out = new int[positionCount];
        boolean[] nulls = digits == null ? rawNulls(input) : orNulls(input, digits, positionCount);
        for (int i = 0; i < positionCount; i++) {
            long places = digits == null ? 0 : digitsAt(digits, i);
            long rounded = roundIntegral(values[i], places);
            if (rounded != (int) rounded && !isNull(nulls, i)) {
                throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "integer overflow in round: " + values[i]);
            }
            out[i] = (int) rounded;
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    private static long roundIntegral(long value, long places)
    {
        if (places >= 0) {
            return value;
        }
        if (places < -18) {
            return 0;
        }
        long factor = DecimalMath.powerOfTen((int) -places);
        return DecimalMath.divideRoundHalfUp(value, factor) * factor;
    }

    /**
     * {@code round(decimal(p, s)[, digits])} into the result type chosen by the analyzer: the value rounded to
     * {@code digits} decimals, then expressed at the result's scale.
     */
    static final class DecimalRound
            implements FoldingEvaluator.Combiner
    {
        private final DecimalType input;
        private final DecimalType result;

        DecimalRound(DecimalType input, DecimalType result)
        {
            this.input = requireNonNull(input, "input is null");
            this.result = requireNonNull(result, "result is null");
        }

        @Override
        public Block combine(Block[] operands, int positionCount)
        {
            long[] values = DecimalKernels.toInt128(operands[0], positionCount);
            boolean[] nulls = operands.length > 1 ? orNulls(operands[0], operands[1], positionCount) : rawNulls(operands[0]);
            long[] out = new long[positionCount * 2];
            for (int i = 0; i < positionCount; i++) {
                long places = operands.length > 1 ? digitsAt(operands[1], i) : 0;
                long drop = input.scale() - places;
                if (drop > 0) {
                    int exponent = (int) Math.min(drop, 39);
                    Int128Math.rescaleDownRoundHalfUp(values[2 * i], values[2 * i + 1], exponent, out, i);
                    // back to the input's scale: the dropped digits are zeros now
                    if (Int128Math.rescaleUp(out[2 * i], out[2 * i + 1], Math.min(exponent, 38), out, i) && !isNull(nulls, i)) {
                        throw DecimalMath.overflow(result);
                    }
                }
                else {
                    out[2 * i] = values[2 * i];
                    out[2 * i + 1] = values[2 * i + 1];
                }
                int scaleDifference = result.scale() - input.scale();
                boolean overflow;
                if (scaleDifference >= 0) {
                    overflow = Int128Math.rescaleUp(out[2 * i], out[2 * i + 1], scaleDifference, out, i);
                }
                else {
                    Int128Math.rescaleDownRoundHalfUp(out[2 * i], out[2 * i + 1], -scaleDifference, out, i);
                    overflow = false;
                }
                if ((overflow || Int128Math.exceedsPrecision(out[2 * i], out[2 * i + 1], result.precision())) && !isNull(nulls, i)) {
                    throw DecimalMath.overflow(result);
                }
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
}

package io.strata.core.execution.expression;

import io.strata.spi.block.Block;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.type.DecimalType;

import java.math.BigInteger;

import static io.strata.core.execution.expression.ArithmeticKernels.divisionByZero;
import static io.strata.core.execution.expression.Blocks.isNull;
import static io.strata.core.execution.expression.Blocks.orNulls;
import static io.strata.core.execution.expression.DecimalMath.overflow;
import static java.util.Objects.requireNonNull;

/**
 * Decimal arithmetic with Presto's semantics: operands are rescaled to the result's scale, division rounds
 * half away from zero, and a result beyond the result type's precision raises {@code NUMERIC_VALUE_OUT_OF_RANGE}.
 * Short results are computed in {@code long}s; long results in 128-bit pairs of longs, written straight
 * into the output array. Only values wider than 64 bits in division and modulus take a BigInteger path.
 */
final class DecimalKernels
{
    private DecimalKernels() {}

    static BinaryKernel kernel(ArithmeticOperator operator, DecimalType left, DecimalType right, DecimalType result)
    {
        switch (operator) {
            case ADD:
            case SUBTRACT:
                return addOrSubtract(operator == ArithmeticOperator.SUBTRACT, left, right, result);
            case MULTIPLY:
                return multiply(left, right, result);
            case DIVIDE:
                return new DivideKernel(left, right, result);
            case MODULUS:
                return new ModulusKernel(left, right, result);
        }
        throw new IllegalArgumentException("unknown operator " + operator);
    }

    private static BinaryKernel addOrSubtract(boolean subtract, DecimalType left, DecimalType right, DecimalType result)
    {
        int leftExponent = result.scale() - left.scale();
        int rightExponent = result.scale() - right.scale();
        if (leftExponent < 0 || rightExponent < 0) {
            throw new IllegalArgumentException("result scale below an operand's: " + left + ", " + right + " -> " + result);
        }
        if (result.isShort()) {
            return new ShortAddKernel(subtract, DecimalMath.powerOfTen(leftExponent), DecimalMath.powerOfTen(rightExponent), result);
        }
        return new LongAddKernel(subtract, leftExponent, rightExponent, result);
    }

    private static BinaryKernel multiply(DecimalType left, DecimalType right, DecimalType result)
    {
        if (result.scale() != left.scale() + right.scale()) {
            throw new IllegalArgumentException("multiply result scale must be the sum of the scales: " + left + ", " + right + " -> " + result);
        }
        if (result.isShort()) {
            long limit = DecimalMath.powerOfTen(result.precision());
            return (leftBlock, rightBlock, positionCount) -> shortMultiply(leftBlock, rightBlock, positionCount, limit, result);
        }
        if (left.isShort() && right.isShort()) {
            return (leftBlock, rightBlock, positionCount) -> shortByShortToLongMultiply(leftBlock, rightBlock, positionCount, result);
        }
        return (leftBlock, rightBlock, positionCount) -> longMultiply(leftBlock, rightBlock, positionCount, result);
    }

    /** The values of a decimal block as interleaved 128-bit pairs (sign-extending short decimals). */
    static long[] toInt128(Block block, int positionCount)
    {
        if (block instanceof Int128ArrayBlock) {
            return ((Int128ArrayBlock) block).rawValues();
        }
        long[] values = ((LongArrayBlock) block).rawValues();
        long[] wide = new long[positionCount * 2];
        for (int i = 0; i < positionCount; i++) {
            wide[2 * i] = values[i] >> 63;
            wide[2 * i + 1] = values[i];
        }
        return wide;
    }

    private static Block shortMultiply(Block left, Block right, int positionCount, long limit, DecimalType result)
    {
        long[] a = ((LongArrayBlock) left).rawValues();
        long[] b = ((LongArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            long value = a[i] * b[i];
            if ((value >= limit || value <= -limit) && !isNull(nulls, i)) {
                throw overflow(result);
            }
            out[i] = value;
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    private static Block shortByShortToLongMultiply(Block left, Block right, int positionCount, DecimalType result)
    {
        long[] a = ((LongArrayBlock) left).rawValues();
        long[] b = ((LongArrayBlock) right).rawValues();
        boolean[] nulls = orNulls(left, right, positionCount);
        long[] out = new long[positionCount * 2];
        boolean check = result.precision() < 37;
        for (int i = 0; i < positionCount; i++) {
            long x = a[i];
            long y = b[i];
            out[2 * i] = Math.multiplyHigh(x, y);
            out[2 * i + 1] = x * y;
            if (check && Int128Math.exceedsPrecision(out[2 * i], out[2 * i + 1], result.precision()) && !isNull(nulls, i)) {
                throw overflow(result);
            }
        }
        return new Int128ArrayBlock(positionCount, nulls, out);
    }

    private static Block longMultiply(Block left, Block right, int positionCount, DecimalType result)
    {
        long[] a = toInt128(left, positionCount);
        long[] b = toInt128(right, positionCount);
        boolean[] nulls = orNulls(left, right, positionCount);
        long[] out = new long[positionCount * 2];
        int precision = result.precision();
        for (int i = 0; i < positionCount; i++) {
            if (Int128Math.multiply(a[2 * i], a[2 * i + 1], b[2 * i], b[2 * i + 1], out, i)
                    || Int128Math.exceedsPrecision(out[2 * i], out[2 * i + 1], precision)) {
                if (!isNull(nulls, i)) {
                    throw overflow(result);
                }
                out[2 * i] = 0;
                out[2 * i + 1] = 0;
            }
        }
        return new Int128ArrayBlock(positionCount, nulls, out);
    }

    static Block negate(Block input, int positionCount)
    {
        boolean[] nulls = Blocks.rawNulls(input);
        if (input instanceof LongArrayBlock) {
            long[] a = ((LongArrayBlock) input).rawValues();
            long[] out = new long[positionCount];
            for (int i = 0; i < positionCount; i++) {
                out[i] = -a[i];
            }
            return new LongArrayBlock(positionCount, nulls, out);
        }
        long[] a = ((Int128ArrayBlock) input).rawValues();
        long[] out = new long[positionCount * 2];
        for (int i = 0; i < positionCount; i++) {
            long high = a[2 * i];
            long low = a[2 * i + 1];
            out[2 * i] = low == 0 ? -high : ~high;
            out[2 * i + 1] = -low;
        }
        return new Int128ArrayBlock(positionCount, nulls, out);
    }

    /** Add or subtract into a short decimal: each operand times its power of ten, then a limit check. */
    private static final class ShortAddKernel
            implements BinaryKernel
    {
        private final boolean subtract;
        private final long leftMultiplier;
        private final long rightMultiplier;
        private final long limit;
        private final DecimalType result;

        ShortAddKernel(boolean subtract, long leftMultiplier, long rightMultiplier, DecimalType result)
        {
            this.subtract = subtract;
            this.leftMultiplier = leftMultiplier;
            this.rightMultiplier = rightMultiplier;
            this.limit = DecimalMath.powerOfTen(result.precision());
            this.result = requireNonNull(result, "result is null");
        }

        @Override
        public Block apply(Block left, Block right, int positionCount)
        {
            long[] a = ((LongArrayBlock) left).rawValues();
            long[] b = ((LongArrayBlock) right).rawValues();
            boolean[] nulls = orNulls(left, right, positionCount);
            long[] out = new long[positionCount];
            long sign = subtract ? -1 : 1;
            long rightFactor = rightMultiplier * sign;
            if (leftMultiplier == 1 && rightMultiplier == 1) {
                if (subtract) {
                    for (int i = 0; i < positionCount; i++) {
                        out[i] = a[i] - b[i];
                    }
                }
                else {
                    for (int i = 0; i < positionCount; i++) {
                        out[i] = a[i] + b[i];
                    }
                }
            }
            else {
                for (int i = 0; i < positionCount; i++) {
                    out[i] = a[i] * leftMultiplier + b[i] * rightFactor;
                }
            }
            for (int i = 0; i < positionCount; i++) {
                if ((out[i] >= limit || out[i] <= -limit) && !isNull(nulls, i)) {
                    throw overflow(result);
                }
            }
            return new LongArrayBlock(positionCount, nulls, out);
        }
    }

    private static final class LongAddKernel
            implements BinaryKernel
    {
        private final boolean subtract;
        private final int leftExponent;
        private final int rightExponent;
        private final DecimalType result;

        LongAddKernel(boolean subtract, int leftExponent, int rightExponent, DecimalType result)
        {
            this.subtract = subtract;
            this.leftExponent = leftExponent;
            this.rightExponent = rightExponent;
            this.result = requireNonNull(result, "result is null");
        }

        @Override
        public Block apply(Block left, Block right, int positionCount)
        {
            long[] a = rescale(toInt128(left, positionCount), leftExponent, positionCount, left);
            long[] b = rescale(toInt128(right, positionCount), rightExponent, positionCount, right);
            boolean[] nulls = orNulls(left, right, positionCount);
            long[] out = new long[positionCount * 2];
            int precision = result.precision();
            for (int i = 0; i < positionCount; i++) {
                boolean overflow = subtract
                        ? Int128Math.subtract(a[2 * i], a[2 * i + 1], b[2 * i], b[2 * i + 1], out, i)
                        : Int128Math.add(a[2 * i], a[2 * i + 1], b[2 * i], b[2 * i + 1], out, i);
                if (overflow || Int128Math.exceedsPrecision(out[2 * i], out[2 * i + 1], precision)) {
                    if (!isNull(nulls, i)) {
                        throw overflow(result);
                    }
                    out[2 * i] = 0;
                    out[2 * i + 1] = 0;
                }
            }
            return new Int128ArrayBlock(positionCount, nulls, out);
        }

        private long[] rescale(long[] values, int exponent, int positionCount, Block block)
        {
            if (exponent == 0) {
                return values;
            }
            boolean[] nulls = Blocks.rawNulls(block);
            long[] out = new long[positionCount * 2];
            for (int i = 0; i < positionCount; i++) {
                if (Int128Math.rescaleUp(values[2 * i], values[2 * i + 1], exponent, out, i)) {
                    if (!isNull(nulls, i)) {
                        throw overflow(result);
                    }
                    out[2 * i] = 0;
                    out[2 * i + 1] = 0;
                }
            }
            return out;
        }
    }

    /**
     * {@code round(a * 10^k / b)} with {@code k = rs + s2 - s1}: in longs while the rescaled dividend fits,
     * else in 128 bits, else with BigIntegers.
     */
    private static final class DivideKernel
            implements BinaryKernel
    {
        private final DecimalType result;
        private final int exponent;
        private final boolean shortInputs;

        DivideKernel(DecimalType left, DecimalType right, DecimalType result)
        {
            this.result = requireNonNull(result, "result is null");
            this.exponent = result.scale() + right.scale() - left.scale();
            if (exponent < 0) {
                throw new IllegalArgumentException("divide result scale below the dividend's: " + left + ", " + right + " -> " + result);
            }
            this.shortInputs = left.isShort() && right.isShort();
        }

        @Override
        public Block apply(Block left, Block right, int positionCount)
        {
            boolean[] nulls = orNulls(left, right, positionCount);
            long[] scratch = new long[2];
            if (result.isShort() && shortInputs) {
                long[] a = ((LongArrayBlock) left).rawValues();
                long[] b = ((LongArrayBlock) right).rawValues();
                long[] out = new long[positionCount];
                long multiplier = exponent <= 18 ? DecimalMath.powerOfTen(exponent) : 0;
                long limit = DecimalMath.powerOfTen(result.precision());
                for (int i = 0; i < positionCount; i++) {
                    if (b[i] == 0) {
                        if (!isNull(nulls, i)) {
                            throw divisionByZero();
                        }
                        continue;
                    }
                    long dividend = a[i] * multiplier;
                    long value;
                    if (multiplier != 0 && Math.multiplyHigh(a[i], multiplier) == (dividend >> 63) && dividend != Long.MIN_VALUE) {
                        value = DecimalMath.divideRoundHalfUp(dividend, b[i]);
                    }
                    else {
                        divideWide(a[i] >> 63, a[i], b[i] >> 63, b[i], scratch, nulls, i);
                        value = scratch[1];
                    }
                    if ((value >= limit || value <= -limit) && !isNull(nulls, i)) {
                        throw overflow(result);
                    }
                    out[i] = value;
                }
                return new LongArrayBlock(positionCount, nulls, out);
            }
            long[] a = toInt128(left, positionCount);
            long[] b = toInt128(right, positionCount);
            long[] out = new long[positionCount * 2];
            for (int i = 0; i < positionCount; i++) {
                if ((b[2 * i] | b[2 * i + 1]) == 0) {
                    if (!isNull(nulls, i)) {
                        throw divisionByZero();
                    }
                    continue;
                }
                divideWide(a[2 * i], a[2 * i + 1], b[2 * i], b[2 * i + 1], out, nulls, i);
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

        private void divideWide(long aHigh, long aLow, long bHigh, long bLow, long[] out, boolean[] nulls, int position)
        {
            boolean overflow;
            if (Int128Math.rescaleUp(aHigh, aLow, exponent, out, position)) {
                BigInteger dividend = Int128Math.toBigInteger(aHigh, aLow).multiply(BigInteger.TEN.pow(exponent));
                BigInteger divisor = Int128Math.toBigInteger(bHigh, bLow);
                BigInteger[] quotientAndRemainder = dividend.divideAndRemainder(divisor);
                BigInteger quotient = quotientAndRemainder[0];
                if (quotientAndRemainder[1].abs().shiftLeft(1).compareTo(divisor.abs()) >= 0) {
                    quotient = quotient.add(BigInteger.valueOf((long) quotientAndRemainder[1].signum() * divisor.signum()));
                }
                overflow = Int128Math.fromBigInteger(quotient, out, position);
            }
            else {
                overflow = Int128Math.divideRoundHalfUp(out[2 * position], out[2 * position + 1], bHigh, bLow, out, position);
            }
            if (overflow || Int128Math.exceedsPrecision(out[2 * position], out[2 * position + 1], result.precision())) {
                if (!isNull(nulls, position)) {
                    throw overflow(result);
                }
                out[2 * position] = 0;
                out[2 * position + 1] = 0;
            }
        }
    }

    /** {@code a % b} after rescaling both to the result's scale; the sign follows the dividend. */
    private static final class ModulusKernel
            implements BinaryKernel
    {
        private final DecimalType left;
        private final DecimalType right;
        private final DecimalType result;

        ModulusKernel(DecimalType left, DecimalType right, DecimalType result)
        {
            this.left = requireNonNull(left, "left is null");
            this.right = requireNonNull(right, "right is null");
            this.result = requireNonNull(result, "result is null");
        }

        @Override
        public Block apply(Block leftBlock, Block rightBlock, int positionCount)
        {
            boolean[] nulls = orNulls(leftBlock, rightBlock, positionCount);
            long[] a = toInt128(leftBlock, positionCount);
            long[] b = toInt128(rightBlock, positionCount);
            int scale = Math.max(left.scale(), right.scale());
            long[] out = new long[positionCount * 2];
            for (int i = 0; i < positionCount; i++) {
                if ((b[2 * i] | b[2 * i + 1]) == 0) {
                    if (!isNull(nulls, i)) {
                        throw divisionByZero();
                    }
                    continue;
                }
                BigInteger dividend = Int128Math.toBigInteger(a[2 * i], a[2 * i + 1]).multiply(BigInteger.TEN.pow(scale - left.scale()));
                BigInteger divisor = Int128Math.toBigInteger(b[2 * i], b[2 * i + 1]).multiply(BigInteger.TEN.pow(scale - right.scale()));
                BigInteger remainder = dividend.remainder(divisor).multiply(BigInteger.TEN.pow(result.scale() - scale));
                if (Int128Math.fromBigInteger(remainder, out, i) || Int128Math.exceedsPrecision(out[2 * i], out[2 * i + 1], result.precision())) {
                    if (!isNull(nulls, i)) {
                        throw overflow(result);
                    }
                    out[2 * i] = 0;
                    out[2 * i + 1] = 0;
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

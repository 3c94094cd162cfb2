package io.strata.core.execution.expression;

import io.strata.spi.type.Int128;

import java.math.BigInteger;

/**
 * Signed 128-bit arithmetic on (high, low) pairs of longs, for long decimals. Results go into an interleaved
 * array at a position ({@code out[2p]} high, {@code out[2p + 1]} low), so kernels write their output block
 * directly; methods return {@code true} on overflow of 128 bits. Division and rounding of values wider than
 * a long take a {@link BigInteger} slow path.
 */
public final class Int128Math
{
    private static final long[] TEN_HIGH = new long[39];
    private static final long[] TEN_LOW = new long[39];

    static {
        BigInteger power = BigInteger.ONE;
        for (int i = 0; i < TEN_HIGH.length; i++) {
            Int128 value = Int128.valueOf(power);
            TEN_HIGH[i] = value.high();
            TEN_LOW[i] = value.low();
            power = power.multiply(BigInteger.TEN);
        }
    }

    private Int128Math() {}

    public static long powerOfTenHigh(int exponent)
    {
        return TEN_HIGH[exponent];
    }

    public static long powerOfTenLow(int exponent)
    {
        return TEN_LOW[exponent];
    }

    /** {@code a + b} into {@code out} at {@code position}; true on overflow. */
    public static boolean add(long aHigh, long aLow, long bHigh, long bLow, long[] out, int position)
    {
        long low = aLow + bLow;
        long high = aHigh + bHigh + (Long.compareUnsigned(low, aLow) < 0 ? 1 : 0);
        out[2 * position] = high;
        out[2 * position + 1] = low;
        return ((aHigh ^ high) & (bHigh ^ high)) < 0;
    }

    /** {@code a - b} into {@code out} at {@code position}; true on overflow. */
    public static boolean subtract(long aHigh, long aLow, long bHigh, long bLow, long[] out, int position)
    {
        long low = aLow - bLow;
        long high = aHigh - bHigh - (Long.compareUnsigned(aLow, bLow) < 0 ? 1 : 0);
        out[2 * position] = high;
        out[2 * position + 1] = low;
        return ((aHigh ^ bHigh) & (aHigh ^ high)) < 0;
    }

    /** {@code a * b} into {@code out} at {@code position}; true on overflow. */
    public static boolean multiply(long aHigh, long aLow, long bHigh, long bLow, long[] out, int position)
    {
        boolean negative = (aHigh ^ bHigh) < 0;
        long leftHigh = aHigh;
        long leftLow = aLow;
        if (aHigh < 0) {
            leftLow = -aLow;
            leftHigh = aLow == 0 ? -aHigh : ~aHigh;
        }
        long rightHigh = bHigh;
        long rightLow = bLow;
        if (bHigh < 0) {
            rightLow = -bLow;
            rightHigh = bLow == 0 ? -bHigh : ~bHigh;
        }
        if (leftHigh < 0 || rightHigh < 0 || (leftHigh != 0 && rightHigh != 0)) {
            return true;
        }
        long low = leftLow * rightLow;
        long high = unsignedMultiplyHigh(leftLow, rightLow);
        long cross;
        if (leftHigh != 0) {
            if (unsignedMultiplyHigh(leftHigh, rightLow) != 0) {
                return true;
            }
            cross = leftHigh * rightLow;
        }
        else if (rightHigh != 0) {
            if (unsignedMultiplyHigh(rightHigh, leftLow) != 0) {
                return true;
            }
            cross = rightHigh * leftLow;
        }
        else {
            cross = 0;
        }
        long sumHigh = high + cross;
        if (Long.compareUnsigned(sumHigh, high) < 0 || sumHigh < 0) {
            return true;
        }
        if (negative && (sumHigh | low) != 0) {
            out[2 * position] = low == 0 ? -sumHigh : ~sumHigh;
            out[2 * position + 1] = -low;
        }
        else {
            out[2 * position] = sumHigh;
            out[2 * position + 1] = low;
        }
        return false;
    }

    /** The full 128-bit product of two longs (never overflows) into {@code out} at {@code position}. */
    public static void multiply(long a, long b, long[] out, int position)
    {
        out[2 * position] = Math.multiplyHigh(a, b);
        out[2 * position + 1] = a * b;
    }

    public static long unsignedMultiplyHigh(long a, long b)
    {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    public static int compare(long aHigh, long aLow, long bHigh, long bLow)
    {
        int result = Long.compare(aHigh, bHigh);
        if (result != 0) {
            return result;
        }
        return Long.compareUnsigned(aLow, bLow);
    }

    /** Whether {@code |value| >= 10^precision}: the value does not fit {@code decimal(precision, s)}. */
    public static boolean exceedsPrecision(long high, long low, int precision)
    {
        long absHigh = high;
        long absLow = low;
        if (high < 0) {
            absLow = -low;
            absHigh = low == 0 ? -high : ~high;
        }
        if (precision >= 39) {
            return absHigh < 0;
        }
        int result = Long.compareUnsigned(absHigh, TEN_HIGH[precision]);
        if (result != 0) {
            return result > 0;
        }
        return Long.compareUnsigned(absLow, TEN_LOW[precision]) >= 0;
    }

    /** {@code value * 10^exponent} into {@code out} at {@code position}; true on overflow. */
    public static boolean rescaleUp(long high, long low, int exponent, long[] out, int position)
    {
        if (exponent == 0) {
            out[2 * position] = high;
            out[2 * position + 1] = low;
            return false;
        }
        if (exponent > 38) {
            return (high | low) != 0;
        }
        return multiply(high, low, TEN_HIGH[exponent], TEN_LOW[exponent], out, position);
    }

    public static boolean fitsInLong(long high, long low)
    {
        return high == (low >> 63);
    }

    public static BigInteger toBigInteger(long high, long low)
    {
        return new Int128(high, low).toBigInteger();
    }

    /** Stores a BigInteger; true when it does not fit 128 bits. */
    public static boolean fromBigInteger(BigInteger value, long[] out, int position)
    {
        if (value.bitLength() > 127) {
            return true;
        }
        out[2 * position] = value.shiftRight(64).longValue();
        out[2 * position + 1] = value.longValue();
        return false;
    }

    /**
     * {@code round(dividend / divisor)} half away from zero, both 128-bit, into {@code out}; true on
     * overflow. The divisor is not zero.
     */
    public static boolean divideRoundHalfUp(long dividendHigh, long dividendLow, long divisorHigh, long divisorLow, long[] out, int position)
    {
        if (fitsInLong(dividendHigh, dividendLow) && fitsInLong(divisorHigh, divisorLow) && dividendLow != Long.MIN_VALUE) {
            long quotient = DecimalMath.divideRoundHalfUp(dividendLow, divisorLow);
            out[2 * position] = quotient >> 63;
            out[2 * position + 1] = quotient;
            return false;
        }
        BigInteger divisor = toBigInteger(divisorHigh, divisorLow);
        BigInteger[] quotientAndRemainder = toBigInteger(dividendHigh, dividendLow).divideAndRemainder(divisor);
        BigInteger quotient = quotientAndRemainder[0];
        if (quotientAndRemainder[1].abs().shiftLeft(1).compareTo(divisor.abs()) >= 0) {
            quotient = quotient.add(BigInteger.valueOf((long) quotientAndRemainder[1].signum() * divisor.signum()));
        }
        return fromBigInteger(quotient, out, position);
    }

    /** {@code round(value / 10^exponent)} half away from zero, into {@code out}. Never overflows. */
    public static void rescaleDownRoundHalfUp(long high, long low, int exponent, long[] out, int position)
    {
        if (exponent == 0) {
            out[2 * position] = high;
            out[2 * position + 1] = low;
            return;
        }
        if (exponent > 38) {
            out[2 * position] = 0;
            out[2 * position + 1] = 0;
            return;
        }
        if (exponent <= 18 && fitsInLong(high, low) && low != Long.MIN_VALUE) {
            long quotient = DecimalMath.rescaleDownRoundHalfUp(low, exponent);
            out[2 * position] = quotient >> 63;
            out[2 * position + 1] = quotient;
            return;
        }
        divideRoundHalfUp(high, low, TEN_HIGH[exponent], TEN_LOW[exponent], out, position);
    }
}

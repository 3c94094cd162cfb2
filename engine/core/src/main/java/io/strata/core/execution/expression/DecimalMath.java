package io.strata.core.execution.expression;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Int128;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Decimal helpers on unscaled longs, and the slow paths (text, BigDecimal) for casts and constants.
 */
public final class DecimalMath
{
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private DecimalMath() {}

    /** {@code 10^exponent} for exponent in [0, 18]. */
    public static long powerOfTen(int exponent)
    {
        return POWERS_OF_TEN[exponent];
    }

    /** {@code round(dividend / divisor)} half away from zero; the divisor is not zero. */
    public static long divideRoundHalfUp(long dividend, long divisor)
    {
        long quotient = dividend / divisor;
        long remainder = dividend % divisor;
        if (remainder != 0 && Math.abs(remainder) >= Math.abs(divisor) - Math.abs(remainder)) {
            quotient += ((dividend ^ divisor) >> 63) | 1;
        }
        return quotient;
    }

    /** {@code round(value / 10^exponent)} half away from zero, exponent in [0, 18]. */
    public static long rescaleDownRoundHalfUp(long value, int exponent)
    {
        if (exponent == 0) {
            return value;
        }
        return divideRoundHalfUp(value, POWERS_OF_TEN[exponent]);
    }

    public static StrataException overflow(DecimalType type)
    {
        return new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Decimal overflow: the result does not fit " + type.displayName());
    }

    /** The value of a decimal of the given type (unscaled {@code Long} or {@code Int128}) as a BigDecimal. */
    public static BigDecimal toBigDecimal(Object unscaled, DecimalType type)
    {
        if (unscaled instanceof Long) {
            return BigDecimal.valueOf((Long) unscaled, type.scale());
        }
        return new BigDecimal(((Int128) unscaled).toBigInteger(), type.scale());
    }

    /**
     * The unscaled value of {@code value} in {@code type} ({@code Long} or {@code Int128}), rounded half up to
     * the type's scale, or null when it does not fit the precision.
     */
    public static Object fromBigDecimal(BigDecimal value, DecimalType type)
    {
        BigInteger unscaled = value.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue();
        if (unscaled.abs().compareTo(BigInteger.TEN.pow(type.precision())) >= 0) {
            return null;
        }
        if (type.isShort()) {
            return unscaled.longValueExact();
        }
        return Int128.valueOf(unscaled);
    }

    /** The text of a decimal as Presto prints it: all digits of the scale, {@code -0.50}. */
    public static String toString(long high, long low, int scale)
    {
        if (Int128Math.fitsInLong(high, low)) {
            return toString(low, scale);
        }
        return new BigDecimal(Int128Math.toBigInteger(high, low), scale).toPlainString();
    }

    public static String toString(long unscaled, int scale)
    {
        if (scale == 0) {
            return Long.toString(unscaled);
        }
        return BigDecimal.valueOf(unscaled, scale).toPlainString();
    }
}

package io.strata.spi.type;

import java.math.BigInteger;

/**
 * A signed 128-bit integer in two's complement ({@code high} holds the sign), the unscaled value of a long
 * decimal. Arithmetic for kernels works on the two longs directly; this record is for the slow paths.
 */
public record Int128(long high, long low)
        implements Comparable<Int128>
{
    public static final Int128 ZERO = new Int128(0, 0);
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

    public static Int128 valueOf(long value)
    {
        return new Int128(value >> 63, value);
    }

    public static Int128 valueOf(BigInteger value)
    {
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            throw new ArithmeticException("value does not fit in 128 bits: " + value);
        }
        return new Int128(value.shiftRight(64).longValue(), value.longValue());
    }

    public BigInteger toBigInteger()
    {
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }

    /** Whether the value fits in a {@code long}, so that {@link #low()} is the whole value. */
    public boolean fitsInLong()
    {
        return high == (low >> 63);
    }

    @Override
    public int compareTo(Int128 other)
    {
        int result = Long.compare(high, other.high);
        if (result != 0) {
            return result;
        }
        return Long.compareUnsigned(low, other.low);
    }

    @Override
    public String toString()
    {
        return toBigInteger().toString();
    }
}

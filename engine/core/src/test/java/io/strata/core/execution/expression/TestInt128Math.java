package io.strata.core.execution.expression;

import io.strata.spi.type.Int128;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TestInt128Math
{
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

    @Test
    void testAgainstBigInteger()
    {
        Random random = new Random(7);
        long[] out = new long[2];
        for (int i = 0; i < 20_000; i++) {
            BigInteger a = randomValue(random);
            BigInteger b = randomValue(random);
            Int128 left = Int128.valueOf(a);
            Int128 right = Int128.valueOf(b);

            boolean overflow = Int128Math.add(left.high(), left.low(), right.high(), right.low(), out, 0);
            check(a.add(b), overflow, out);
            overflow = Int128Math.subtract(left.high(), left.low(), right.high(), right.low(), out, 0);
            check(a.subtract(b), overflow, out);
            overflow = Int128Math.multiply(left.high(), left.low(), right.high(), right.low(), out, 0);
            check(a.multiply(b), overflow, out);
            assertThat(Integer.signum(Int128Math.compare(left.high(), left.low(), right.high(), right.low()))).isEqualTo(a.compareTo(b));
            if (b.signum() != 0) {
                overflow = Int128Math.divideRoundHalfUp(left.high(), left.low(), right.high(), right.low(), out, 0);
                BigInteger[] quotientAndRemainder = a.divideAndRemainder(b);
                BigInteger expected = quotientAndRemainder[0];
                if (quotientAndRemainder[1].abs().shiftLeft(1).compareTo(b.abs()) >= 0) {
                    expected = expected.add(BigInteger.valueOf((long) a.signum() * b.signum()));
                }
                check(expected, overflow, out);
            }
        }
    }

    @Test
    void testExceedsPrecision()
    {
        for (int precision = 1; precision <= 38; precision++) {
            Int128 limit = Int128.valueOf(BigInteger.TEN.pow(precision));
            Int128 below = Int128.valueOf(BigInteger.TEN.pow(precision).subtract(BigInteger.ONE));
            Int128 negativeBelow = Int128.valueOf(BigInteger.TEN.pow(precision).subtract(BigInteger.ONE).negate());
            Int128 negativeLimit = Int128.valueOf(BigInteger.TEN.pow(precision).negate());
            assertThat(Int128Math.exceedsPrecision(limit.high(), limit.low(), precision)).isTrue();
            assertThat(Int128Math.exceedsPrecision(below.high(), below.low(), precision)).isFalse();
            assertThat(Int128Math.exceedsPrecision(negativeBelow.high(), negativeBelow.low(), precision)).isFalse();
            assertThat(Int128Math.exceedsPrecision(negativeLimit.high(), negativeLimit.low(), precision)).isTrue();
        }
    }

    private static void check(BigInteger expected, boolean overflow, long[] out)
    {
        if (expected.compareTo(MIN) < 0 || expected.compareTo(MAX) > 0) {
            assertThat(overflow).as("overflow of %s", expected).isTrue();
            return;
        }
        assertThat(overflow).as("no overflow for %s", expected).isFalse();
        assertThat(new Int128(out[0], out[1]).toBigInteger()).isEqualTo(expected);
    }

    private static BigInteger randomValue(Random random)
    {
        int bits = switch (random.nextInt(4)) {
            case 0 -> 126;
            case 1 -> 64;
            case 2 -> 63;
            default -> random.nextInt(127);
        };
        BigInteger value = new BigInteger(Math.max(bits, 1), random);
        return random.nextBoolean() ? value.negate() : value;
    }
}

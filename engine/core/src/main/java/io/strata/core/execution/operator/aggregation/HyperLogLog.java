package io.strata.core.execution.operator.aggregation;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;

/**
 * The dense HyperLogLog arithmetic over one sketch's registers ({@code byte[2^p]}): updating with a 64-bit
 * hash, and estimating the cardinality with Ertl's improved estimator ("New cardinality estimation algorithms
 * for HyperLogLog sketches", 2017), which needs neither a bias table nor a switch to linear counting and is
 * nearly unbiased over the whole range.
 * <p>
 * A hash's top {@code p} bits pick the register; the register keeps the maximum over its hashes of the
 * position of the first 1 bit in the remaining {@code 64 - p} bits (1 to {@code 64 - p + 1}).
 */
final class HyperLogLog
{
    /** Presto's {@code approx_distinct} default: 2048 registers. */
    static final double DEFAULT_STANDARD_ERROR = 0.023;
    static final double MIN_STANDARD_ERROR = 0.0040625;
    static final double MAX_STANDARD_ERROR = 0.26;

    private HyperLogLog() {}

    /**
     * The register index bits for a maximum standard error, as Presto sizes it: the smallest power of two
     * {@code m} with {@code 1.04 / sqrt(m) <= error}.
     *
     * @throws StrataException {@code INVALID_FUNCTION_ARGUMENT} outside Presto's range [0.0040625, 0.26]
     */
    static int indexBitsForStandardError(double maxStandardError)
    {
        if (!(maxStandardError >= MIN_STANDARD_ERROR && maxStandardError <= MAX_STANDARD_ERROR)) {
            throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "Max standard error must be in [" + MIN_STANDARD_ERROR + ", " + MAX_STANDARD_ERROR + "]: " + maxStandardError);
        }
        int buckets = (int) Math.ceil(1.0816 / (maxStandardError * maxStandardError));
        return Math.min(16, 32 - Integer.numberOfLeadingZeros(buckets - 1));
    }

    static void add(byte[] registers, int indexBits, long hash)
    {
        int index = (int) (hash >>> (Long.SIZE - indexBits));
        int valueBits = Long.SIZE - indexBits;
        // the remaining bits, shifted to the top; all zero means the largest value, valueBits + 1
        long rest = hash << indexBits;
        int value = Math.min(Long.numberOfLeadingZeros(rest), valueBits) + 1;
        if (value > registers[index]) {
            registers[index] = (byte) value;
        }
    }

    static void merge(byte[] target, byte[] source, int sourceOffset)
    {
        for (int i = 0; i < target.length; i++) {
            byte value = source[sourceOffset + i];
            if (value > target[i]) {
                target[i] = value;
            }
        }
    }

    /** Ertl's improved raw estimator over the histogram of register values. */
    static double estimate(byte[] registers, int indexBits)
    {
        int valueBits = Long.SIZE - indexBits;
        int m = registers.length;
        int[] histogram = new int[valueBits + 2];
        for (byte register : registers) {
            histogram[register]++;
        }
        double z = m * tau(1 - (double) histogram[valueBits + 1] / m);
        for (int k = valueBits; k >= 1; k--) {
            z = 0.5 * (z + histogram[k]);
        }
        z += m * sigma((double) histogram[0] / m);
        return m / (2 * Math.log(2)) * m / z;
    }

    private static double sigma(double x)
    {
        if (x == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double y = 1;
        double z = x;
        double previous;
        do {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        }
        while (previous != z);
        return z;
    }

    private static double tau(double x)
    {
        if (x == 0 || x == 1) {
            return 0;
        }
        double y = 1;
        double z = 1 - x;
        double previous;
        do {
            x = Math.sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        }
        while (previous != z);
        return z / 3;
    }
}

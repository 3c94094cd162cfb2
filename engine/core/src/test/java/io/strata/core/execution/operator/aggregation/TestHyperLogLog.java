package io.strata.core.execution.operator.aggregation;

import io.airlift.slice.XxHash64;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dense sketch's estimate over cardinalities beyond the tpch tables (up to two million, where the registers
 * have long left linear counting's range), checked against the known count: within three standard errors,
 * and on average over many sketches without a bias of more than one standard error of the mean.
 */
class TestHyperLogLog
{
    @ParameterizedTest
    @ValueSource(ints = {300, 1_000, 3_000, 5_000, 10_000, 50_000, 200_000, 2_000_000})
    void testEstimateWithinThreeStandardErrors(int cardinality)
    {
        int indexBits = HyperLogLog.indexBitsForStandardError(HyperLogLog.DEFAULT_STANDARD_ERROR);
        assertThat(indexBits).isEqualTo(11);
        byte[] registers = new byte[1 << indexBits];
        for (long value = 0; value < cardinality; value++) {
            HyperLogLog.add(registers, indexBits, XxHash64.hash(value));
            // duplicates change nothing
            HyperLogLog.add(registers, indexBits, XxHash64.hash(value / 2));
        }
        double estimate = HyperLogLog.estimate(registers, indexBits);
        assertThat(estimate).isBetween(cardinality * (1 - 3 * 0.023), cardinality * (1 + 3 * 0.023));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 2_000, 6_000, 20_000})
    void testNoBiasAcrossSketches(int cardinality)
    {
        int indexBits = 11;
        int sketches = 100;
        double sum = 0;
        for (int sketch = 0; sketch < sketches; sketch++) {
            byte[] registers = new byte[1 << indexBits];
            for (long value = 0; value < cardinality; value++) {
                HyperLogLog.add(registers, indexBits, XxHash64.hash(sketch, value));
            }
            sum += HyperLogLog.estimate(registers, indexBits);
        }
        double meanError = sum / sketches / cardinality - 1;
        // the mean of 100 estimates has a standard error of 1.04 / sqrt(2048) / 10
        assertThat(Math.abs(meanError)).isLessThan(3 * 0.023 / 10);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0040625, 0.01, 0.023, 0.1, 0.26})
    void testRegisterCount(double standardError)
    {
        int registers = 1 << HyperLogLog.indexBitsForStandardError(standardError);
        assertThat(1.04 / Math.sqrt(registers)).isLessThanOrEqualTo(standardError * 1.0001);
        assertThat(1.04 / Math.sqrt(registers / 2.0)).isGreaterThan(standardError);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.004, 0.27, -1, Double.NaN})
    void testStandardErrorOutOfRange(double standardError)
    {
        assertThatThrownBy(() -> HyperLogLog.indexBitsForStandardError(standardError))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT));
    }
}

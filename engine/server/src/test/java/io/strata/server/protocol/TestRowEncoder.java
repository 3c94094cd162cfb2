package io.strata.server.protocol;

import io.strata.spi.block.Page;
import io.strata.spi.type.Int128;
import io.strata.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import static io.strata.server.TestingQueryEngine.page;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DecimalType.createDecimalType;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static io.strata.spi.type.UnknownType.UNKNOWN;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestRowEncoder
{
    @Test
    void testScalars()
    {
        assertThat(encode(BOOLEAN, true, false, null)).containsExactly(true, false, null);
        assertThat(encode(INTEGER, Integer.MIN_VALUE, 0, null)).containsExactly(Integer.MIN_VALUE, 0, null);
        assertThat(encode(BIGINT, Long.MAX_VALUE, 9007199254740993L, null)).containsExactly(Long.MAX_VALUE, 9007199254740993L, null);
        assertThat(encode(DOUBLE, 1.25, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, null))
                .containsExactly(1.25, "NaN", "Infinity", "-Infinity", -0.0, null);
        assertThat(encode(VARCHAR, "", "a,b", "日本語", null)).containsExactly("", "a,b", "日本語", null);
        assertThat(encode(UNKNOWN, (Object) null)).containsExactly((Object) null);
    }

    @Test
    void testDecimals()
    {
        assertThat(encode(createDecimalType(12, 2), 1234L, -5L, 0L, 999999999999L, null))
                .containsExactly("12.34", "-0.05", "0.00", "9999999999.99", null);
        assertThat(encode(createDecimalType(10, 0), 42L)).containsExactly("42");
        assertThat(encode(createDecimalType(38, 10),
                Int128.valueOf(new BigInteger("99999999999999999999999999999999999999")),
                Int128.valueOf(new BigInteger("-10000000000")),
                Int128.valueOf(1),
                null))
                .containsExactly("9999999999999999999999999999.9999999999", "-1.0000000000", "0.0000000001", null);
    }

    @Test
    void testDatesAndIntervals()
    {
        assertThat(encode(DATE, 0, 11_556, -1, -719_162, 2_932_896, null))
                .containsExactly("1970-01-01", "2001-08-22", "1969-12-31", "0001-01-01", "9999-12-31", null);
        assertThat(encode(INTERVAL_DAY_TIME, 0L, 90_061_001L, -1_000L, 86_400_000L * 400 + 59_999L, Long.MIN_VALUE, null))
                .containsExactly("0 00:00:00.000", "1 01:01:01.001", "-0 00:00:01.000", "400 00:00:59.999", "-106751991167 07:12:55.808", null);
        assertThat(encode(INTERVAL_YEAR_MONTH, 0, 14, -13, 12, Integer.MIN_VALUE, null))
                .containsExactly("0-0", "1-2", "-1-1", "1-0", "-178956970-8", null);
    }

    @Test
    void testRowsAcrossColumns()
    {
        List<Type> types = List.of(BIGINT, VARCHAR);
        Page page = page(types, new Object[] {1L, "a"}, new Object[] {null, null});
        assertThat(RowEncoder.create(types).encode(page)).containsExactly(Arrays.asList(1L, "a"), Arrays.asList(null, null));
        assertThat(RowEncoder.create(types).encode(page(types))).isEmpty();
        assertThatThrownBy(() -> RowEncoder.create(List.of(BIGINT)).encode(page))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 channels");
    }

    private static List<Object> encode(Type type, Object... values)
    {
        Object[][] rows = new Object[values.length][];
        for (int index = 0; index < values.length; index++) {
            rows[index] = new Object[] {values[index]};
        }
        List<List<Object>> encoded = RowEncoder.create(List.of(type)).encode(page(List.of(type), rows));
        return encoded.stream().map(row -> row.get(0)).collect(java.util.stream.Collectors.toList());
    }
}

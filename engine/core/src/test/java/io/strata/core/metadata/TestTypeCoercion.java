package io.strata.core.metadata;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.strata.core.metadata.TypeCoercion.canCast;
import static io.strata.core.metadata.TypeCoercion.canCoerce;
import static io.strata.core.metadata.TypeCoercion.commonSuperType;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DecimalType.createDecimalType;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.UnknownType.UNKNOWN;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static io.strata.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;

class TestTypeCoercion
{
    @Test
    void coercesAlongPrestosLattice()
    {
        assertThat(canCoerce(INTEGER, BIGINT)).isTrue();
        assertThat(canCoerce(INTEGER, createDecimalType(10, 0))).isTrue();
        assertThat(canCoerce(INTEGER, createDecimalType(12, 2))).isTrue();
        assertThat(canCoerce(INTEGER, createDecimalType(9, 0))).isFalse();
        assertThat(canCoerce(BIGINT, createDecimalType(19, 0))).isTrue();
        assertThat(canCoerce(BIGINT, INTEGER)).isFalse();
        assertThat(canCoerce(createDecimalType(12, 2), createDecimalType(13, 3))).isTrue();
        assertThat(canCoerce(createDecimalType(12, 2), createDecimalType(12, 3))).isFalse();
        assertThat(canCoerce(createDecimalType(12, 2), DOUBLE)).isTrue();
        assertThat(canCoerce(DOUBLE, createDecimalType(38, 10))).isFalse();
        assertThat(canCoerce(createVarcharType(3), createVarcharType(5))).isTrue();
        assertThat(canCoerce(createVarcharType(5), createVarcharType(3))).isFalse();
        assertThat(canCoerce(createVarcharType(5), VARCHAR)).isTrue();
        assertThat(canCoerce(UNKNOWN, DATE)).isTrue();
        assertThat(canCoerce(createVarcharType(10), DATE)).isFalse();
    }

    @Test
    void findsCommonSuperTypes()
    {
        assertThat(commonSuperType(INTEGER, BIGINT)).contains(BIGINT);
        assertThat(commonSuperType(INTEGER, createDecimalType(12, 2))).contains(createDecimalType(12, 2));
        assertThat(commonSuperType(BIGINT, createDecimalType(12, 2))).contains(createDecimalType(21, 2));
        assertThat(commonSuperType(createDecimalType(5, 4), createDecimalType(12, 0))).contains(createDecimalType(16, 4));
        assertThat(commonSuperType(createDecimalType(12, 2), DOUBLE)).contains(DOUBLE);
        assertThat(commonSuperType(createVarcharType(3), createVarcharType(7))).contains(createVarcharType(7));
        assertThat(commonSuperType(createVarcharType(3), VARCHAR)).contains(VARCHAR);
        assertThat(commonSuperType(UNKNOWN, DATE)).contains(DATE);
        assertThat(commonSuperType(DATE, createVarcharType(10))).isEmpty();
        assertThat(commonSuperType(BOOLEAN, INTEGER)).isEmpty();
        assertThat(commonSuperType(List.of(INTEGER, UNKNOWN, createDecimalType(3, 1)))).contains(createDecimalType(11, 1));
    }

    @Test
    void castsMoreThanItCoerces()
    {
        assertThat(canCast(createVarcharType(10), DATE)).isTrue();
        assertThat(canCast(DATE, VARCHAR)).isTrue();
        assertThat(canCast(DOUBLE, INTEGER)).isTrue();
        assertThat(canCast(BOOLEAN, BIGINT)).isTrue();
        assertThat(canCast(INTERVAL_DAY_TIME, VARCHAR)).isTrue();
        assertThat(canCast(DATE, BIGINT)).isFalse();
        assertThat(canCast(INTERVAL_DAY_TIME, BIGINT)).isFalse();
    }
}

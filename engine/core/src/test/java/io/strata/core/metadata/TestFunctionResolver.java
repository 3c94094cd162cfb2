package io.strata.core.metadata;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

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
import static io.strata.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestFunctionResolver
{
    private final FunctionResolver resolver = FunctionResolver.createBuiltIn();

    private ResolvedFunction operator(OperatorType operator, Type... types)
    {
        return resolver.resolveOperator(operator, List.of(types), Optional.empty());
    }

    private ResolvedFunction function(String name, Type... types)
    {
        return resolver.resolveFunction(name, List.of(types), Optional.empty());
    }

    @Test
    void picksTheMostSpecificArithmetic()
    {
        assertThat(operator(OperatorType.ADD, INTEGER, INTEGER)).isEqualTo(new ResolvedFunction("$add", FunctionKind.SCALAR, List.of(INTEGER, INTEGER), INTEGER));
        assertThat(operator(OperatorType.ADD, INTEGER, BIGINT).argumentTypes()).containsExactly(BIGINT, BIGINT);
        assertThat(operator(OperatorType.ADD, INTEGER, DOUBLE).argumentTypes()).containsExactly(DOUBLE, DOUBLE);
        assertThat(operator(OperatorType.MULTIPLY, INTEGER, createDecimalType(12, 2)).argumentTypes()).containsExactly(createDecimalType(10, 0), createDecimalType(12, 2));
        assertThat(operator(OperatorType.ADD, UNKNOWN, INTEGER).returnType()).isEqualTo(INTEGER);
        assertThat(operator(OperatorType.NEGATE, createDecimalType(5, 2)).returnType()).isEqualTo(createDecimalType(5, 2));
    }

    @Test
    void computesDecimalResultTypes()
    {
        assertThat(operator(OperatorType.ADD, createDecimalType(12, 2), createDecimalType(10, 0)).returnType()).isEqualTo(createDecimalType(13, 2));
        assertThat(operator(OperatorType.SUBTRACT, createDecimalType(38, 2), createDecimalType(38, 2)).returnType()).isEqualTo(createDecimalType(38, 2));
        assertThat(operator(OperatorType.MULTIPLY, createDecimalType(12, 2), createDecimalType(13, 2)).returnType()).isEqualTo(createDecimalType(25, 4));
        assertThat(operator(OperatorType.DIVIDE, createDecimalType(12, 2), createDecimalType(5, 4)).returnType()).isEqualTo(createDecimalType(18, 4));
        assertThat(operator(OperatorType.MODULUS, createDecimalType(12, 2), createDecimalType(5, 4)).returnType()).isEqualTo(createDecimalType(5, 4));
    }

    @Test
    void addsIntervalsToDates()
    {
        assertThat(operator(OperatorType.ADD, DATE, INTERVAL_DAY_TIME).returnType()).isEqualTo(DATE);
        assertThat(operator(OperatorType.ADD, INTERVAL_YEAR_MONTH, DATE).returnType()).isEqualTo(DATE);
        assertThat(operator(OperatorType.SUBTRACT, DATE, INTERVAL_YEAR_MONTH).returnType()).isEqualTo(DATE);
        assertThatThrownBy(() -> operator(OperatorType.SUBTRACT, INTERVAL_DAY_TIME, DATE))
                .hasMessage("'-' cannot be applied to interval day to second, date");
    }

    @Test
    void comparesInTheCommonSuperType()
    {
        assertThat(operator(OperatorType.EQUAL, createDecimalType(12, 2), INTEGER).argumentTypes()).containsExactly(createDecimalType(12, 2), createDecimalType(12, 2));
        assertThat(operator(OperatorType.LESS_THAN, createVarcharType(1), createVarcharType(3)).argumentTypes()).containsExactly(createVarcharType(1), createVarcharType(3));
        assertThat(operator(OperatorType.IS_DISTINCT_FROM, UNKNOWN, DATE).argumentTypes()).containsExactly(DATE, DATE);
        assertThat(operator(OperatorType.EQUAL, BIGINT, BIGINT).returnType()).isEqualTo(BOOLEAN);
        assertThatThrownBy(() -> operator(OperatorType.EQUAL, BIGINT, createVarcharType(1)))
                .isInstanceOfSatisfying(StrataException.class, failure -> assertThat(failure.errorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH))
                .hasMessage("'=' cannot be applied to bigint, varchar(1)");
    }

    @Test
    void resolvesScalarFunctions()
    {
        assertThat(function("abs", createDecimalType(12, 2)).returnType()).isEqualTo(createDecimalType(12, 2));
        assertThat(function("abs", INTEGER).returnType()).isEqualTo(INTEGER);
        assertThat(function("round", createDecimalType(12, 2)).returnType()).isEqualTo(createDecimalType(11, 0));
        assertThat(function("round", createDecimalType(12, 2), INTEGER).returnType()).isEqualTo(createDecimalType(13, 2));
        assertThat(function("round", DOUBLE, INTEGER).returnType()).isEqualTo(DOUBLE);
        assertThat(function("substr", createVarcharType(25), INTEGER).argumentTypes()).containsExactly(createVarcharType(25), BIGINT);
        assertThat(function("substring", createVarcharType(25), INTEGER, INTEGER).name()).isEqualTo("substr");
        assertThat(function("concat", createVarcharType(2), createVarcharType(3), UNKNOWN).argumentTypes()).containsExactly(createVarcharType(2), createVarcharType(3), VARCHAR);
        assertThat(function("length", createVarcharType(2)).returnType()).isEqualTo(BIGINT);
        assertThat(function("year", DATE).returnType()).isEqualTo(BIGINT);
    }

    @Test
    void resolvesAggregates()
    {
        assertThat(function("count").returnType()).isEqualTo(BIGINT);
        assertThat(function("count", DATE).returnType()).isEqualTo(BIGINT);
        assertThat(function("sum", INTEGER)).isEqualTo(new ResolvedFunction("sum", FunctionKind.AGGREGATE, List.of(INTEGER), BIGINT));
        assertThat(function("sum", createDecimalType(12, 2)).returnType()).isEqualTo(createDecimalType(38, 2));
        assertThat(function("avg", createDecimalType(12, 2)).returnType()).isEqualTo(createDecimalType(12, 2));
        assertThat(function("avg", BIGINT).returnType()).isEqualTo(DOUBLE);
        assertThat(function("min", createVarcharType(25)).returnType()).isEqualTo(createVarcharType(25));
        assertThat(resolver.isAggregate("max")).isTrue();
        assertThat(resolver.isAggregate("abs")).isFalse();
    }

    @Test
    void reportsUnexpectedParameters()
    {
        assertThatThrownBy(() -> function("abs", VARCHAR, BIGINT))
                .isInstanceOfSatisfying(StrataException.class, failure -> assertThat(failure.errorCode()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND))
                .hasMessage("Unexpected parameters (varchar, bigint) for function abs. Expected: abs(integer), abs(bigint), abs(double), abs(decimal(p,s)), abs(tinyint), abs(smallint), abs(real)");
        assertThatThrownBy(() -> function("concat", VARCHAR))
                .hasMessage("Unexpected parameters (varchar) for function concat. Expected: concat(varchar(x), varchar(x)...)");
        assertThatThrownBy(() -> function("nope"))
                .isInstanceOfSatisfying(StrataException.class, failure -> assertThat(failure.errorCode()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND))
                .hasMessage("Function nope not registered");
    }
}

package io.strata.core.json;

import io.airlift.slice.Slices;
import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.InputReference;
import io.strata.core.expression.OuterReference;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SubqueryReference;
import io.strata.core.expression.SymbolReference;
import io.strata.core.planner.plan.Symbol;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Int128;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RowType;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.RealType.REAL;
import static io.strata.spi.type.VarbinaryType.VARBINARY;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of row expression, and constants holding every class of value, read back equal (same value classes). */
class TestRowExpressionJson
{
    @Test
    void everyKindOfExpressionRoundTrips()
    {
        Symbol x = new Symbol("x", BIGINT);
        List<RowExpression> expressions = new ArrayList<>();
        expressions.add(new SymbolReference(x));
        expressions.add(new InputReference(3, DOUBLE));
        expressions.add(new OuterReference(1, VARCHAR));
        expressions.add(new SubqueryReference(2, BIGINT));
        expressions.add(new Call(FunctionNames.ADD, List.of(new SymbolReference(x), new Constant(1L, BIGINT)), BIGINT));
        for (SpecialForm.Form form : SpecialForm.Form.values()) {
            expressions.add(new SpecialForm(form, List.of(new SymbolReference(x), new Constant(null, BIGINT)), BOOLEAN));
        }
        for (RowExpression expression : expressions) {
            assertRoundTrip(expression);
        }
    }

    @Test
    void constantsKeepTheirValuesAndClasses()
    {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(Slices.utf8Slice("b"), null);
        map.put(Slices.utf8Slice("a"), Arrays.asList(1.5, null, Double.NaN));
        List<Constant> constants = List.of(
                new Constant(null, BIGINT),
                new Constant(Long.MIN_VALUE, BIGINT),
                new Constant(true, BOOLEAN),
                new Constant(-0.0, DOUBLE),
                new Constant(Double.NEGATIVE_INFINITY, DOUBLE),
                new Constant(Double.NaN, DOUBLE),
                new Constant(4.9e-324, DOUBLE),
                new Constant(Float.MIN_VALUE, REAL),
                new Constant(18262, DATE),
                new Constant(Slices.EMPTY_SLICE, VARCHAR),
                new Constant(Slices.utf8Slice("héllo \u0000 \"quoted\""), VARCHAR),
                new Constant(Slices.wrappedBuffer(new byte[] {0, -1, 127, -128}), VARBINARY),
                new Constant(Int128.valueOf(new BigInteger("-99999999999999999999999999999999999999")), new DecimalType(38, 0)),
                new Constant("a string", VARCHAR),
                new Constant(Arrays.asList(1L, null, 3L), new ArrayType(BIGINT)),
                new Constant(List.of(List.of(), List.of(List.of(2L))), new ArrayType(new ArrayType(new ArrayType(BIGINT)))),
                new Constant(map, new MapType(VARCHAR, new ArrayType(DOUBLE))),
                new Constant(Arrays.asList(5L, null, Slices.utf8Slice("z")), RowType.anonymous(List.of(BIGINT, DOUBLE, VARCHAR))));
        for (Constant constant : constants) {
            Constant read = (Constant) assertRoundTrip(constant);
            // scalars keep their class (a Long stays a Long, an Integer an Integer); nested values are lists and maps
            if (constant.value() instanceof List) {
                assertThat(read.value()).isInstanceOf(List.class);
            }
            else if (constant.value() instanceof Map) {
                assertThat(read.value()).isInstanceOf(Map.class);
            }
            else if (constant.value() != null) {
                assertThat(read.value()).hasSameClassAs(constant.value());
            }
        }
        // Map.equals ignores order; the JSON keeps it
        Constant read = (Constant) PlanJson.fromJson(PlanJson.toJson(constants.get(16)), RowExpression.class);
        assertThat(List.<Object>copyOf(((Map<?, ?>) read.value()).keySet())).containsExactly(Slices.utf8Slice("b"), Slices.utf8Slice("a"));
    }

    @Test
    void valuesWithoutJsonFormFailWhenWritten()
    {
        assertThatThrownBy(() -> PlanJson.toJson(new Constant(new StringBuilder("x"), VARCHAR)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.StringBuilder");
    }

    private static RowExpression assertRoundTrip(RowExpression expression)
    {
        String json = PlanJson.toJson(expression);
        RowExpression read = PlanJson.fromJson(json, RowExpression.class);
        assertThat(read).as(json).isEqualTo(expression);
        assertThat(PlanJson.toJson(read)).isEqualTo(json);
        return read;
    }
}

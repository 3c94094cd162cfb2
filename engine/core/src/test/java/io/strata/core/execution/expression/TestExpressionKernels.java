package io.strata.core.execution.expression;

import io.airlift.slice.Slices;
import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SpecialForm.Form;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Type;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.strata.core.execution.testing.ExpressionTester.evaluate;
import static io.strata.core.execution.testing.ExpressionTester.input;
import static io.strata.core.execution.testing.Values.row;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static io.strata.spi.type.UnknownType.UNKNOWN;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestExpressionKernels
{
    @Test
    void testIntegerArithmetic()
    {
        RowExpression divide = call(FunctionNames.DIVIDE, BIGINT, input(0, BIGINT), input(1, BIGINT));
        assertThat(evaluate(divide, List.of(BIGINT, BIGINT), List.of(row(7L, 2L), row(-7L, 2L), row(7L, -2L), row(null, 0L))))
                .containsExactly(3L, -3L, -3L, null);
        assertThat(evaluate(call(FunctionNames.MODULUS, INTEGER, input(0, INTEGER), input(1, INTEGER)), List.of(INTEGER, INTEGER), List.of(row(-7, 3))))
                .containsExactly(-1);
        assertError(() -> evaluate(divide, List.of(BIGINT, BIGINT), List.of(row(1L, 0L))), ErrorCode.DIVISION_BY_ZERO);
        assertError(() -> evaluate(call(FunctionNames.ADD, INTEGER, input(0, INTEGER), input(1, INTEGER)), List.of(INTEGER, INTEGER), List.of(row(Integer.MAX_VALUE, 1))),
                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertError(() -> evaluate(call(FunctionNames.MULTIPLY, BIGINT, input(0, BIGINT), input(1, BIGINT)), List.of(BIGINT, BIGINT), List.of(row(Long.MAX_VALUE, 2L))),
                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertError(() -> evaluate(call(FunctionNames.NEGATE, BIGINT, input(0, BIGINT)), List.of(BIGINT), List.of(row(Long.MIN_VALUE))),
                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        // a bigint operand beside an integer one is widened
        assertThat(evaluate(call(FunctionNames.ADD, BIGINT, input(0, INTEGER), input(1, BIGINT)), List.of(INTEGER, BIGINT), List.of(row(1, 2L)))).containsExactly(3L);
        assertThat(evaluate(call(FunctionNames.DIVIDE, DOUBLE, input(0, DOUBLE), input(1, DOUBLE)), List.of(DOUBLE, DOUBLE), List.of(row(1.0, 0.0))))
                .containsExactly(Double.POSITIVE_INFINITY);
    }

    @Test
    void testComparisons()
    {
        assertThat(evaluate(call(FunctionNames.LESS_THAN, BOOLEAN, input(0, VARCHAR), input(1, VARCHAR)), List.of(VARCHAR, VARCHAR),
                List.of(row("a", "b"), row("b", "a"), row("a", "ab"), row("z", "é"), row(null, "a"))))
                .containsExactly(true, false, true, true, null);
        assertThat(evaluate(call(FunctionNames.EQUAL, BOOLEAN, input(0, VARCHAR), input(1, VARCHAR)), List.of(VARCHAR, VARCHAR),
                List.of(row("abc", "abc"), row("abc", "abd"))))
                .containsExactly(true, false);
        assertThat(evaluate(call(FunctionNames.EQUAL, BOOLEAN, input(0, DOUBLE), input(1, DOUBLE)), List.of(DOUBLE, DOUBLE),
                List.of(row(0.0, -0.0), row(Double.NaN, Double.NaN))))
                .containsExactly(true, false);
        assertThat(evaluate(call(FunctionNames.NOT_EQUAL, BOOLEAN, input(0, DOUBLE), input(1, DOUBLE)), List.of(DOUBLE, DOUBLE), List.of(row(Double.NaN, Double.NaN))))
                .containsExactly(true);
        DecimalType shortDecimal = new DecimalType(12, 2);
        DecimalType longDecimal = new DecimalType(38, 4);
        // different scales compare in a common type
        assertThat(evaluate(call(FunctionNames.GREATER_THAN_OR_EQUAL, BOOLEAN, input(0, shortDecimal), input(1, longDecimal)), List.of(shortDecimal, longDecimal),
                List.of(row(new BigDecimal("1.50"), new BigDecimal("1.5000")), row(new BigDecimal("1.49"), new BigDecimal("1.4901")))))
                .containsExactly(true, false);
        assertThat(evaluate(call(FunctionNames.IS_DISTINCT_FROM, BOOLEAN, input(0, BIGINT), input(1, BIGINT)), List.of(BIGINT, BIGINT),
                List.of(row(null, null), row(1L, null), row(1L, 1L), row(1L, 2L))))
                .containsExactly(false, true, false, true);
        assertThat(evaluate(call(FunctionNames.LESS_THAN, BOOLEAN, input(0, DATE), input(1, DATE)), List.of(DATE, DATE),
                List.of(row(LocalDate.of(1998, 9, 2), LocalDate.of(1998, 12, 1)))))
                .containsExactly(true);
    }

    @Test
    void testThreeValuedLogicAndShortCircuit()
    {
        RowExpression and = form(Form.AND, BOOLEAN, input(0, BOOLEAN), input(1, BOOLEAN));
        RowExpression or = form(Form.OR, BOOLEAN, input(0, BOOLEAN), input(1, BOOLEAN));
        List<List<Object>> rows = List.of(row(true, true), row(true, false), row(true, null), row(false, null), row(null, null), row(null, false), row(null, true));
        assertThat(evaluate(and, List.of(BOOLEAN, BOOLEAN), rows)).containsExactly(true, false, null, false, null, false, null);
        assertThat(evaluate(or, List.of(BOOLEAN, BOOLEAN), rows)).containsExactly(true, true, true, null, null, null, true);
        assertThat(evaluate(call(FunctionNames.NOT, BOOLEAN, input(0, BOOLEAN)), List.of(BOOLEAN), List.of(row(true), row(false), row((Object) null))))
                .containsExactly(false, true, null);
        // x <> 0 AND 10 / x > 1 never divides by zero
        RowExpression guarded = form(Form.AND, BOOLEAN,
                call(FunctionNames.NOT_EQUAL, BOOLEAN, input(0, BIGINT), new Constant(0L, BIGINT)),
                call(FunctionNames.GREATER_THAN, BOOLEAN, call(FunctionNames.DIVIDE, BIGINT, new Constant(10L, BIGINT), input(0, BIGINT)), new Constant(1L, BIGINT)));
        assertThat(evaluate(guarded, List.of(BIGINT), List.of(row(0L), row(5L), row(20L), row((Object) null)))).containsExactly(false, true, false, null);
        assertThat(evaluate(form(Form.IS_NULL, BOOLEAN, input(0, VARCHAR)), List.of(VARCHAR), List.of(row("a"), row((Object) null)))).containsExactly(false, true);
    }

    @Test
    void testConditionals()
    {
        // CASE WHEN x = 0 THEN 0 ELSE 100 / x END never divides by zero
        RowExpression ifExpression = form(Form.IF, BIGINT,
                call(FunctionNames.EQUAL, BOOLEAN, input(0, BIGINT), new Constant(0L, BIGINT)),
                new Constant(0L, BIGINT),
                call(FunctionNames.DIVIDE, BIGINT, new Constant(100L, BIGINT), input(0, BIGINT)));
        assertThat(evaluate(ifExpression, List.of(BIGINT), List.of(row(0L), row(5L), row((Object) null)))).containsExactly(0L, 20L, null);
        RowExpression switchExpression = form(Form.SWITCH, VARCHAR,
                call(FunctionNames.LESS_THAN, BOOLEAN, input(0, BIGINT), new Constant(10L, BIGINT)), new Constant(Slices.utf8Slice("small"), VARCHAR),
                call(FunctionNames.LESS_THAN, BOOLEAN, input(0, BIGINT), new Constant(100L, BIGINT)), new Constant(Slices.utf8Slice("medium"), VARCHAR),
                Constant.nullConstant(VARCHAR));
        assertThat(evaluate(switchExpression, List.of(BIGINT), List.of(row(1L), row(50L), row(500L), row((Object) null))))
                .containsExactly("small", "medium", null, null);
        RowExpression coalesce = form(Form.COALESCE, BIGINT, input(0, BIGINT), input(1, BIGINT), new Constant(-1L, BIGINT));
        assertThat(evaluate(coalesce, List.of(BIGINT, BIGINT), List.of(row(1L, 2L), row(null, 2L), row(null, null)))).containsExactly(1L, 2L, -1L);
        RowExpression nullIf = form(Form.NULL_IF, BIGINT, input(0, BIGINT), input(1, BIGINT));
        assertThat(evaluate(nullIf, List.of(BIGINT, BIGINT), List.of(row(1L, 1L), row(1L, 2L), row(null, 1L), row(1L, null)))).containsExactly(null, 1L, null, 1L);
    }

    @Test
    void testInAndBetween()
    {
        RowExpression in = form(Form.IN, BOOLEAN, input(0, VARCHAR), constant("MAIL"), constant("SHIP"));
        assertThat(evaluate(in, List.of(VARCHAR), List.of(row("MAIL"), row("AIR"), row((Object) null)))).containsExactly(true, false, null);
        RowExpression inWithNull = form(Form.IN, BOOLEAN, input(0, BIGINT), new Constant(1L, BIGINT), Constant.nullConstant(BIGINT));
        assertThat(evaluate(inWithNull, List.of(BIGINT), List.of(row(1L), row(2L)))).containsExactly(true, null);
        RowExpression inColumns = form(Form.IN, BOOLEAN, input(0, INTEGER), input(1, INTEGER), new Constant(3, INTEGER));
        assertThat(evaluate(inColumns, List.of(INTEGER, INTEGER), List.of(row(1, 1), row(3, 2), row(4, 2), row(4, null)))).containsExactly(true, true, false, null);
        DecimalType decimal = new DecimalType(15, 2);
        RowExpression between = form(Form.BETWEEN, BOOLEAN, input(0, decimal),
                new Constant(5L, new DecimalType(3, 2)), new Constant(7L, new DecimalType(3, 2)));
        assertThat(evaluate(between, List.of(decimal), List.of(row(new BigDecimal("0.05")), row(new BigDecimal("0.08")), row(new BigDecimal("0.07")), row((Object) null))))
                .containsExactly(true, false, true, null);
    }

    @Test
    void testCasts()
    {
        assertThat(cast(VARCHAR, BIGINT, " 42 ")).isEqualTo(42L);
        assertThat(cast(VARCHAR, DOUBLE, "1.5")).isEqualTo(1.5);
        assertThat(cast(VARCHAR, BOOLEAN, "TRUE")).isEqualTo(true);
        assertThat(cast(VARCHAR, DATE, "1998-12-01")).isEqualTo(LocalDate.of(1998, 12, 1));
        assertThat(cast(VARCHAR, new DecimalType(10, 2), "12.345")).isEqualTo(new BigDecimal("12.35"));
        assertThat(cast(DATE, VARCHAR, LocalDate.of(1994, 1, 1))).isEqualTo("1994-01-01");
        assertThat(cast(new DecimalType(12, 2), VARCHAR, new BigDecimal("-0.50"))).isEqualTo("-0.50");
        assertThat(cast(DOUBLE, VARCHAR, 1.5)).isEqualTo("1.5");
        assertThat(cast(BIGINT, INTEGER, 7L)).isEqualTo(7);
        assertThat(cast(DOUBLE, BIGINT, 2.5)).isEqualTo(3L);
        assertThat(cast(DOUBLE, BIGINT, -2.5)).isEqualTo(-3L);
        assertThat(cast(new DecimalType(12, 2), BIGINT, new BigDecimal("2.50"))).isEqualTo(3L);
        assertThat(cast(new DecimalType(12, 2), DOUBLE, new BigDecimal("2.25"))).isEqualTo(2.25);
        assertThat(cast(new DecimalType(12, 4), new DecimalType(12, 2), new BigDecimal("1.2350"))).isEqualTo(new BigDecimal("1.24"));
        assertThat(cast(new DecimalType(12, 4), new DecimalType(12, 2), new BigDecimal("-1.2350"))).isEqualTo(new BigDecimal("-1.24"));
        assertThat(cast(new DecimalType(38, 4), new DecimalType(12, 2), new BigDecimal("123.4550"))).isEqualTo(new BigDecimal("123.46"));
        assertThat(cast(BIGINT, new DecimalType(38, 2), 5L)).isEqualTo(new BigDecimal("5.00"));
        assertThat(cast(INTEGER, new DecimalType(10, 0), 5)).isEqualTo(new BigDecimal("5"));
        assertThat(cast(BOOLEAN, INTEGER, true)).isEqualTo(1);
        assertThat(cast(UNKNOWN, BIGINT, null)).isNull();

        assertError(() -> cast(VARCHAR, BIGINT, "abc"), ErrorCode.INVALID_CAST_ARGUMENT);
        assertError(() -> cast(VARCHAR, DATE, "1998-13-01"), ErrorCode.INVALID_CAST_ARGUMENT);
        assertError(() -> cast(BIGINT, INTEGER, 1L << 40), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertError(() -> cast(BIGINT, new DecimalType(3, 2), 10L), ErrorCode.INVALID_CAST_ARGUMENT);
        assertError(() -> cast(new DecimalType(12, 2), new DecimalType(3, 2), new BigDecimal("10.00")), ErrorCode.INVALID_CAST_ARGUMENT);

        RowExpression tryCast = form(Form.TRY_CAST, BIGINT, input(0, VARCHAR));
        assertThat(evaluate(tryCast, List.of(VARCHAR), List.of(row("1"), row("x"), row((Object) null)))).containsExactly(1L, null, null);
        RowExpression tryNarrow = form(Form.TRY_CAST, INTEGER, input(0, BIGINT));
        assertThat(evaluate(tryNarrow, List.of(BIGINT), List.of(row(1L), row(1L << 40)))).containsExactly(1, null);
    }

    @Test
    void testDateArithmetic()
    {
        RowExpression minusDays = call(FunctionNames.SUBTRACT, DATE, input(0, DATE), new Constant(90L * 86_400_000L, INTERVAL_DAY_TIME));
        assertThat(evaluate(minusDays, List.of(DATE), List.of(row(LocalDate.of(1998, 12, 1))))).containsExactly(LocalDate.of(1998, 9, 2));
        RowExpression plusMonths = call(FunctionNames.ADD, DATE, input(0, DATE), new Constant(3, INTERVAL_YEAR_MONTH));
        assertThat(evaluate(plusMonths, List.of(DATE), List.of(row(LocalDate.of(1993, 10, 1)), row(LocalDate.of(1999, 11, 30)), row(LocalDate.of(2000, 11, 30)))))
                .containsExactly(LocalDate.of(1994, 1, 1), LocalDate.of(2000, 2, 29), LocalDate.of(2001, 2, 28));
        RowExpression intervalFirst = call(FunctionNames.ADD, DATE, new Constant(12, INTERVAL_YEAR_MONTH), input(0, DATE));
        assertThat(evaluate(intervalFirst, List.of(DATE), List.of(row(LocalDate.of(1994, 1, 1))))).containsExactly(LocalDate.of(1995, 1, 1));
        assertError(() -> evaluate(call(FunctionNames.ADD, DATE, input(0, DATE), new Constant(3_600_000L, INTERVAL_DAY_TIME)), List.of(DATE),
                List.of(row(LocalDate.of(1994, 1, 1)))), ErrorCode.INVALID_FUNCTION_ARGUMENT);
        for (LocalDate date = LocalDate.of(1600, 1, 1); date.isBefore(LocalDate.of(2400, 1, 1)); date = date.plusDays(37)) {
            int days = (int) date.toEpochDay();
            assertThat(DateMath.year(days)).isEqualTo(date.getYear());
            assertThat(DateMath.month(days)).isEqualTo(date.getMonthValue());
            assertThat(DateMath.dayOfMonth(days)).isEqualTo(date.getDayOfMonth());
            assertThat(DateMath.daysFromCivil(date.getYear(), date.getMonthValue(), date.getDayOfMonth())).isEqualTo(days);
        }
        assertThat(evaluate(call("year", BIGINT, input(0, DATE)), List.of(DATE), List.of(row(LocalDate.of(1995, 3, 15))))).containsExactly(1995L);
        assertThat(evaluate(call("month", BIGINT, input(0, DATE)), List.of(DATE), List.of(row(LocalDate.of(1995, 3, 15))))).containsExactly(3L);
        assertThat(evaluate(call("day", BIGINT, input(0, DATE)), List.of(DATE), List.of(row(LocalDate.of(1995, 3, 15))))).containsExactly(15L);
    }

    @Test
    void testIntervalArithmetic()
    {
        long day = 86_400_000L;
        assertThat(evaluate(call(FunctionNames.ADD, INTERVAL_DAY_TIME, input(0, INTERVAL_DAY_TIME), input(1, INTERVAL_DAY_TIME)), List.of(INTERVAL_DAY_TIME, INTERVAL_DAY_TIME),
                List.of(row(day, 2 * day)))).containsExactly(3 * day);
        assertThat(evaluate(call(FunctionNames.MULTIPLY, INTERVAL_DAY_TIME, input(0, BIGINT), input(1, INTERVAL_DAY_TIME)), List.of(BIGINT, INTERVAL_DAY_TIME),
                List.of(row(3L, day)))).containsExactly(3 * day);
        assertThat(evaluate(call(FunctionNames.MULTIPLY, INTERVAL_YEAR_MONTH, input(0, INTERVAL_YEAR_MONTH), input(1, BIGINT)), List.of(INTERVAL_YEAR_MONTH, BIGINT),
                List.of(row(14, 2L)))).containsExactly(28);
        assertThat(evaluate(call(FunctionNames.SUBTRACT, INTERVAL_YEAR_MONTH, input(0, INTERVAL_YEAR_MONTH), input(1, INTERVAL_YEAR_MONTH)), List.of(INTERVAL_YEAR_MONTH, INTERVAL_YEAR_MONTH),
                List.of(row(14, 2)))).containsExactly(12);
        assertThat(evaluate(call(FunctionNames.NEGATE, INTERVAL_YEAR_MONTH, input(0, INTERVAL_YEAR_MONTH)), List.of(INTERVAL_YEAR_MONTH), List.of(row(5)))).containsExactly(-5);
        assertError(() -> evaluate(call(FunctionNames.MULTIPLY, INTERVAL_YEAR_MONTH, input(0, INTERVAL_YEAR_MONTH), input(1, BIGINT)), List.of(INTERVAL_YEAR_MONTH, BIGINT),
                List.of(row(14, 1L << 40))), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    }

    @Test
    void testLike()
    {
        List<List<Object>> rows = List.of(row("PROMO BRUSHED"), row("LARGE PROMO"), row("promo"), row("a_b%c"), row("héllo"), row((Object) null));
        assertThat(evaluate(like(input(0, VARCHAR), "PROMO%"), List.of(VARCHAR), rows)).containsExactly(true, false, false, false, false, null);
        assertThat(evaluate(like(input(0, VARCHAR), "%PROMO"), List.of(VARCHAR), rows)).containsExactly(false, true, false, false, false, null);
        assertThat(evaluate(like(input(0, VARCHAR), "%RO%"), List.of(VARCHAR), rows)).containsExactly(true, true, false, false, false, null);
        assertThat(evaluate(like(input(0, VARCHAR), "h_llo"), List.of(VARCHAR), rows)).containsExactly(false, false, false, false, true, null);
        assertThat(evaluate(like(input(0, VARCHAR), "%O%B%D"), List.of(VARCHAR), rows)).containsExactly(true, false, false, false, false, null);
        assertThat(evaluate(like(input(0, VARCHAR), "promo"), List.of(VARCHAR), rows)).containsExactly(false, false, true, false, false, null);
        RowExpression escaped = call(FunctionNames.LIKE, BOOLEAN, input(0, VARCHAR), constant("a\\_b\\%%"), constant("\\"));
        assertThat(evaluate(escaped, List.of(VARCHAR), rows)).containsExactly(false, false, false, true, false, null);
        assertThat(LikeMatcher.compile("%special%requests%", Optional.empty()).matches(bytes("xx special yy requests zz"), 0, 25)).isTrue();
        assertThat(LikeMatcher.compile("%special%requests%", Optional.empty()).matches(bytes("requests special"), 0, 16)).isFalse();
        assertError(() -> LikeMatcher.compile("a\\b", Optional.of("\\")), ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertError(() -> LikeMatcher.compile("ab", Optional.of("xy")), ErrorCode.INVALID_FUNCTION_ARGUMENT);
        // a pattern from a column
        RowExpression dynamic = call(FunctionNames.LIKE, BOOLEAN, input(0, VARCHAR), input(1, VARCHAR));
        assertThat(evaluate(dynamic, List.of(VARCHAR, VARCHAR), List.of(row("abc", "a%"), row("abc", "b%"), row("abc", null)))).containsExactly(true, false, null);
    }

    @Test
    void testStringFunctions()
    {
        List<List<Object>> rows = List.of(row("Hello"), row("héllo wörld"), row(""), row((Object) null));
        assertThat(evaluate(call("length", BIGINT, input(0, VARCHAR)), List.of(VARCHAR), rows)).containsExactly(5L, 11L, 0L, null);
        assertThat(evaluate(call("upper", VARCHAR, input(0, VARCHAR)), List.of(VARCHAR), rows)).containsExactly("HELLO", "HÉLLO WÖRLD", "", null);
        assertThat(evaluate(call("lower", VARCHAR, input(0, VARCHAR)), List.of(VARCHAR), rows)).containsExactly("hello", "héllo wörld", "", null);
        assertThat(evaluate(call("substr", VARCHAR, input(0, VARCHAR), new Constant(2L, BIGINT), new Constant(3L, BIGINT)), List.of(VARCHAR), rows))
                .containsExactly("ell", "éll", "", null);
        assertThat(evaluate(call("substr", VARCHAR, input(0, VARCHAR), new Constant(-3L, BIGINT)), List.of(VARCHAR), rows))
                .containsExactly("llo", "rld", "", null);
        assertThat(evaluate(call("substr", VARCHAR, input(0, VARCHAR), new Constant(0L, BIGINT)), List.of(VARCHAR), rows))
                .containsExactly("", "", "", null);
        assertThat(evaluate(call("substr", VARCHAR, input(0, VARCHAR), new Constant(10L, BIGINT)), List.of(VARCHAR), rows))
                .containsExactly("", "ld", "", null);
        assertThat(evaluate(call(FunctionNames.CONCAT, VARCHAR, input(0, VARCHAR), constant("!"), input(0, VARCHAR)), List.of(VARCHAR), rows))
                .containsExactly("Hello!Hello", "héllo wörld!héllo wörld", "!", null);
    }

    @Test
    void testMathFunctions()
    {
        assertThat(evaluate(call("abs", BIGINT, input(0, BIGINT)), List.of(BIGINT), List.of(row(-5L), row(5L)))).containsExactly(5L, 5L);
        assertThat(evaluate(call("abs", DOUBLE, input(0, DOUBLE)), List.of(DOUBLE), List.of(row(-1.5)))).containsExactly(1.5);
        DecimalType decimal = new DecimalType(12, 2);
        assertThat(evaluate(call("abs", decimal, input(0, decimal)), List.of(decimal), List.of(row(new BigDecimal("-1.25"))))).containsExactly(new BigDecimal("1.25"));
        assertThat(evaluate(call("round", DOUBLE, input(0, DOUBLE)), List.of(DOUBLE), List.of(row(2.5), row(-2.5), row(2.4)))).containsExactly(3.0, -3.0, 2.0);
        assertThat(evaluate(call("round", DOUBLE, input(0, DOUBLE), new Constant(2L, BIGINT)), List.of(DOUBLE), List.of(row(1.005), row(3.14159))))
                .containsExactly(1.0, 3.14);
        // round(decimal(12,2)) is decimal(11,0); round(decimal(12,2), 1) is decimal(13,2)
        assertThat(evaluate(call("round", new DecimalType(11, 0), input(0, decimal)), List.of(decimal), List.of(row(new BigDecimal("2.50")), row(new BigDecimal("-2.50")))))
                .containsExactly(new BigDecimal("3"), new BigDecimal("-3"));
        assertThat(evaluate(call("round", new DecimalType(13, 2), input(0, decimal), new Constant(1L, BIGINT)), List.of(decimal), List.of(row(new BigDecimal("2.45")))))
                .containsExactly(new BigDecimal("2.50"));
        assertThat(evaluate(call("round", BIGINT, input(0, BIGINT), new Constant(-1L, BIGINT)), List.of(BIGINT), List.of(row(15L), row(-15L), row(14L))))
                .containsExactly(20L, -20L, 10L);
    }

    @Test
    void testConstantEvaluator()
    {
        KernelConstantEvaluator evaluator = new KernelConstantEvaluator();
        Session session = Session.simple("q", "user", Optional.empty(), Optional.empty());
        assertThat(evaluator.evaluate(call(FunctionNames.ADD, BIGINT, new Constant(1L, BIGINT), new Constant(2L, BIGINT)), session)).isEqualTo(3L);
        assertThat(evaluator.evaluate(form(Form.CAST, DATE, constant("1995-01-01")), session)).isEqualTo((int) LocalDate.of(1995, 1, 1).toEpochDay());
        assertThat(evaluator.evaluate(Constant.nullConstant(BIGINT), session)).isNull();
        assertError(() -> evaluator.evaluate(call(FunctionNames.DIVIDE, BIGINT, new Constant(1L, BIGINT), new Constant(0L, BIGINT)), session), ErrorCode.DIVISION_BY_ZERO);
    }

    private static Object cast(Type from, Type to, Object value)
    {
        List<Object> row = Arrays.asList(value);
        return evaluate(form(Form.CAST, to, input(0, from)), List.of(from), List.of(row)).get(0);
    }

    private static RowExpression like(RowExpression value, String pattern)
    {
        return call(FunctionNames.LIKE, BOOLEAN, value, constant(pattern));
    }

    private static Constant constant(String value)
    {
        return new Constant(Slices.utf8Slice(value), VARCHAR);
    }

    private static byte[] bytes(String value)
    {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static Call call(String name, Type type, RowExpression... arguments)
    {
        return new Call(name, List.of(arguments), type);
    }

    private static SpecialForm form(Form form, Type type, RowExpression... arguments)
    {
        return new SpecialForm(form, List.of(arguments), type);
    }

    private static void assertError(ThrowingCallable callable, ErrorCode errorCode)
    {
        assertThatThrownBy(callable).isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(errorCode));
    }
}

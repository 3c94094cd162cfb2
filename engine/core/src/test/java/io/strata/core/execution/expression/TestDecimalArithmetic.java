package io.strata.core.execution.expression;

import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.strata.core.execution.testing.ExpressionTester.evaluate;
import static io.strata.core.execution.testing.ExpressionTester.evaluateRow;
import static io.strata.core.execution.testing.ExpressionTester.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decimal kernels against {@link BigDecimal}: Presto's result types, rescaling, rounding half up on divide,
 * and overflow, over short and long decimals.
 */
class TestDecimalArithmetic
{
    private static final List<DecimalType> TYPES = List.of(
            new DecimalType(1, 0), new DecimalType(5, 2), new DecimalType(10, 0), new DecimalType(12, 2), new DecimalType(15, 2),
            new DecimalType(18, 4), new DecimalType(18, 0), new DecimalType(19, 0), new DecimalType(25, 5), new DecimalType(31, 4),
            new DecimalType(38, 2), new DecimalType(38, 10), new DecimalType(38, 0));

    @Test
    void testAddSubtractMultiplyDivideAgainstBigDecimal()
    {
        Random random = new Random(42);
        for (String operator : List.of(FunctionNames.ADD, FunctionNames.SUBTRACT, FunctionNames.MULTIPLY, FunctionNames.DIVIDE)) {
            for (DecimalType left : TYPES) {
                for (DecimalType right : TYPES) {
                    DecimalType result = resultType(operator, left, right);
                    RowExpression expression = new Call(operator, List.of(input(0, left), input(1, right)), result);
                    List<List<Object>> rows = new ArrayList<>();
                    List<Object> expected = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        BigDecimal a = randomValue(random, left, i);
                        BigDecimal b = randomValue(random, right, i + 1);
                        if (operator.equals(FunctionNames.DIVIDE) && b.signum() == 0) {
                            b = BigDecimal.ONE;
                        }
                        BigDecimal value = expected(operator, a, b, result);
                        if (value == null) {
                            // overflow: checked one row at a time below
                            assertOverflow(expression, left, right, a, b);
                            continue;
                        }
                        rows.add(List.of(a, b));
                        expected.add(value);
                    }
                    assertThat(evaluate(expression, List.of(left, right), rows))
                            .as("%s(%s, %s) -> %s", operator, left, right, result)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void testRoundingHalfUpOnDivide()
    {
        DecimalType type = new DecimalType(10, 2);
        DecimalType result = resultType(FunctionNames.DIVIDE, type, type);
        RowExpression divide = new Call(FunctionNames.DIVIDE, List.of(input(0, type), input(1, type)), result);
        assertThat(evaluateRow(divide, List.of(type, type), List.of(new BigDecimal("1.00"), new BigDecimal("8.00")))).isEqualTo(new BigDecimal("0.13"));
        assertThat(evaluateRow(divide, List.of(type, type), List.of(new BigDecimal("-1.00"), new BigDecimal("8.00")))).isEqualTo(new BigDecimal("-0.13"));
        assertThat(evaluateRow(divide, List.of(type, type), List.of(new BigDecimal("2.00"), new BigDecimal("3.00")))).isEqualTo(new BigDecimal("0.67"));
        assertThat(evaluateRow(divide, List.of(type, type), List.of(new BigDecimal("1.00"), new BigDecimal("-3.00")))).isEqualTo(new BigDecimal("-0.33"));
    }

    @Test
    void testDivisionByZero()
    {
        DecimalType type = new DecimalType(12, 2);
        RowExpression divide = new Call(FunctionNames.DIVIDE, List.of(input(0, type), input(1, type)), resultType(FunctionNames.DIVIDE, type, type));
        assertThatThrownBy(() -> evaluateRow(divide, List.of(type, type), List.of(new BigDecimal("1.00"), new BigDecimal("0.00"))))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
        DecimalType wide = new DecimalType(38, 2);
        RowExpression wideDivide = new Call(FunctionNames.DIVIDE, List.of(input(0, wide), input(1, wide)), resultType(FunctionNames.DIVIDE, wide, wide));
        assertThatThrownBy(() -> evaluateRow(wideDivide, List.of(wide, wide), List.of(new BigDecimal("1.00"), new BigDecimal("0.00"))))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
        // a null row never fails
        List<Object> nullRow = new ArrayList<>();
        nullRow.add(null);
        nullRow.add(new BigDecimal("0.00"));
        assertThat(evaluateRow(divide, List.of(type, type), nullRow)).isNull();
    }

    @Test
    void testOverflowOfLongDecimals()
    {
        DecimalType type = new DecimalType(38, 0);
        BigDecimal max = new BigDecimal(BigInteger.TEN.pow(38).subtract(BigInteger.ONE));
        RowExpression add = new Call(FunctionNames.ADD, List.of(input(0, type), input(1, type)), type);
        assertThatThrownBy(() -> evaluateRow(add, List.of(type, type), List.of(max, BigDecimal.ONE)))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
        RowExpression multiply = new Call(FunctionNames.MULTIPLY, List.of(input(0, type), input(1, type)), type);
        assertThatThrownBy(() -> evaluateRow(multiply, List.of(type, type), List.of(max, max)))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
        assertThat(evaluateRow(add, List.of(type, type), List.of(max, max.negate()))).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void testTpchQ1Arithmetic()
    {
        // l_extendedprice * (1 - l_discount) * (1 + l_tax), with Presto's types
        DecimalType price = new DecimalType(15, 2);
        DecimalType one = new DecimalType(1, 0);
        DecimalType discounted = resultType(FunctionNames.SUBTRACT, one, price);
        DecimalType product = resultType(FunctionNames.MULTIPLY, price, discounted);
        DecimalType taxed = resultType(FunctionNames.ADD, one, price);
        DecimalType total = resultType(FunctionNames.MULTIPLY, product, taxed);
        assertThat(product).isEqualTo(new DecimalType(31, 4));
        assertThat(total).isEqualTo(new DecimalType(38, 6));
        RowExpression expression = new Call(FunctionNames.MULTIPLY, List.of(
                new Call(FunctionNames.MULTIPLY, List.of(input(0, price),
                        new Call(FunctionNames.SUBTRACT, List.of(new Constant(1L, one), input(1, price)), discounted)), product),
                new Call(FunctionNames.ADD, List.of(new Constant(1L, one), input(2, price)), taxed)), total);
        Object value = evaluateRow(expression, List.of(price, price, price),
                List.of(new BigDecimal("33078.94"), new BigDecimal("0.04"), new BigDecimal("0.02")));
        assertThat(value).isEqualTo(new BigDecimal("33078.94").multiply(new BigDecimal("0.96")).multiply(new BigDecimal("1.02")).setScale(6));
    }

    private static void assertOverflow(RowExpression expression, Type left, Type right, BigDecimal a, BigDecimal b)
    {
        assertThatThrownBy(() -> evaluateRow(expression, List.of(left, right), List.of(a, b)))
                .as("%s with %s, %s", expression, a, b)
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
    }

    private static BigDecimal randomValue(Random random, DecimalType type, int index)
    {
        // a mix of full-width values, small ones and values near zero
        int digits = switch (index % 3) {
            case 0 -> type.precision();
            case 1 -> Math.max(1, type.precision() / 2);
            default -> 1;
        };
        BigInteger unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, type.scale());
    }

    /** Presto's result types, as {@code FunctionNames} states them. */
    static DecimalType resultType(String operator, DecimalType left, DecimalType right)
    {
        int p1 = left.precision();
        int s1 = left.scale();
        int p2 = right.precision();
        int s2 = right.scale();
        switch (operator) {
            case FunctionNames.ADD:
            case FunctionNames.SUBTRACT:
                return new DecimalType(Math.min(38, 1 + Math.max(p1 - s1, p2 - s2) + Math.max(s1, s2)), Math.max(s1, s2));
            case FunctionNames.MULTIPLY:
                return new DecimalType(Math.min(38, p1 + p2), s1 + s2);
            case FunctionNames.DIVIDE:
                return new DecimalType(Math.min(38, p1 + s2 + Math.max(0, s2 - s1)), Math.max(s1, s2));
            default:
                throw new IllegalArgumentException(operator);
        }
    }

    /** The exact result at the result's scale, or null when it does not fit. */
    private static BigDecimal expected(String operator, BigDecimal a, BigDecimal b, DecimalType result)
    {
        BigDecimal value;
        switch (operator) {
            case FunctionNames.ADD:
                value = a.add(b);
                break;
            case FunctionNames.SUBTRACT:
                value = a.subtract(b);
                break;
            case FunctionNames.MULTIPLY:
                value = a.multiply(b);
                break;
            default:
                value = a.divide(b, result.scale(), RoundingMode.HALF_UP);
                break;
        }
        value = value.setScale(result.scale(), RoundingMode.UNNECESSARY);
        if (value.unscaledValue().abs().compareTo(BigInteger.TEN.pow(result.precision())) >= 0) {
            return null;
        }
        return value;
    }
}

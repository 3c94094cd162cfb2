package io.strata.core.planner;

import io.airlift.slice.Slice;
import io.strata.core.execution.expression.TemporalValues;
import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.InputReference;
import io.strata.core.expression.NestedFunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.RowExpressionVisitor;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SymbolReference;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.CharType;
import io.strata.spi.type.DateType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.Int128;
import io.strata.spi.type.IntervalDayTimeType;
import io.strata.spi.type.IntervalYearMonthType;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RealType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.SmallintType;
import io.strata.spi.type.TimeType;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.TinyintType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarbinaryType;
import io.strata.spi.type.VarcharType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders IR expressions as SQL-like text for EXPLAIN and for messages: operators infix, nested infix
 * operands in parentheses, literals as SQL writes them ({@code DATE '1998-09-02'}, {@code 'R'}, {@code 0.05}).
 * Deterministic: the same expression always gives the same text.
 */
public final class ExpressionFormatter
{
    private static final Map<String, String> INFIX = Map.ofEntries(
            Map.entry(FunctionNames.ADD, "+"),
            Map.entry(FunctionNames.SUBTRACT, "-"),
            Map.entry(FunctionNames.MULTIPLY, "*"),
            Map.entry(FunctionNames.DIVIDE, "/"),
            Map.entry(FunctionNames.MODULUS, "%"),
            Map.entry(FunctionNames.EQUAL, "="),
            Map.entry(FunctionNames.NOT_EQUAL, "<>"),
            Map.entry(FunctionNames.LESS_THAN, "<"),
            Map.entry(FunctionNames.LESS_THAN_OR_EQUAL, "<="),
            Map.entry(FunctionNames.GREATER_THAN, ">"),
            Map.entry(FunctionNames.GREATER_THAN_OR_EQUAL, ">="),
            Map.entry(FunctionNames.IS_DISTINCT_FROM, "IS DISTINCT FROM"));

    private ExpressionFormatter() {}

    public static String format(RowExpression expression)
    {
        return expression.accept(new Formatter(), null);
    }

    /** A value of a type's layout class as a SQL literal. */
    public static String formatValue(Object value, Type type)
    {
        if (value == null) {
            return "null";
        }
        if (type instanceof VarcharType) {
            return "'" + ((Slice) value).toStringUtf8().replace("'", "''") + "'";
        }
        if (type instanceof ArrayType arrayType) {
            return ((List<?>) value).stream().map(element -> formatValue(element, arrayType.elementType())).collect(Collectors.joining(", ", "ARRAY[", "]"));
        }
        if (type instanceof MapType mapType) {
            Map<?, ?> map = (Map<?, ?>) value;
            return "MAP(" + map.keySet().stream().map(key -> formatValue(key, mapType.keyType())).collect(Collectors.joining(", ", "ARRAY[", "]"))
                    + ", " + map.values().stream().map(element -> formatValue(element, mapType.valueType())).collect(Collectors.joining(", ", "ARRAY[", "]")) + ")";
        }
        if (type instanceof RowType rowType) {
            List<?> fields = (List<?>) value;
            StringBuilder row = new StringBuilder("CAST(ROW(");
            for (int i = 0; i < fields.size(); i++) {
                row.append(i > 0 ? ", " : "").append(formatValue(fields.get(i), rowType.fields().get(i).type()));
            }
            return row.append(") AS ").append(rowType.displayName()).append(')').toString();
        }
        if (type instanceof DecimalType decimal) {
            BigInteger unscaled = value instanceof Int128 int128 ? int128.toBigInteger() : BigInteger.valueOf((Long) value);
            return new BigDecimal(unscaled, decimal.scale()).toPlainString();
        }
        if (type instanceof DoubleType) {
            return "DOUBLE '" + value + "'";
        }
        if (type instanceof DateType) {
            return "DATE '" + LocalDate.ofEpochDay((Integer) value) + "'";
        }
        if (type instanceof TinyintType || type instanceof SmallintType) {
            return type.displayName().toUpperCase(Locale.ROOT) + " '" + value + "'";
        }
        if (type instanceof RealType) {
            return "REAL '" + (float) (double) (Double) value + "'";
        }
        if (type instanceof CharType) {
            return "CHAR '" + ((Slice) value).toStringUtf8().replace("'", "''") + "'";
        }
        if (type instanceof VarbinaryType) {
            return "X'" + HexFormat.of().withUpperCase().formatHex(((Slice) value).getBytes()) + "'";
        }
        if (type instanceof TimestampType timestamp) {
            return "TIMESTAMP '" + TemporalValues.formatTimestamp((Long) value, timestamp.precision()) + "'";
        }
        if (type instanceof TimestampWithTimeZoneType zoned) {
            return "TIMESTAMP '" + TemporalValues.formatTimestampWithTimeZone((Long) value, zoned.precision()) + "'";
        }
        if (type instanceof TimeType time) {
            return "TIME '" + TemporalValues.formatTime((Long) value, time.precision()) + "'";
        }
        if (type instanceof IntervalDayTimeType) {
            return formatDayTimeInterval((Long) value);
        }
        if (type instanceof IntervalYearMonthType) {
            int months = (Integer) value;
            String sign = months < 0 ? "-" : "";
            long absolute = Math.abs((long) months);
            if (absolute % 12 == 0) {
                return "INTERVAL '" + sign + absolute / 12 + "' YEAR";
            }
            if (absolute < 12) {
                return "INTERVAL '" + sign + absolute + "' MONTH";
            }
            return "INTERVAL '" + sign + absolute / 12 + "-" + absolute % 12 + "' YEAR TO MONTH";
        }
        return value.toString();
    }

    private static String formatDayTimeInterval(long millis)
    {
        String sign = millis < 0 ? "-" : "";
        long absolute = Math.abs(millis);
        long dayMillis = 86_400_000L;
        if (absolute % dayMillis == 0) {
            return "INTERVAL '" + sign + absolute / dayMillis + "' DAY";
        }
        long days = absolute / dayMillis;
        long rest = absolute % dayMillis;
        return String.format("INTERVAL '%s%d %02d:%02d:%02d.%03d' DAY TO SECOND", sign, days, rest / 3_600_000, rest / 60_000 % 60, rest / 1000 % 60, rest % 1000);
    }

    private static final class Formatter
            implements RowExpressionVisitor<String, Void>
    {
        @Override
        public String visitConstant(Constant constant, Void context)
        {
            return formatValue(constant.value(), constant.type());
        }

        @Override
        public String visitSymbolReference(SymbolReference reference, Void context)
        {
            return reference.symbol().name();
        }

        @Override
        public String visitInputReference(InputReference reference, Void context)
        {
            return "#" + reference.channel();
        }

        @Override
        public String visitCall(Call call, Void context)
        {
            List<RowExpression> arguments = call.arguments();
            String infix = INFIX.get(call.functionName());
            if (infix != null && arguments.size() == 2) {
                return operand(arguments.get(0)) + " " + infix + " " + operand(arguments.get(1));
            }
            if (call.functionName().equals(FunctionNames.NEGATE)) {
                return "-" + operand(arguments.get(0));
            }
            if (call.functionName().equals(FunctionNames.NOT)) {
                return "NOT " + operand(arguments.get(0));
            }
            if (call.functionName().equals(FunctionNames.LIKE)) {
                return operand(arguments.get(0)) + " LIKE " + operand(arguments.get(1)) + (arguments.size() > 2 ? " ESCAPE " + operand(arguments.get(2)) : "");
            }
            switch (call.functionName()) {
                case NestedFunctionNames.ARRAY_CONSTRUCTOR:
                    return "ARRAY[" + list(arguments) + "]";
                case NestedFunctionNames.ROW_CONSTRUCTOR:
                    return "ROW(" + list(arguments) + ")";
                case NestedFunctionNames.SUBSCRIPT:
                    return operand(arguments.get(0)) + "[" + arguments.get(1).accept(this, null) + "]";
                case NestedFunctionNames.FIELD:
                    return operand(arguments.get(0)) + ".field" + arguments.get(1).accept(this, null);
                default:
                    return call.functionName() + "(" + list(arguments) + ")";
            }
        }

        @Override
        public String visitSpecialForm(SpecialForm specialForm, Void context)
        {
            List<RowExpression> arguments = specialForm.arguments();
            switch (specialForm.form()) {
                case AND:
                    return arguments.stream().map(this::operand).collect(Collectors.joining(" AND "));
                case OR:
                    return arguments.stream().map(this::operand).collect(Collectors.joining(" OR "));
                case IS_NULL:
                    return operand(arguments.get(0)) + " IS NULL";
                case IN:
                    return operand(arguments.get(0)) + " IN (" + list(arguments.subList(1, arguments.size())) + ")";
                case BETWEEN:
                    return operand(arguments.get(0)) + " BETWEEN " + operand(arguments.get(1)) + " AND " + operand(arguments.get(2));
                case CAST:
                    return "CAST(" + format(arguments.get(0)) + " AS " + specialForm.type().displayName() + ")";
                case TRY_CAST:
                    return "TRY_CAST(" + format(arguments.get(0)) + " AS " + specialForm.type().displayName() + ")";
                case IF:
                    return "IF(" + list(arguments) + ")";
                case COALESCE:
                    return "COALESCE(" + list(arguments) + ")";
                case NULL_IF:
                    return "NULLIF(" + list(arguments) + ")";
                case SWITCH:
                    StringBuilder builder = new StringBuilder("CASE");
                    for (int i = 0; i + 1 < arguments.size(); i += 2) {
                        builder.append(" WHEN ").append(format(arguments.get(i))).append(" THEN ").append(format(arguments.get(i + 1)));
                    }
                    return builder.append(" ELSE ").append(format(arguments.get(arguments.size() - 1))).append(" END").toString();
            }
            throw new IllegalArgumentException("unknown form " + specialForm.form());
        }

        private String list(List<RowExpression> expressions)
        {
            return expressions.stream().map(ExpressionFormatter::format).collect(Collectors.joining(", "));
        }

        private String operand(RowExpression expression)
        {
            String text = format(expression);
            return needsParentheses(expression) ? "(" + text + ")" : text;
        }

        private static boolean needsParentheses(RowExpression expression)
        {
            if (expression instanceof Call call) {
                return INFIX.containsKey(call.functionName()) || call.functionName().equals(FunctionNames.LIKE) || call.functionName().equals(FunctionNames.NOT)
                        || call.functionName().equals(FunctionNames.NEGATE);
            }
            if (expression instanceof SpecialForm specialForm) {
                switch (specialForm.form()) {
                    case AND:
                    case OR:
                    case IS_NULL:
                    case IN:
                    case BETWEEN:
                        return true;
                    case CAST:
                    case TRY_CAST:
                    case IF:
                    case COALESCE:
                    case NULL_IF:
                    case SWITCH:
                        return false;
                }
            }
            if (expression instanceof Constant constant && constant.value() instanceof Number number) {
                return number.doubleValue() < 0;
            }
            return false;
        }
    }
}

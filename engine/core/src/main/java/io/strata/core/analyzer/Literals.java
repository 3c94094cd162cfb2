package io.strata.core.analyzer;

import io.airlift.slice.Slices;
import io.strata.core.expression.Constant;
import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Int128;
import io.strata.sql.tree.IntervalLiteral;
import io.strata.sql.tree.IntervalLiteral.IntervalField;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static io.strata.spi.type.VarcharType.createVarcharType;

/**
 * Literals typed as Presto types them: an integer literal is {@code integer} when it fits, else
 * {@code bigint}; {@code 1.5} is {@code decimal(2,1)}; {@code 'abc'} is {@code varchar(3)}; {@code DATE '...'},
 * {@code INTERVAL '90' DAY} and the other typed literals are checked here, at analysis time.
 */
final class Literals
{
    private static final Pattern DECIMAL = Pattern.compile("^\\s*([+-]?)(\\d*)(?:\\.(\\d*))?\\s*$");
    private static final Pattern INTEGER_TEXT = Pattern.compile("^\\s*[+-]?\\d+\\s*$");
    private static final long MILLIS_PER_SECOND = 1000;
    private static final long MILLIS_PER_MINUTE = 60 * MILLIS_PER_SECOND;
    private static final long MILLIS_PER_HOUR = 60 * MILLIS_PER_MINUTE;
    private static final long MILLIS_PER_DAY = 24 * MILLIS_PER_HOUR;

    private Literals() {}

    static Constant integerLiteral(long value)
    {
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            return new Constant((int) value, INTEGER);
        }
        return new Constant(value, BIGINT);
    }

    static Constant varcharLiteral(String value)
    {
        return new Constant(Slices.utf8Slice(value), createVarcharType(value.codePointCount(0, value.length())));
    }

    /**
     * A decimal literal: scale is the number of digits after the point, precision the digits without leading
     * zeros ({@code 0.05} is {@code decimal(2,2)}, {@code 1.} is {@code decimal(1,0)}).
     */
    static Constant decimalLiteral(String text, Optional<Location> location)
    {
        Matcher matcher = DECIMAL.matcher(text);
        if (!matcher.matches() || (matcher.group(2).isEmpty() && (matcher.group(3) == null || matcher.group(3).isEmpty()))) {
            throw new StrataException(ErrorCode.INVALID_LITERAL, location, "Invalid decimal literal: '" + text + "'", null);
        }
        String integral = matcher.group(2).replaceFirst("^0+", "");
        String fraction = matcher.group(3) == null ? "" : matcher.group(3);
        int scale = fraction.length();
        int precision = Math.max(1, integral.length() + scale);
        if (precision > DecimalType.MAX_PRECISION) {
            throw new StrataException(ErrorCode.INVALID_LITERAL, location, "Decimal literal has more than 38 digits: " + text.trim(), null);
        }
        BigInteger unscaled = new BigInteger((integral.isEmpty() ? "0" : integral) + fraction);
        if (matcher.group(1).equals("-")) {
            unscaled = unscaled.negate();
        }
        DecimalType type = new DecimalType(precision, scale);
        return new Constant(type.isShort() ? (Object) unscaled.longValueExact() : Int128.valueOf(unscaled), type);
    }

    static Constant dateLiteral(String text, Optional<Location> location)
    {
        try {
            return new Constant((int) LocalDate.parse(text.trim()).toEpochDay(), DATE);
        }
        catch (DateTimeParseException e) {
            throw new StrataException(ErrorCode.INVALID_LITERAL, location, "'" + text + "' is not a valid date literal", null);
        }
    }

    /** {@code TYPE 'value'} for the types Strata has. */
    static Constant genericLiteral(String typeName, String value, Optional<Location> location)
    {
        String name = typeName.toLowerCase(Locale.ENGLISH);
        if (ScalarLiterals.isScalarLiteralType(name)) {
            return ScalarLiterals.literal(name, value, location);
        }
        switch (name) {
            case "date":
                return dateLiteral(value, location);
            case "decimal":
                return decimalLiteral(value, location);
            case "varchar":
                return new Constant(Slices.utf8Slice(value), VARCHAR);
            case "boolean":
                if (value.trim().equalsIgnoreCase("true")) {
                    return new Constant(true, BOOLEAN);
                }
                if (value.trim().equalsIgnoreCase("false")) {
                    return new Constant(false, BOOLEAN);
                }
                break;
            case "integer":
            case "int":
            case "bigint":
                if (INTEGER_TEXT.matcher(value).matches()) {
                    try {
                        long number = Long.parseLong(value.trim());
                        if (name.equals("bigint")) {
                            return new Constant(number, BIGINT);
                        }
                        if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
                            return new Constant((int) number, INTEGER);
                        }
                    }
                    catch (NumberFormatException e) {
                        // out of range: reported below
                    }
                }
                break;
            case "double":
                try {
                    return new Constant(Double.parseDouble(value.trim()), DOUBLE);
                }
                catch (NumberFormatException e) {
                    break;
                }
            default:
                if (DataTypes.isKnownButUnsupported(name)) {
                    throw new StrataException(ErrorCode.NOT_SUPPORTED, location, "Literals of type " + name + " are not supported yet", null);
                }
                throw new StrataException(ErrorCode.TYPE_MISMATCH, location, "Unknown type: " + name, null);
        }
        throw new StrataException(ErrorCode.INVALID_LITERAL, location, "'" + value + "' is not a valid " + name + " literal", null);
    }

    /** {@code INTERVAL 'value' field [TO field]}: milliseconds for day-to-second fields, months for year-to-month. */
    static Constant intervalLiteral(IntervalLiteral literal)
    {
        IntervalField start = literal.startField();
        IntervalField end = literal.endField().orElse(start);
        Optional<Location> location = literal.location();
        String text = literal.value().trim();
        boolean negative = literal.sign() == IntervalLiteral.Sign.NEGATIVE;
        if (text.startsWith("-")) {
            negative = !negative;
            text = text.substring(1).trim();
        }
        else if (text.startsWith("+")) {
            text = text.substring(1).trim();
        }
        boolean yearMonth = start == IntervalField.YEAR || start == IntervalField.MONTH;
        if (yearMonth != (end == IntervalField.YEAR || end == IntervalField.MONTH) || end.ordinal() < start.ordinal()) {
            throw new StrataException(ErrorCode.INVALID_LITERAL, location, "Invalid interval qualifier: " + start + " TO " + end, null);
        }
        List<IntervalField> fields = List.of(IntervalField.values()).subList(start.ordinal(), end.ordinal() + 1);
        String[] parts = text.split(yearMonth ? "-" : "[ :]", -1);
        if (parts.length != fields.size()) {
            throw invalidInterval(literal);
        }
        try {
            if (yearMonth) {
                long months = 0;
                for (int i = 0; i < parts.length; i++) {
                    long value = Long.parseLong(parts[i]);
                    months += fields.get(i) == IntervalField.YEAR ? Math.multiplyExact(value, 12) : value;
                }
                return new Constant(Math.toIntExact(negative ? -months : months), INTERVAL_YEAR_MONTH);
            }
            long millis = 0;
            for (int i = 0; i < parts.length; i++) {
                IntervalField field = fields.get(i);
                if (field == IntervalField.SECOND) {
                    millis = Math.addExact(millis, new BigDecimal(parts[i]).multiply(BigDecimal.valueOf(MILLIS_PER_SECOND)).longValueExact());
                    continue;
                }
                long unit = switch (field) {
                    case DAY -> MILLIS_PER_DAY;
                    case HOUR -> MILLIS_PER_HOUR;
                    case MINUTE -> MILLIS_PER_MINUTE;
                    default -> throw invalidInterval(literal);
                };
                millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(parts[i]), unit));
            }
            return new Constant(negative ? -millis : millis, INTERVAL_DAY_TIME);
        }
        catch (NumberFormatException | ArithmeticException e) {
            throw invalidInterval(literal);
        }
    }

    private static StrataException invalidInterval(IntervalLiteral literal)
    {
        return new StrataException(ErrorCode.INVALID_LITERAL, literal.location(), "'" + literal.value() + "' is not a valid interval literal", null);
    }
}

package io.strata.core.json;

import io.strata.spi.type.ArrayType;
import io.strata.spi.type.CharType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.TimeType;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static io.strata.spi.type.RealType.REAL;
import static io.strata.spi.type.SmallintType.SMALLINT;
import static io.strata.spi.type.TinyintType.TINYINT;
import static io.strata.spi.type.UnknownType.UNKNOWN;
import static io.strata.spi.type.VarbinaryType.VARBINARY;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * A type as one string and back: the type's display name ({@code decimal(12,2)}, {@code timestamp(3) with time zone},
 * {@code map(varchar,array(bigint))}), except that a row's field names are always double-quoted
 * ({@code row("a" bigint,"b c" varchar)}) so that any name survives the trip.
 */
public final class TypeSignatures
{
    private TypeSignatures() {}

    public static String signature(Type type)
    {
        requireNonNull(type, "type is null");
        if (type instanceof ArrayType array) {
            return "array(" + signature(array.elementType()) + ")";
        }
        if (type instanceof MapType map) {
            return "map(" + signature(map.keyType()) + "," + signature(map.valueType()) + ")";
        }
        if (type instanceof RowType row) {
            StringBuilder text = new StringBuilder("row(");
            for (int i = 0; i < row.fields().size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                RowType.Field field = row.fields().get(i);
                field.name().ifPresent(name -> text.append('"').append(name.replace("\"", "\"\"")).append("\" "));
                text.append(signature(field.type()));
            }
            return text.append(')').toString();
        }
        return type.displayName();
    }

    /** Parses what {@link #signature} writes; anything else is an {@link IllegalArgumentException}. */
    public static Type parse(String signature)
    {
        requireNonNull(signature, "signature is null");
        Parser parser = new Parser(signature);
        Type type = parser.type();
        if (parser.position != signature.length()) {
            throw parser.error("unexpected text");
        }
        return type;
    }

    private static final class Parser
    {
        private final String text;
        private int position;

        Parser(String text)
        {
            this.text = text;
        }

        Type type()
        {
            String base = words();
            if (base.equals("array") || base.equals("map") || base.equals("row")) {
                expect('(');
                Type type = switch (base) {
                    case "array" -> new ArrayType(type());
                    case "map" -> {
                        Type key = type();
                        expect(',');
                        yield new MapType(key, type());
                    }
                    default -> row();
                };
                expect(')');
                return type;
            }
            List<Long> parameters = new ArrayList<>();
            if (peek() == '(') {
                position++;
                do {
                    parameters.add(number());
                }
                while (accept(','));
                expect(')');
            }
            String suffix = words();
            String name = suffix.isEmpty() ? base : base + " " + suffix;
            try {
                return simple(name, parameters);
            }
            catch (IllegalArgumentException e) {
                // a type's own check (decimal precision, timestamp precision...) names no signature: add it
                throw e.getMessage() != null && e.getMessage().startsWith("not a type signature") ? e : error(e.getMessage());
            }
        }

        private RowType row()
        {
            List<RowType.Field> fields = new ArrayList<>();
            do {
                Optional<String> name = Optional.empty();
                if (peek() == '"') {
                    name = Optional.of(quoted());
                    expect(' ');
                }
                fields.add(new RowType.Field(name, type()));
            }
            while (accept(','));
            return new RowType(fields);
        }

        private Type simple(String name, List<Long> parameters)
        {
            int count = parameters.size();
            Type type = switch (name) {
                case "boolean" -> BOOLEAN;
                case "tinyint" -> TINYINT;
                case "smallint" -> SMALLINT;
                case "integer" -> INTEGER;
                case "bigint" -> BIGINT;
                case "real" -> REAL;
                case "double" -> DOUBLE;
                case "date" -> DATE;
                case "varbinary" -> VARBINARY;
                case "unknown" -> UNKNOWN;
                case "interval day to second" -> INTERVAL_DAY_TIME;
                case "interval year to month" -> INTERVAL_YEAR_MONTH;
                case "varchar" -> count == 0 ? VARCHAR : VarcharType.createVarcharType(intParameter(parameters, 0));
                case "decimal" -> count == 2 ? new DecimalType(intParameter(parameters, 0), intParameter(parameters, 1)) : null;
                case "char" -> count == 1 ? new CharType(intParameter(parameters, 0)) : null;
                case "time" -> count == 1 ? new TimeType(intParameter(parameters, 0)) : null;
                case "timestamp" -> count == 1 ? new TimestampType(intParameter(parameters, 0)) : null;
                case "timestamp with time zone" -> count == 1 ? new TimestampWithTimeZoneType(intParameter(parameters, 0)) : null;
                default -> throw error("unknown type '" + name + "'");
            };
            if (type == null || !type.parameters().equals(parameters)) {
                throw error("wrong parameters for " + name + ": " + parameters);
            }
            return type;
        }

        private int intParameter(List<Long> parameters, int index)
        {
            long value = parameters.get(index);
            if (value != (int) value) {
                throw error("parameter out of range: " + value);
            }
            return (int) value;
        }

        /** Lower-case words separated by single spaces (a base name such as {@code interval day to second}). */
        private String words()
        {
            if (peek() == ' ' && position > 0 && text.charAt(position - 1) == ')') {
                // the suffix of timestamp(p) with time zone
                position++;
            }
            int start = position;
            while (position < text.length()) {
                char c = text.charAt(position);
                boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                boolean space = c == ' ' && position > start && position + 1 < text.length() && Character.isLetter(text.charAt(position + 1));
                if (!word && !space) {
                    break;
                }
                position++;
            }
            return text.substring(start, position).trim();
        }

        private long number()
        {
            int start = position;
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
            if (start == position || position - start > 18) {
                throw error("expected a number");
            }
            return Long.parseLong(text.substring(start, position));
        }

        private String quoted()
        {
            expect('"');
            StringBuilder name = new StringBuilder();
            while (true) {
                if (position >= text.length()) {
                    throw error("unterminated field name");
                }
                char c = text.charAt(position++);
                if (c == '"') {
                    if (peek() != '"') {
                        return name.toString();
                    }
                    position++;
                }
                name.append(c);
            }
        }

        private char peek()
        {
            return position < text.length() ? text.charAt(position) : '\0';
        }

        private boolean accept(char expected)
        {
            if (peek() == expected) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(char expected)
        {
            if (!accept(expected)) {
                throw error("expected '" + expected + "'");
            }
        }

        private IllegalArgumentException error(String message)
        {
            return new IllegalArgumentException("not a type signature: '" + text + "': " + message + " at " + position);
        }
    }
}

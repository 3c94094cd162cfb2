package io.strata.core.analyzer;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.core.execution.expression.TemporalValues;
import io.strata.core.expression.Constant;
import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.spi.type.CharType;
import io.strata.spi.type.TimeType;
import io.strata.spi.type.TimestampType;

import java.util.Optional;

import static io.strata.spi.type.RealType.REAL;
import static io.strata.spi.type.SmallintType.SMALLINT;
import static io.strata.spi.type.TinyintType.TINYINT;
import static io.strata.spi.type.VarbinaryType.VARBINARY;

/**
 * Typed literals of {@code tinyint}, {@code smallint}, {@code real}, {@code char}, {@code varbinary}
 * ({@code X'0A0B'}), {@code time} and {@code timestamp}. As in Presto, {@code CHAR 'ab'} is {@code char(2)} and
 * a time or timestamp literal has the precision of the fraction digits written ({@code TIMESTAMP
 * '2020-01-02 03:04:05'} is {@code timestamp(0)}).
 */
final class ScalarLiterals
{
    private ScalarLiterals() {}

    static boolean isScalarLiteralType(String name)
    {
        switch (name) {
            case "tinyint":
            case "smallint":
            case "real":
            case "char":
            case "x":
            case "varbinary":
            case "time":
            case "timestamp":
                return true;
            default:
                return false;
        }
    }

    static Constant literal(String name, String value, Optional<Location> location)
    {
        switch (name) {
            case "tinyint":
            case "smallint": {
                long limit = name.equals("tinyint") ? Byte.MAX_VALUE : Short.MAX_VALUE;
                try {
                    long number = Long.parseLong(value.trim());
                    if (number >= -limit - 1 && number <= limit) {
                        return new Constant((int) number, name.equals("tinyint") ? TINYINT : SMALLINT);
                    }
                }
                catch (NumberFormatException e) {
                    // reported below
                }
                break;
            }
            case "real":
                try {
                    return new Constant((double) Float.parseFloat(value.trim()), REAL);
                }
                catch (NumberFormatException e) {
                    break;
                }
            case "char": {
                int length = Math.max(1, value.codePointCount(0, value.length()));
                if (length > CharType.MAX_LENGTH) {
                    break;
                }
                return new Constant(trimTrailingSpaces(value), CharType.createCharType(length));
            }
            case "x":
            case "varbinary":
                return binaryLiteral(value, location);
            case "time": {
                Optional<TemporalValues.Parsed> parsed = TemporalValues.parseTime(value);
                if (parsed.isEmpty() || parsed.get().fractionDigits() > TimeType.MAX_PRECISION) {
                    break;
                }
                return new Constant(parsed.get().micros(), TimeType.createTimeType(parsed.get().fractionDigits()));
            }
            case "timestamp": {
                Optional<TemporalValues.Parsed> parsed = TemporalValues.parseTimestamp(value);
                if (parsed.isEmpty() || parsed.get().fractionDigits() > TimestampType.MAX_PRECISION) {
                    break;
                }
                return new Constant(parsed.get().micros(), TimestampType.createTimestampType(parsed.get().fractionDigits()));
            }
            default:
                throw new IllegalArgumentException("not a scalar literal type: " + name);
        }
        throw new StrataException(ErrorCode.INVALID_LITERAL, location, "'" + value + "' is not a valid " + name + " literal", null);
    }

    private static Slice trimTrailingSpaces(String value)
    {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return Slices.utf8Slice(value.substring(0, end));
    }

    /** {@code X'0A 0B'}: hexadecimal digit pairs, whitespace ignored. */
    private static Constant binaryLiteral(String value, Optional<Location> location)
    {
        String digits = value.replaceAll("\\s", "");
        if (!digits.matches("[0-9a-fA-F]*")) {
            throw new StrataException(ErrorCode.INVALID_LITERAL, location, "Binary literal can only contain hexadecimal digits", null);
        }
        if (digits.length() % 2 != 0) {
            throw new StrataException(ErrorCode.INVALID_LITERAL, location, "Binary literal must contain an even number of digits", null);
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return new Constant(Slices.wrappedBuffer(bytes), VARBINARY);
    }
}

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
import io.strata.spi.type.TimeZoneKey;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;
import io.strata.sql.tree.CurrentTime;
import io.strata.sql.tree.Extract;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
                if (parsed.isEmpty()) {
                    Optional<TemporalValues.ParsedWithZone> zoned = TemporalValues.parseTimestampWithTimeZone(value);
                    if (zoned.isEmpty() || zoned.get().fractionDigits() > TimestampWithTimeZoneType.MAX_PRECISION) {
                        break;
                    }
                    int key = zoned.get().zoneKey();
                    return new Constant(TimeZoneKey.pack(TemporalValues.toUtcMillis(zoned.get().localMicros(), key), key),
                            TimestampWithTimeZoneType.createTimestampWithTimeZoneType(zoned.get().fractionDigits()));
                }
                if (parsed.get().fractionDigits() > TimestampType.MAX_PRECISION) {
                    break;
                }
                return new Constant(parsed.get().micros(), TimestampType.createTimestampType(parsed.get().fractionDigits()));
            }
            default:
                throw new IllegalArgumentException("not a scalar literal type: " + name);
        }
        throw new StrataException(ErrorCode.INVALID_LITERAL, location, "'" + value + "' is not a valid " + name + " literal", null);
    }

    /** The function EXTRACT of a field of a timestamp or time calls, if it is one of those. */
    static Optional<String> extractFunction(Extract.Field field, Type type)
    {
        boolean timestamp = type instanceof TimestampType;
        if (!timestamp && !(type instanceof TimeType)) {
            return Optional.empty();
        }
        switch (field) {
            case YEAR:
                return timestamp ? Optional.of("year") : Optional.empty();
            case MONTH:
                return timestamp ? Optional.of("month") : Optional.empty();
            case DAY:
            case DAY_OF_MONTH:
                return timestamp ? Optional.of("day") : Optional.empty();
            case HOUR:
                return Optional.of("hour");
            case MINUTE:
                return Optional.of("minute");
            case SECOND:
                return Optional.of("second");
            default:
                return Optional.empty();
        }
    }

    /**
     * {@code LOCALTIMESTAMP} and {@code LOCALTIME} (precision 3 unless given): the query's start in the session's
     * time zone; empty for the others.
     */
    static Optional<Constant> currentTime(CurrentTime.Function function, Optional<Integer> precision, Instant start, ZoneId zone)
    {
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        long micros = local.toEpochSecond(ZoneOffset.UTC) * TemporalValues.MICROS_PER_SECOND + local.getNano() / 1000;
        switch (function) {
            case LOCALTIMESTAMP: {
                int digits = Math.min(precision.orElse(TimestampType.DEFAULT_PRECISION), TimestampType.MAX_PRECISION);
                return Optional.of(new Constant(TemporalValues.round(micros, digits), TimestampType.createTimestampType(digits)));
            }
            case LOCALTIME: {
                int digits = Math.min(precision.orElse(TimeType.DEFAULT_PRECISION), TimeType.MAX_PRECISION);
                long timeOfDay = Math.floorMod(TemporalValues.round(micros, digits), TemporalValues.MICROS_PER_DAY);
                return Optional.of(new Constant(timeOfDay, TimeType.createTimeType(digits)));
            }
            case CURRENT_TIMESTAMP: {
                int digits = Math.min(precision.orElse(TimestampWithTimeZoneType.DEFAULT_PRECISION), TimestampWithTimeZoneType.MAX_PRECISION);
                int key = TimeZoneKey.of(zone).orElse(TimeZoneKey.UTC_KEY);
                long factor = digits == 3 ? 1 : digits == 2 ? 10 : digits == 1 ? 100 : 1000;
                long millis = Math.floorDiv(start.toEpochMilli() + factor / 2, factor) * factor;
                return Optional.of(new Constant(TimeZoneKey.pack(millis, key), TimestampWithTimeZoneType.createTimestampWithTimeZoneType(digits)));
            }
            default:
                return Optional.empty();
        }
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

package io.strata.core.metadata;

import io.strata.spi.type.BigintType;
import io.strata.spi.type.CharType;
import io.strata.spi.type.DateType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.RealType;
import io.strata.spi.type.SmallintType;
import io.strata.spi.type.TimeType;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.TinyintType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarbinaryType;
import io.strata.spi.type.VarcharType;

import java.util.Optional;

import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.RealType.REAL;

/**
 * Presto's coercion rules where {@code tinyint}, {@code smallint}, {@code real}, {@code char(n)},
 * {@code varbinary}, {@code time(p)} or {@code timestamp(p)} take part; {@link TypeCoercion} asks here first
 * and keeps its own rules for the other types.
 * <p>
 * Implicit: {@code tinyint -> smallint -> integer -> bigint -> real -> double}, each integer type to a
 * decimal wide enough for it, decimal to {@code real} and {@code double}; {@code varchar(n)} to
 * {@code char(m)} with {@code m >= n} and {@code char(n)} to {@code char(m)} with {@code m >= n};
 * {@code time(p)} and {@code timestamp(p)} to a higher precision; {@code date} to {@code timestamp(p)}.
 */
final class ScalarTypeCoercion
{
    static final DecimalType TINYINT_AS_DECIMAL = new DecimalType(3, 0);
    static final DecimalType SMALLINT_AS_DECIMAL = new DecimalType(5, 0);

    private ScalarTypeCoercion() {}

    static boolean involves(Type type)
    {
        return type instanceof TinyintType || type instanceof SmallintType || type instanceof RealType || type instanceof CharType
                || type instanceof VarbinaryType || type instanceof TimeType || type instanceof TimestampType || type instanceof TimestampWithTimeZoneType;
    }

    /** The answer when either type is one of this class's, else empty. */
    static Optional<Boolean> canCoerce(Type from, Type to)
    {
        if (!involves(from) && !involves(to)) {
            return Optional.empty();
        }
        int fromRank = integerRank(from);
        if (fromRank >= 0) {
            int toRank = integerRank(to);
            if (toRank >= 0) {
                return Optional.of(toRank >= fromRank);
            }
            if (to instanceof DecimalType decimal) {
                DecimalType needed = TypeCoercion.asDecimal(from);
                return Optional.of(decimal.scale() >= 0 && decimal.precision() - decimal.scale() >= needed.precision());
            }
            return Optional.of(to instanceof RealType || to instanceof DoubleType);
        }
        if (from instanceof DecimalType) {
            return Optional.of(to instanceof RealType);
        }
        if (from instanceof RealType) {
            return Optional.of(to instanceof DoubleType);
        }
        if (to instanceof CharType target) {
            if (from instanceof CharType source) {
                return Optional.of(target.length() >= source.length());
            }
            if (from instanceof VarcharType varchar) {
                return Optional.of(!varchar.isUnbounded() && varchar.length().getAsInt() <= target.length());
            }
            return Optional.of(false);
        }
        if (to instanceof TimestampWithTimeZoneType target) {
            if (from instanceof TimestampWithTimeZoneType source) {
                return Optional.of(target.precision() >= source.precision());
            }
            if (from instanceof TimestampType source) {
                return Optional.of(target.precision() >= Math.min(source.precision(), TimestampWithTimeZoneType.MAX_PRECISION));
            }
            return Optional.of(from instanceof DateType);
        }
        if (to instanceof TimestampType target) {
            if (from instanceof TimestampType source) {
                return Optional.of(target.precision() >= source.precision());
            }
            return Optional.of(from instanceof DateType);
        }
        if (from instanceof TimeType source && to instanceof TimeType target) {
            return Optional.of(target.precision() >= source.precision());
        }
        return Optional.of(false);
    }

    /** The common super type when either type is one of this class's (possibly none), else empty. */
    static Optional<Optional<Type>> commonSuperType(Type first, Type second)
    {
        if (!involves(first) && !involves(second)) {
            return Optional.empty();
        }
        if (TypeCoercion.isNumeric(first) && TypeCoercion.isNumeric(second)) {
            if (first instanceof DoubleType || second instanceof DoubleType) {
                return Optional.of(Optional.of(DOUBLE));
            }
            if (first instanceof RealType || second instanceof RealType) {
                return Optional.of(Optional.of(REAL));
            }
            if (first instanceof DecimalType || second instanceof DecimalType) {
                return Optional.of(Optional.of(TypeCoercion.decimalSuperType(TypeCoercion.asDecimal(first), TypeCoercion.asDecimal(second))));
            }
            return Optional.of(Optional.of(integerRank(first) >= integerRank(second) ? first : second));
        }
        if (first instanceof CharType || second instanceof CharType) {
            Optional<Integer> firstLength = charLength(first);
            Optional<Integer> secondLength = charLength(second);
            if (firstLength.isEmpty() || secondLength.isEmpty()) {
                return Optional.of(Optional.empty());
            }
            return Optional.of(Optional.of(CharType.createCharType(Math.max(firstLength.get(), secondLength.get()))));
        }
        if (first instanceof TimestampWithTimeZoneType || second instanceof TimestampWithTimeZoneType) {
            Optional<Integer> firstPrecision = zonedPrecision(first);
            Optional<Integer> secondPrecision = zonedPrecision(second);
            if (firstPrecision.isEmpty() || secondPrecision.isEmpty()) {
                return Optional.of(Optional.empty());
            }
            return Optional.of(Optional.of(TimestampWithTimeZoneType.createTimestampWithTimeZoneType(Math.max(firstPrecision.get(), secondPrecision.get()))));
        }
        if (first instanceof TimestampType || second instanceof TimestampType) {
            Optional<Integer> firstPrecision = timestampPrecision(first);
            Optional<Integer> secondPrecision = timestampPrecision(second);
            if (firstPrecision.isEmpty() || secondPrecision.isEmpty()) {
                return Optional.of(Optional.empty());
            }
            return Optional.of(Optional.of(TimestampType.createTimestampType(Math.max(firstPrecision.get(), secondPrecision.get()))));
        }
        if (first instanceof TimeType left && second instanceof TimeType right) {
            return Optional.of(Optional.of(TimeType.createTimeType(Math.max(left.precision(), right.precision()))));
        }
        return Optional.of(Optional.empty());
    }

    /**
     * Whether an explicit CAST is allowed beyond the implicit coercions and the numeric, boolean and varchar
     * casts {@link TypeCoercion#canCast} allows for every number.
     */
    static boolean canCast(Type from, Type to)
    {
        boolean fromText = from instanceof VarcharType || from instanceof CharType;
        boolean toText = to instanceof VarcharType || to instanceof CharType;
        if (fromText && toText) {
            return true;
        }
        if (from instanceof VarcharType && to instanceof VarbinaryType) {
            return true;
        }
        boolean fromTemporal = from instanceof TimestampType || from instanceof TimeType;
        boolean toTemporal = to instanceof TimestampType || to instanceof TimeType;
        if ((fromTemporal && to instanceof VarcharType) || (from instanceof VarcharType && toTemporal)) {
            return true;
        }
        if (from instanceof TimestampType && (to instanceof DateType || to instanceof TimeType || to instanceof TimestampType)) {
            return true;
        }
        if (from instanceof TimeType && to instanceof TimeType) {
            return true;
        }
        if (from instanceof TimestampWithTimeZoneType) {
            return to instanceof VarcharType || to instanceof DateType || to instanceof TimestampType || to instanceof TimeType || to instanceof TimestampWithTimeZoneType;
        }
        if (to instanceof TimestampWithTimeZoneType) {
            return from instanceof VarcharType || from instanceof TimestampType || from instanceof DateType;
        }
        return false;
    }

    /** 0 for tinyint up to 3 for bigint, -1 for other types. */
    private static int integerRank(Type type)
    {
        if (type instanceof TinyintType) {
            return 0;
        }
        if (type instanceof SmallintType) {
            return 1;
        }
        if (type instanceof IntegerType) {
            return 2;
        }
        if (type instanceof BigintType) {
            return 3;
        }
        return -1;
    }

    private static Optional<Integer> charLength(Type type)
    {
        if (type instanceof CharType charType) {
            return Optional.of(charType.length());
        }
        if (type instanceof VarcharType varchar && !varchar.isUnbounded()) {
            return Optional.of(Math.max(1, varchar.length().getAsInt()));
        }
        if (type instanceof VarcharType) {
            return Optional.of(CharType.MAX_LENGTH);
        }
        return Optional.empty();
    }

    private static Optional<Integer> zonedPrecision(Type type)
    {
        if (type instanceof TimestampWithTimeZoneType zoned) {
            return Optional.of(zoned.precision());
        }
        return timestampPrecision(type).map(precision -> Math.min(precision, TimestampWithTimeZoneType.MAX_PRECISION));
    }

    private static Optional<Integer> timestampPrecision(Type type)
    {
        if (type instanceof TimestampType timestamp) {
            return Optional.of(timestamp.precision());
        }
        if (type instanceof DateType) {
            return Optional.of(0);
        }
        return Optional.empty();
    }
}

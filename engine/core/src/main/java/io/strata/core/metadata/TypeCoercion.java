package io.strata.core.metadata;

import io.strata.spi.type.BigintType;
import io.strata.spi.type.BooleanType;
import io.strata.spi.type.DateType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.IntervalDayTimeType;
import io.strata.spi.type.IntervalYearMonthType;
import io.strata.spi.type.RealType;
import io.strata.spi.type.SmallintType;
import io.strata.spi.type.TinyintType;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;
import io.strata.spi.type.VarcharType;

import java.util.List;
import java.util.Optional;

import static io.strata.spi.type.DecimalType.MAX_PRECISION;
import static io.strata.spi.type.DoubleType.DOUBLE;

/**
 * Presto's implicit coercions and common super types, for the types Strata has.
 * <p>
 * Implicit coercions (what the analyzer may insert as a {@code CAST} without being asked):
 * {@code unknown} to anything; {@code integer} to {@code bigint}, to {@code decimal(p,s)} with
 * {@code p - s >= 10} and to {@code double}; {@code bigint} to {@code decimal(p,s)} with {@code p - s >= 19} and
 * to {@code double}; {@code decimal(p,s)} to a decimal at least as wide on both sides of the point and to
 * {@code double}; {@code varchar(n)} to {@code varchar(m)} with {@code m >= n} and to unbounded {@code varchar}.
 * Nothing else, in particular not {@code varchar} to {@code date}.
 */
public final class TypeCoercion
{
    /** The decimal an {@code integer} widens to. */
    public static final DecimalType INTEGER_AS_DECIMAL = new DecimalType(10, 0);
    /** The decimal a {@code bigint} widens to. */
    public static final DecimalType BIGINT_AS_DECIMAL = new DecimalType(19, 0);

    private TypeCoercion() {}

    public static boolean canCoerce(Type from, Type to)
    {
        if (from.equals(to) || from instanceof UnknownType) {
            return true;
        }
        if (from.layout().isNested() || to.layout().isNested()) {
            return NestedTypeCoercion.canCoerce(from, to);
        }
        Optional<Boolean> scalar = ScalarTypeCoercion.canCoerce(from, to);
        if (scalar.isPresent()) {
            return scalar.get();
        }
        if (from instanceof IntegerType) {
            return to instanceof BigintType || to instanceof DoubleType || (to instanceof DecimalType decimal && isWiderDecimal(INTEGER_AS_DECIMAL, decimal));
        }
        if (from instanceof BigintType) {
            return to instanceof DoubleType || (to instanceof DecimalType decimal && isWiderDecimal(BIGINT_AS_DECIMAL, decimal));
        }
        if (from instanceof DecimalType decimal) {
            return to instanceof DoubleType || (to instanceof DecimalType target && isWiderDecimal(decimal, target));
        }
        if (from instanceof VarcharType varchar && to instanceof VarcharType target) {
            return target.isUnbounded() || (!varchar.isUnbounded() && target.length().getAsInt() >= varchar.length().getAsInt());
        }
        return false;
    }

    private static boolean isWiderDecimal(DecimalType from, DecimalType to)
    {
        return to.scale() >= from.scale() && to.precision() - to.scale() >= from.precision() - from.scale();
    }

    /** The narrowest type both coerce to, if any. */
    public static Optional<Type> commonSuperType(Type first, Type second)
    {
        if (first.equals(second)) {
            return Optional.of(first);
        }
        if (first instanceof UnknownType) {
            return Optional.of(second);
        }
        if (second instanceof UnknownType) {
            return Optional.of(first);
        }
        if (first.layout().isNested() || second.layout().isNested()) {
            return NestedTypeCoercion.commonSuperType(first, second);
        }
        Optional<Optional<Type>> scalar = ScalarTypeCoercion.commonSuperType(first, second);
        if (scalar.isPresent()) {
            return scalar.get();
        }
        if (first instanceof VarcharType left && second instanceof VarcharType right) {
            if (left.isUnbounded() || right.isUnbounded()) {
                return Optional.of(VarcharType.VARCHAR);
            }
            return Optional.of(VarcharType.createVarcharType(Math.max(left.length().getAsInt(), right.length().getAsInt())));
        }
        if (isNumeric(first) && isNumeric(second)) {
            if (first instanceof DoubleType || second instanceof DoubleType) {
                return Optional.of(DOUBLE);
            }
            if (first instanceof DecimalType || second instanceof DecimalType) {
                return Optional.of(decimalSuperType(asDecimal(first), asDecimal(second)));
            }
            // integer and bigint
            return Optional.of(BigintType.BIGINT);
        }
        return Optional.empty();
    }

    /** The common super type of all the types, if any; {@code unknown} for an empty list. */
    public static Optional<Type> commonSuperType(List<Type> types)
    {
        Optional<Type> result = Optional.of(UnknownType.UNKNOWN);
        for (Type type : types) {
            result = result.flatMap(current -> commonSuperType(current, type));
        }
        return result;
    }

    /**
     * Whether {@code CAST(from AS to)} is allowed: any implicit coercion, plus between numbers, booleans and
     * varchar in both directions, varchar to and from date, and intervals to varchar.
     */
    public static boolean canCast(Type from, Type to)
    {
        if (canCoerce(from, to) || ScalarTypeCoercion.canCast(from, to)) {
            return true;
        }
        if (from.layout().isNested() || to.layout().isNested()) {
            return NestedTypeCoercion.canCast(from, to);
        }
        boolean fromScalar = isNumeric(from) || from instanceof BooleanType;
        boolean toScalar = isNumeric(to) || to instanceof BooleanType;
        if (fromScalar && (toScalar || to instanceof VarcharType)) {
            return true;
        }
        if (from instanceof VarcharType) {
            return toScalar || to instanceof VarcharType || to instanceof DateType;
        }
        if (from instanceof DateType || from instanceof IntervalDayTimeType || from instanceof IntervalYearMonthType) {
            return to instanceof VarcharType;
        }
        return false;
    }

    public static boolean isNumeric(Type type)
    {
        return type instanceof IntegerType || type instanceof BigintType || type instanceof DoubleType || type instanceof DecimalType
                || type instanceof TinyintType || type instanceof SmallintType || type instanceof RealType;
    }

    /** The decimal an exact number widens to: itself, {@code decimal(10,0)} or {@code decimal(19,0)}. */
    public static DecimalType asDecimal(Type type)
    {
        if (type instanceof DecimalType decimal) {
            return decimal;
        }
        if (type instanceof IntegerType) {
            return INTEGER_AS_DECIMAL;
        }
        if (type instanceof BigintType) {
            return BIGINT_AS_DECIMAL;
        }
        if (type instanceof TinyintType) {
            return ScalarTypeCoercion.TINYINT_AS_DECIMAL;
        }
        if (type instanceof SmallintType) {
            return ScalarTypeCoercion.SMALLINT_AS_DECIMAL;
        }
        throw new IllegalArgumentException("not an exact number: " + type);
    }

    static DecimalType decimalSuperType(DecimalType first, DecimalType second)
    {
        int scale = Math.max(first.scale(), second.scale());
        int integerDigits = Math.max(first.precision() - first.scale(), second.precision() - second.scale());
        return new DecimalType(Math.min(MAX_PRECISION, integerDigits + scale), scale);
    }
}

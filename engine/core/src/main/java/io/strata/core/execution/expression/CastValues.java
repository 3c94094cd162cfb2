package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.BigintType;
import io.strata.spi.type.BooleanType;
import io.strata.spi.type.DateType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.RealType;
import io.strata.spi.type.SmallintType;
import io.strata.spi.type.TinyintType;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;
import io.strata.spi.type.VarcharType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * CAST of one value (the slow path, boxed): the reference semantics the block kernels in
 * {@link CastKernels} specialize, and the path for rare pairs (text, boolean). Errors as Presto reports
 * them: {@code INVALID_CAST_ARGUMENT} for text that is not a value of the type and for decimals that do not
 * fit, {@code NUMERIC_VALUE_OUT_OF_RANGE} for integers out of range.
 */
final class CastValues
{
    private CastValues() {}

    static boolean isSupported(Type from, Type to)
    {
        if (from instanceof UnknownType || from.equals(to)) {
            return true;
        }
        if (ScalarCasts.involves(from) || ScalarCasts.involves(to)) {
            return ScalarCasts.isSupported(from, to);
        }
        if (to instanceof VarcharType) {
            return isNumeric(from) || from instanceof BooleanType || from instanceof DateType || from instanceof VarcharType;
        }
        if (from instanceof VarcharType) {
            return isNumeric(to) || to instanceof BooleanType || to instanceof DateType;
        }
        return (isNumeric(from) || from instanceof BooleanType) && (isNumeric(to) || to instanceof BooleanType);
    }

    static boolean isNumeric(Type type)
    {
        return type instanceof IntegerType || type instanceof BigintType || type instanceof DoubleType || type instanceof DecimalType
                || type instanceof TinyintType || type instanceof SmallintType || type instanceof RealType;
    }

    /** Casts a non-null value of {@code from} (in its layout's Java class) to {@code to}. */
    static Object cast(Object value, Type from, Type to)
    {
        if (from.equals(to)) {
            return value;
        }
        if (from.layout().isNested() || to.layout().isNested()) {
            return NestedCasts.castValue(value, from, to);
        }
        if (ScalarCasts.involves(from) || ScalarCasts.involves(to)) {
            return ScalarCasts.cast(value, from, to);
        }
        if (to instanceof BooleanType) {
            return toBoolean(value, from);
        }
        if (to instanceof IntegerType) {
            long result = toBigint(value, from, "INTEGER");
            if (result != (int) result) {
                throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Out of range for integer: " + result);
            }
            return (int) result;
        }
        if (to instanceof BigintType) {
            return toBigint(value, from, "BIGINT");
        }
        if (to instanceof DoubleType) {
            return toDouble(value, from);
        }
        if (to instanceof DecimalType) {
            return toDecimal(value, from, (DecimalType) to);
        }
        if (to instanceof VarcharType) {
            return toVarchar(value, from, (VarcharType) to);
        }
        if (to instanceof DateType) {
            String text = ((Slice) value).toStringUtf8();
            OptionalInt days = DateMath.parse(text);
            if (days.isEmpty()) {
                throw invalid("Value cannot be cast to date: " + text);
            }
            return days.getAsInt();
        }
        throw unsupported(from, to);
    }

    static StrataException unsupported(Type from, Type to)
    {
        return new StrataException(ErrorCode.NOT_SUPPORTED, "Cannot cast " + from.displayName() + " to " + to.displayName());
    }

    private static StrataException invalid(String message)
    {
        return new StrataException(ErrorCode.INVALID_CAST_ARGUMENT, message);
    }

    private static boolean toBoolean(Object value, Type from)
    {
        if (from instanceof VarcharType) {
            String text = ((Slice) value).toStringUtf8().trim().toLowerCase(Locale.ROOT);
            switch (text) {
                case "true":
                case "t":
                case "1":
                    return true;
                case "false":
                case "f":
                case "0":
                    return false;
                default:
                    throw invalid("Cannot cast '" + ((Slice) value).toStringUtf8() + "' to BOOLEAN");
            }
        }
        if (from instanceof DecimalType) {
            return DecimalMath.toBigDecimal(value, (DecimalType) from).signum() != 0;
        }
        return ((Number) value).doubleValue() != 0;
    }

    private static long toBigint(Object value, Type from, String targetName)
    {
        if (from instanceof BooleanType) {
            return ((Boolean) value) ? 1 : 0;
        }
        if (from instanceof IntegerType || from instanceof BigintType) {
            return ((Number) value).longValue();
        }
        if (from instanceof DoubleType) {
            return doubleToLong((Double) value, targetName);
        }
        if (from instanceof DecimalType) {
            BigDecimal decimal = DecimalMath.toBigDecimal(value, (DecimalType) from).setScale(0, RoundingMode.HALF_UP);
            if (decimal.unscaledValue().bitLength() > 63) {
                throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Cannot cast DECIMAL '" + DecimalMath.toBigDecimal(value, (DecimalType) from).toPlainString() + "' to " + targetName);
            }
            return decimal.longValueExact();
        }
        if (from instanceof VarcharType) {
            String text = ((Slice) value).toStringUtf8();
            try {
                return Long.parseLong(text.trim());
            }
            catch (NumberFormatException e) {
                throw invalid("Cannot cast '" + text + "' to " + targetName);
            }
        }
        throw new IllegalArgumentException("cannot cast " + from + " to " + targetName);
    }

    /** Rounds half away from zero, as Presto casts double to integers. */
    static long doubleToLong(double value, String targetName)
    {
        if (Double.isNaN(value)) {
            throw invalid("Cannot cast double NaN to " + targetName.toLowerCase(Locale.ROOT));
        }
        if (value >= 0x1p63 || value < -0x1p63) {
            throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Unable to cast " + value + " to " + targetName.toLowerCase(Locale.ROOT));
        }
        if (value == -0x1p63) {
            return Long.MIN_VALUE;
        }
        return value < 0 ? -Math.round(-value) : Math.round(value);
    }

    private static double toDouble(Object value, Type from)
    {
        if (from instanceof BooleanType) {
            return ((Boolean) value) ? 1 : 0;
        }
        if (from instanceof DecimalType) {
            return DecimalMath.toBigDecimal(value, (DecimalType) from).doubleValue();
        }
        if (from instanceof VarcharType) {
            String text = ((Slice) value).toStringUtf8();
            try {
                return Double.parseDouble(text.trim());
            }
            catch (NumberFormatException e) {
                throw invalid("Cannot cast '" + text + "' to DOUBLE");
            }
        }
        return ((Number) value).doubleValue();
    }

    private static Object toDecimal(Object value, Type from, DecimalType to)
    {
        BigDecimal decimal;
        String shown;
        if (from instanceof BooleanType) {
            decimal = ((Boolean) value) ? BigDecimal.ONE : BigDecimal.ZERO;
            shown = value.toString();
        }
        else if (from instanceof IntegerType || from instanceof BigintType) {
            decimal = BigDecimal.valueOf(((Number) value).longValue());
            shown = value.toString();
        }
        else if (from instanceof DoubleType) {
            double doubleValue = (Double) value;
            if (Double.isNaN(doubleValue) || Double.isInfinite(doubleValue)) {
                throw invalid("Cannot cast DOUBLE '" + doubleValue + "' to " + decimalName(to));
            }
            decimal = BigDecimal.valueOf(doubleValue);
            shown = Double.toString(doubleValue);
        }
        else if (from instanceof DecimalType) {
            decimal = DecimalMath.toBigDecimal(value, (DecimalType) from);
            shown = decimal.toPlainString();
        }
        else if (from instanceof VarcharType) {
            shown = ((Slice) value).toStringUtf8();
            try {
                decimal = new BigDecimal(shown.trim());
            }
            catch (NumberFormatException e) {
                throw invalid("Cannot cast VARCHAR '" + shown + "' to " + decimalName(to));
            }
        }
        else {
            throw unsupported(from, to);
        }
        Object result = DecimalMath.fromBigDecimal(decimal, to);
        if (result == null) {
            throw invalid("Cannot cast " + from.baseName().toUpperCase(Locale.ROOT) + " '" + shown + "' to " + decimalName(to));
        }
        return result;
    }

    static String decimalName(DecimalType type)
    {
        return "DECIMAL(" + type.precision() + ", " + type.scale() + ")";
    }

    private static Slice toVarchar(Object value, Type from, VarcharType to)
    {
        if (from instanceof VarcharType) {
            Slice slice = (Slice) value;
            if (to.isUnbounded()) {
                return slice;
            }
            return StringKernels.truncateToCodePoints(slice, to.lengthOrUnbounded());
        }
        String text;
        if (from instanceof DecimalType) {
            text = DecimalMath.toBigDecimal(value, (DecimalType) from).toPlainString();
        }
        else if (from instanceof DateType) {
            text = DateMath.format((Integer) value);
        }
        else {
            text = String.valueOf(value);
        }
        if (!to.isUnbounded() && text.length() > to.lengthOrUnbounded()) {
            throw invalid("Value " + text + " cannot be represented as " + to.displayName());
        }
        return Slices.utf8Slice(text);
    }
}

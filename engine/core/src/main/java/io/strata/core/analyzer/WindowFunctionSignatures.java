package io.strata.core.analyzer;

import io.strata.core.metadata.TypeCoercion;
import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.DoubleType.DOUBLE;

/**
 * The ranking and value window functions (aggregates over windows resolve as aggregates): their argument
 * and result types, as Presto types them.
 */
final class WindowFunctionSignatures
{
    private static final Set<String> NAMES = Set.of(
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile",
            "lag", "lead", "first_value", "last_value", "nth_value");

    private WindowFunctionSignatures() {}

    /** The argument types a call takes and what it returns. */
    record Signature(List<Type> argumentTypes, Type returnType)
    {
    }

    static boolean isWindowFunction(String name)
    {
        return NAMES.contains(name);
    }

    static Signature resolve(String name, List<Type> actual, Optional<Location> location)
    {
        switch (name) {
            case "row_number":
            case "rank":
            case "dense_rank":
                requireCount(name, actual, 0, 0, location);
                return new Signature(List.of(), BIGINT);
            case "percent_rank":
            case "cume_dist":
                requireCount(name, actual, 0, 0, location);
                return new Signature(List.of(), DOUBLE);
            case "ntile":
                requireCount(name, actual, 1, 1, location);
                requireCoercible(name, actual.get(0), BIGINT, location);
                return new Signature(List.of(BIGINT), BIGINT);
            case "first_value":
            case "last_value":
                requireCount(name, actual, 1, 1, location);
                return new Signature(List.of(valueType(actual.get(0))), valueType(actual.get(0)));
            case "nth_value":
                requireCount(name, actual, 2, 2, location);
                requireCoercible(name, actual.get(1), BIGINT, location);
                return new Signature(List.of(valueType(actual.get(0)), BIGINT), valueType(actual.get(0)));
            case "lag":
            case "lead":
                requireCount(name, actual, 1, 3, location);
                Type value = actual.size() == 3
                        ? TypeCoercion.commonSuperType(actual.get(0), actual.get(2)).orElseThrow(() -> mismatch(name, actual, location))
                        : valueType(actual.get(0));
                if (actual.size() == 1) {
                    return new Signature(List.of(value), value);
                }
                requireCoercible(name, actual.get(1), BIGINT, location);
                return new Signature(actual.size() == 2 ? List.of(value, BIGINT) : List.of(value, BIGINT, value), value);
            default:
                throw new StrataException(ErrorCode.FUNCTION_NOT_FOUND, location, "Not a window function: " + name, null);
        }
    }

    private static Type valueType(Type type)
    {
        // an untyped NULL argument is typed as Presto types it: unknown becomes bigint
        return type instanceof UnknownType ? BIGINT : type;
    }

    private static void requireCount(String name, List<Type> actual, int min, int max, Optional<Location> location)
    {
        if (actual.size() < min || actual.size() > max) {
            throw mismatch(name, actual, location);
        }
    }

    private static void requireCoercible(String name, Type actual, Type expected, Optional<Location> location)
    {
        if (!TypeCoercion.canCoerce(actual, expected)) {
            throw new StrataException(ErrorCode.FUNCTION_NOT_FOUND, location,
                    "Unexpected parameters (" + actual.displayName() + ") for function " + name + ": expected " + expected.displayName(), null);
        }
    }

    private static StrataException mismatch(String name, List<Type> actual, Optional<Location> location)
    {
        return new StrataException(ErrorCode.FUNCTION_NOT_FOUND, location, "Unexpected parameters ("
                + String.join(", ", actual.stream().map(Type::displayName).toList()) + ") for function " + name, null);
    }
}

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

    /** What SHOW FUNCTIONS lists for each: name, return type, argument types, description. */
    static final List<List<String>> LISTING = List.of(
            List.of("cume_dist", "double", "", "Fraction of the partition's rows up to and including the current row's peers"),
            List.of("dense_rank", "bigint", "", "Rank of the current row without gaps"),
            List.of("first_value", "T", "T", "Value of the first row of the window frame"),
            List.of("lag", "T", "T", "Value of the row before the current row in the partition"),
            List.of("lag", "T", "T, bigint", "Value of the row offset rows before the current row in the partition"),
            List.of("lag", "T", "T, bigint, T", "Value of the row offset rows before the current row, or the default"),
            List.of("last_value", "T", "T", "Value of the last row of the window frame"),
            List.of("lead", "T", "T", "Value of the row after the current row in the partition"),
            List.of("lead", "T", "T, bigint", "Value of the row offset rows after the current row in the partition"),
            List.of("lead", "T", "T, bigint, T", "Value of the row offset rows after the current row, or the default"),
            List.of("nth_value", "T", "T, bigint", "Value of the nth row of the window frame"),
            List.of("ntile", "bigint", "bigint", "Bucket number of the current row, the partition split into n buckets"),
            List.of("percent_rank", "double", "", "Relative rank of the current row: (rank - 1) / (rows - 1)"),
            List.of("rank", "bigint", "", "Rank of the current row with gaps"),
            List.of("row_number", "bigint", "", "Number of the current row within its partition, from 1"));

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

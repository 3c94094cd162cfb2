package io.strata.core.planner.plan;

import io.strata.spi.type.Type;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One aggregate of an {@link AggregationNode}: {@code output := functionName(DISTINCT? arguments) FILTER (WHERE mask)}.
 * {@code functionName} is the SQL name in lower case ({@code count}, {@code sum}, {@code avg}, {@code min},
 * {@code max}); {@code count(*)} has no arguments. The argument symbols' types and {@code output}'s type
 * are exactly what the implementation takes and returns (Presto's: {@code sum(decimal(p,s))} is
 * {@code decimal(38,s)}, {@code avg(decimal(p,s))} is {@code decimal(p,s)}, {@code sum(integer)} is
 * {@code bigint}, {@code avg(bigint)} is {@code double}, {@code count} is {@code bigint}).
 */
public record Aggregation(Symbol output, String functionName, List<Symbol> arguments, boolean distinct, Optional<Symbol> mask)
{
    public Aggregation
    {
        requireNonNull(output, "output is null");
        requireNonNull(functionName, "functionName is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(mask, "mask is null");
    }

    public Type type()
    {
        return output.type();
    }
}

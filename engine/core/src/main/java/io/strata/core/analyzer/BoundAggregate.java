package io.strata.core.analyzer;

import io.strata.core.expression.RowExpression;
import io.strata.spi.type.Type;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One aggregate call: {@code functionName(DISTINCT? arguments) FILTER (WHERE filter)}, with arguments cast to
 * the types the aggregate takes, over the fields of the relation being grouped; {@code type} is its result.
 */
public record BoundAggregate(String functionName, List<RowExpression> arguments, boolean distinct, Optional<RowExpression> filter, Type type)
{
    public BoundAggregate
    {
        requireNonNull(functionName, "functionName is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(filter, "filter is null");
        requireNonNull(type, "type is null");
    }
}

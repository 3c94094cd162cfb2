package io.strata.core.execution.operator.aggregation;

import io.strata.spi.type.Type;

import java.util.List;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * A resolved aggregate function: its argument, intermediate and final types, and how to make its state.
 */
public record AggregationFunction(String name, List<Type> argumentTypes, List<Type> intermediateTypes, Type finalType, Supplier<GroupedAccumulator> accumulatorFactory)
{
    public AggregationFunction
    {
        requireNonNull(name, "name is null");
        argumentTypes = List.copyOf(requireNonNull(argumentTypes, "argumentTypes is null"));
        intermediateTypes = List.copyOf(requireNonNull(intermediateTypes, "intermediateTypes is null"));
        requireNonNull(finalType, "finalType is null");
        requireNonNull(accumulatorFactory, "accumulatorFactory is null");
    }

    public GroupedAccumulator createAccumulator()
    {
        return accumulatorFactory.get();
    }
}

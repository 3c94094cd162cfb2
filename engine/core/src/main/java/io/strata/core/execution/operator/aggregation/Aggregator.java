package io.strata.core.execution.operator.aggregation;

import java.util.List;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * One aggregate as an aggregation operator computes it: the function, the input channels it reads (its
 * arguments for raw input; its intermediate columns in a {@code FINAL} step), an optional mask channel
 * (boolean: only rows where it is true count), and whether only distinct argument values count.
 */
public record Aggregator(AggregationFunction function, List<Integer> inputChannels, OptionalInt maskChannel, boolean distinct)
{
    public Aggregator
    {
        requireNonNull(function, "function is null");
        inputChannels = List.copyOf(requireNonNull(inputChannels, "inputChannels is null"));
        requireNonNull(maskChannel, "maskChannel is null");
    }
}

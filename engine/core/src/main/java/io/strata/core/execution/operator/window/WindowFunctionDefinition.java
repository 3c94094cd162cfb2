package io.strata.core.execution.operator.window;

import io.strata.core.planner.plan.WindowFrameSpec.BoundType;
import io.strata.spi.type.Type;

import java.util.List;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A window function as the operator runs it: its name, its argument channels and types, its result type and
 * its frame, with counted frame bounds read (as bigint) from channels of the input.
 */
public record WindowFunctionDefinition(
        String name,
        boolean aggregate,
        int[] argumentChannels,
        List<Type> argumentTypes,
        Type outputType,
        boolean rows,
        BoundType startType,
        OptionalInt startChannel,
        BoundType endType,
        OptionalInt endChannel)
{
    public WindowFunctionDefinition
    {
        requireNonNull(name, "name is null");
        argumentChannels = argumentChannels.clone();
        argumentTypes = List.copyOf(requireNonNull(argumentTypes, "argumentTypes is null"));
        requireNonNull(outputType, "outputType is null");
        requireNonNull(startType, "startType is null");
        requireNonNull(startChannel, "startChannel is null");
        requireNonNull(endType, "endType is null");
        requireNonNull(endChannel, "endChannel is null");
        if (argumentChannels.length != argumentTypes.size()) {
            throw new IllegalArgumentException("argument channels and types differ in number");
        }
    }

    @Override
    public int[] argumentChannels()
    {
        return argumentChannels.clone();
    }
}

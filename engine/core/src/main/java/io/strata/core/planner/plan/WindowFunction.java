package io.strata.core.planner.plan;

import io.strata.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One function of a {@link WindowNode}: {@code output := name(arguments) OVER (... frame)}. {@code aggregate}
 * says whether {@code name} is an aggregate (count, sum, avg, min, max) computed over the frame; otherwise it
 * is a ranking or value function (row_number, rank, dense_rank, percent_rank, cume_dist, ntile, lag, lead,
 * first_value, last_value, nth_value). Argument symbols have exactly the types the function takes.
 */
public record WindowFunction(Symbol output, String name, List<Symbol> arguments, WindowFrameSpec frame, boolean aggregate)
{
    public WindowFunction
    {
        requireNonNull(output, "output is null");
        requireNonNull(name, "name is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(frame, "frame is null");
    }

    public Type type()
    {
        return output.type();
    }
}

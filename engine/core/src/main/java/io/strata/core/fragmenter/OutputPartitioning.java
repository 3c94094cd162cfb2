package io.strata.core.fragmenter;

import io.strata.core.planner.plan.ExchangeNode;
import io.strata.core.planner.plan.Symbol;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How a fragment's tasks write their output for the tasks of the consuming fragment: all into one buffer
 * ({@code GATHER}), each row into the buffer of the consumer its keys hash to ({@code REPARTITION}), or every page
 * into every consumer's buffer ({@code REPLICATE}). The root fragment gathers for the client.
 */
public record OutputPartitioning(ExchangeNode.Type type, List<Symbol> keys)
{
    public static final OutputPartitioning GATHER = new OutputPartitioning(ExchangeNode.Type.GATHER, List.of());

    public OutputPartitioning
    {
        requireNonNull(type, "type is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        if ((type == ExchangeNode.Type.REPARTITION) == keys.isEmpty()) {
            throw new IllegalArgumentException("a " + type + " output " + (keys.isEmpty() ? "needs" : "takes no") + " partition keys");
        }
    }
}

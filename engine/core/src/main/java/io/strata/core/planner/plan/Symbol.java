package io.strata.core.planner.plan;

import io.strata.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A named value flowing between plan nodes. Names are unique within a plan (the planner's
 * {@code SymbolAllocator} makes them so); execution maps symbols to channels.
 */
public record Symbol(String name, Type type)
{
    public Symbol
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    @Override
    public String toString()
    {
        return name;
    }
}

package io.strata.core.execution;

import io.strata.spi.type.Type;

import static java.util.Objects.requireNonNull;

public record OutputColumn(String name, Type type)
{
    public OutputColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}

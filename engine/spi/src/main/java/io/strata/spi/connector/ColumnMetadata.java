package io.strata.spi.connector;

import io.strata.spi.type.Type;

import static java.util.Objects.requireNonNull;

public record ColumnMetadata(String name, Type type, boolean nullable)
{
    public ColumnMetadata
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    public ColumnMetadata(String name, Type type)
    {
        this(name, type, true);
    }
}

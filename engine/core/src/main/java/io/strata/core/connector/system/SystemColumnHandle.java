package io.strata.core.connector.system;

import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.type.Type;

import static java.util.Objects.requireNonNull;

public record SystemColumnHandle(String columnName, Type type, int channel)
        implements ColumnHandle
{
    public SystemColumnHandle
    {
        requireNonNull(columnName, "columnName is null");
        requireNonNull(type, "type is null");
    }
}

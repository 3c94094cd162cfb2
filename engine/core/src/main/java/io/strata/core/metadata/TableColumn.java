package io.strata.core.metadata;

import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * One column of a resolved table: its name and type as the connector reports them, and its handle.
 */
public record TableColumn(String name, Type type, ColumnHandle handle)
{
    public TableColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(handle, "handle is null");
    }
}

package io.strata.connector.memory;

import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A column by name, type and its channel in the stored pages.
 */
public record MemoryColumnHandle(String columnName, Type type, int channel)
        implements ColumnHandle
{
    public MemoryColumnHandle
    {
        requireNonNull(columnName, "columnName is null");
        requireNonNull(type, "type is null");
        if (channel < 0) {
            throw new IllegalArgumentException("channel is negative: " + channel);
        }
    }
}

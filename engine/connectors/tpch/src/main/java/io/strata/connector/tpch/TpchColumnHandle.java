package io.strata.connector.tpch;

import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A column of a TPC-H table by its standard name ({@code l_orderkey}) and its SQL type.
 */
public record TpchColumnHandle(String columnName, Type type)
        implements ColumnHandle
{
    public TpchColumnHandle
    {
        requireNonNull(columnName, "columnName is null");
        requireNonNull(type, "type is null");
    }
}

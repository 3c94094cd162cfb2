package io.strata.spi.connector;

import java.util.List;

import static java.util.Objects.requireNonNull;

public record ConnectorTableMetadata(SchemaTableName table, List<ColumnMetadata> columns)
{
    public ConnectorTableMetadata
    {
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }
}

package io.strata.core.metadata;

import io.strata.spi.connector.ConnectorTableMetadata;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the rows of an INSERT or CREATE TABLE AS go: a table, created first when {@code create} is present
 * (CREATE TABLE AS). The rows arrive with exactly the table's columns, in its order and of its types.
 */
public record WriteTarget(QualifiedObjectName table, Optional<ConnectorTableMetadata> create)
{
    public WriteTarget
    {
        requireNonNull(table, "table is null");
        requireNonNull(create, "create is null");
    }
}

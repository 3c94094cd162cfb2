package io.strata.core.metadata;

import static java.util.Objects.requireNonNull;

/**
 * A fully qualified table name, {@code catalog.schema.table}, with each part as the connector stores it.
 */
public record QualifiedObjectName(String catalogName, String schemaName, String objectName)
{
    public QualifiedObjectName
    {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(schemaName, "schemaName is null");
        requireNonNull(objectName, "objectName is null");
    }

    @Override
    public String toString()
    {
        return catalogName + "." + schemaName + "." + objectName;
    }
}

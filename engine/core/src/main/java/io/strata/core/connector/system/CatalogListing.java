package io.strata.core.connector.system;

import io.strata.core.metadata.CatalogManager;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.ConnectorTableMetadata;
import io.strata.spi.connector.SchemaTableName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Lists catalogs, schemas and tables for metadata tables, asking each connector only about the names a
 * {@link NameFilter} lets through: a filter on one schema lists no other schema's tables, a filter on one
 * table looks that table up instead of listing its schema. Listings are sorted.
 */
final class CatalogListing
{
    private final CatalogManager catalogManager;

    CatalogListing(CatalogManager catalogManager)
    {
        this.catalogManager = requireNonNull(catalogManager, "catalogManager is null");
    }

    List<String> catalogs(NameFilter filter, String catalogColumn)
    {
        if (filter.isNone()) {
            return List.of();
        }
        return catalogManager.catalogNames().stream()
                .filter(catalog -> filter.allows(catalogColumn, catalog))
                .sorted()
                .toList();
    }

    List<String> schemas(ConnectorSession session, String catalog, NameFilter filter, String schemaColumn)
    {
        Optional<ConnectorMetadata> metadata = metadata(catalog);
        if (metadata.isEmpty()) {
            return List.of();
        }
        return metadata.get().listSchemaNames(session).stream()
                .filter(schema -> filter.allows(schemaColumn, schema))
                .sorted()
                .toList();
    }

    /** The tables of the schemas of {@code catalog} that pass the filter, sorted by schema and name. */
    List<SchemaTableName> tables(ConnectorSession session, String catalog, NameFilter filter, String schemaColumn, String tableColumn)
    {
        Optional<ConnectorMetadata> metadata = metadata(catalog);
        if (metadata.isEmpty()) {
            return List.of();
        }
        List<SchemaTableName> tables = new ArrayList<>();
        for (String schema : schemas(session, catalog, filter, schemaColumn)) {
            Optional<List<String>> names = filter.singleValues(tableColumn);
            if (names.isPresent()) {
                for (String name : names.get()) {
                    SchemaTableName table = new SchemaTableName(schema, name);
                    if (metadata.get().getTableHandle(session, table).isPresent()) {
                        tables.add(table);
                    }
                }
                continue;
            }
            for (SchemaTableName table : metadata.get().listTables(session, Optional.of(schema))) {
                if (table.schemaName().equals(schema) && filter.allows(tableColumn, table.tableName())) {
                    tables.add(table);
                }
            }
        }
        tables.sort(Comparator.comparing(SchemaTableName::schemaName).thenComparing(SchemaTableName::tableName));
        return tables;
    }

    /** The table's metadata, or empty when it is gone (dropped since it was listed). */
    Optional<ConnectorTableMetadata> tableMetadata(ConnectorSession session, String catalog, SchemaTableName table)
    {
        Optional<ConnectorMetadata> metadata = metadata(catalog);
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        Optional<ConnectorTableHandle> handle = metadata.get().getTableHandle(session, table);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(metadata.get().getTableMetadata(session, handle.get()));
        }
        catch (RuntimeException e) {
            // dropped between the lookup and now
            return Optional.empty();
        }
    }

    private Optional<ConnectorMetadata> metadata(String catalog)
    {
        return catalogManager.getConnector(catalog).map(Connector::metadata);
    }
}

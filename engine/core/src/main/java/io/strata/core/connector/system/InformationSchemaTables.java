package io.strata.core.connector.system;

import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.ConnectorTableMetadata;
import io.strata.spi.connector.SchemaTableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.strata.core.connector.system.JdbcTables.columns;
import static io.strata.core.connector.system.JdbcTables.row;
import static io.strata.core.connector.system.JdbcTables.utf8;
import static io.strata.core.connector.system.JdbcTables.varchars;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.VarcharType.VARCHAR;

/**
 * {@code information_schema} of one catalog: {@code schemata}, {@code tables}, {@code columns} and the empty
 * {@code views}, with the columns Trino's have.
 */
final class InformationSchemaTables
{
    static final String SCHEMA = "information_schema";

    private InformationSchemaTables() {}

    static List<SystemTable> create(String catalog, CatalogListing listing)
    {
        List<SystemTable> tables = new ArrayList<>();
        tables.add(new ComputedTable(name("schemata"), varchars("catalog_name", "schema_name"), (session, filter) -> {
            List<List<Object>> rows = new ArrayList<>();
            if (filter.allows("catalog_name", catalog)) {
                for (String schema : listing.schemas(session, catalog, filter, "schema_name")) {
                    rows.add(row(utf8(catalog), utf8(schema)));
                }
            }
            return rows;
        }));
        tables.add(new ComputedTable(name("tables"), varchars("table_catalog", "table_schema", "table_name", "table_type"), (session, filter) -> {
            List<List<Object>> rows = new ArrayList<>();
            if (filter.allows("table_catalog", catalog) && filter.allows("table_type", "BASE TABLE")) {
                for (SchemaTableName table : listing.tables(session, catalog, filter, "table_schema", "table_name")) {
                    rows.add(row(utf8(catalog), utf8(table.schemaName()), utf8(table.tableName()), utf8("BASE TABLE")));
                }
            }
            return rows;
        }));
        tables.add(new ComputedTable(name("columns"), columns(
                "table_catalog", VARCHAR, "table_schema", VARCHAR, "table_name", VARCHAR, "column_name", VARCHAR, "ordinal_position", BIGINT,
                "column_default", VARCHAR, "is_nullable", VARCHAR, "data_type", VARCHAR), (session, filter) -> {
                    List<List<Object>> rows = new ArrayList<>();
                    if (!filter.allows("table_catalog", catalog)) {
                        return rows;
                    }
                    for (SchemaTableName table : listing.tables(session, catalog, filter, "table_schema", "table_name")) {
                        Optional<ConnectorTableMetadata> metadata = listing.tableMetadata(session, catalog, table);
                        if (metadata.isEmpty()) {
                            continue;
                        }
                        List<ColumnMetadata> columns = metadata.get().columns();
                        for (int i = 0; i < columns.size(); i++) {
                            ColumnMetadata column = columns.get(i);
                            if (filter.allows("column_name", column.name())) {
                                rows.add(row(utf8(catalog), utf8(table.schemaName()), utf8(table.tableName()), utf8(column.name()), (long) (i + 1), null,
                                        utf8(column.nullable() ? "YES" : "NO"), utf8(column.type().displayName())));
                            }
                        }
                    }
                    return rows;
                }));
        tables.add(ComputedTable.empty(name("views"), varchars("table_catalog", "table_schema", "table_name", "view_definition")));
        return tables;
    }

    private static SchemaTableName name(String table)
    {
        return new SchemaTableName(SCHEMA, table);
    }
}

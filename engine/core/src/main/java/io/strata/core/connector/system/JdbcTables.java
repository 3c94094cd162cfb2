package io.strata.core.connector.system;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.ConnectorTableMetadata;
import io.strata.spi.connector.SchemaTableName;
import io.strata.spi.type.Type;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.VarcharType.VARCHAR;

/**
 * {@code system.jdbc.*}: the tables the Presto and Trino JDBC drivers' {@code DatabaseMetaData} methods query,
 * with the columns those queries name. {@code catalogs}, {@code schemas}, {@code tables}, {@code columns},
 * {@code table_types} and {@code types} have rows; the others exist so that the drivers' queries of them return
 * no rows rather than fail.
 */
final class JdbcTables
{
    static final String SCHEMA = "jdbc";

    private JdbcTables() {}

    static List<SystemTable> create(CatalogListing listing)
    {
        List<SystemTable> tables = new ArrayList<>();
        tables.add(new ComputedTable(name("catalogs"), varchars("table_cat"), (session, filter) -> {
            List<List<Object>> rows = new ArrayList<>();
            for (String catalog : listing.catalogs(filter, "table_cat")) {
                rows.add(row(utf8(catalog)));
            }
            return rows;
        }));
        tables.add(new ComputedTable(name("schemas"), varchars("table_schem", "table_catalog"), (session, filter) -> {
            List<List<Object>> rows = new ArrayList<>();
            for (String catalog : listing.catalogs(filter, "table_catalog")) {
                for (String schema : listing.schemas(session, catalog, filter, "table_schem")) {
                    rows.add(row(utf8(schema), utf8(catalog)));
                }
            }
            return rows;
        }));
        tables.add(new ComputedTable(name("tables"), varchars("table_cat", "table_schem", "table_name", "table_type", "remarks", "type_cat", "type_schem",
                "type_name", "self_referencing_col_name", "ref_generation"), (session, filter) -> {
                    List<List<Object>> rows = new ArrayList<>();
                    if (!filter.allows("table_type", "TABLE")) {
                        return rows;
                    }
                    for (String catalog : listing.catalogs(filter, "table_cat")) {
                        for (SchemaTableName table : listing.tables(session, catalog, filter, "table_schem", "table_name")) {
                            rows.add(row(utf8(catalog), utf8(table.schemaName()), utf8(table.tableName()), utf8("TABLE"), null, null, null, null, null, null));
                        }
                    }
                    return rows;
                }));
        tables.add(new ComputedTable(name("table_types"), varchars("table_type"), (session, filter) -> List.of(row(utf8("TABLE")), row(utf8("VIEW")))));
        tables.add(new ComputedTable(name("columns"), columnsColumns(), (session, filter) -> {
            List<List<Object>> rows = new ArrayList<>();
            for (String catalog : listing.catalogs(filter, "table_cat")) {
                for (SchemaTableName table : listing.tables(session, catalog, filter, "table_schem", "table_name")) {
                    Optional<ConnectorTableMetadata> metadata = listing.tableMetadata(session, catalog, table);
                    if (metadata.isEmpty()) {
                        continue;
                    }
                    List<ColumnMetadata> columns = metadata.get().columns();
                    for (int i = 0; i < columns.size(); i++) {
                        ColumnMetadata column = columns.get(i);
                        if (filter.allows("column_name", column.name())) {
                            rows.add(columnRow(catalog, table, column, i + 1));
                        }
                    }
                }
            }
            return rows;
        }));
        tables.add(new ComputedTable(name("types"), typesColumns(), (session, filter) -> {
            List<List<Object>> rows = new ArrayList<>();
            for (String typeName : JdbcTypes.TYPE_NAMES) {
                rows.add(typeRow(typeName));
            }
            return rows;
        }));
        tables.add(ComputedTable.empty(name("procedures"), columns(
                "procedure_cat", VARCHAR, "procedure_schem", VARCHAR, "procedure_name", VARCHAR, "remarks", VARCHAR, "procedure_type", BIGINT,
                "specific_name", VARCHAR)));
        tables.add(ComputedTable.empty(name("procedure_columns"), columns(
                "procedure_cat", VARCHAR, "procedure_schem", VARCHAR, "procedure_name", VARCHAR, "column_name", VARCHAR, "column_type", BIGINT,
                "data_type", BIGINT, "type_name", VARCHAR, "precision", BIGINT, "length", BIGINT, "scale", BIGINT, "radix", BIGINT, "nullable", BIGINT,
                "remarks", VARCHAR, "column_def", VARCHAR, "sql_data_type", BIGINT, "sql_datetime_sub", BIGINT, "char_octet_length", BIGINT,
                "ordinal_position", BIGINT, "is_nullable", VARCHAR, "specific_name", VARCHAR)));
        tables.add(ComputedTable.empty(name("pseudo_columns"), columns(
                "table_cat", VARCHAR, "table_schem", VARCHAR, "table_name", VARCHAR, "column_name", VARCHAR, "data_type", BIGINT, "column_size", BIGINT,
                "decimal_digits", BIGINT, "num_prec_radix", BIGINT, "column_usage", VARCHAR, "remarks", VARCHAR, "char_octet_length", BIGINT,
                "is_nullable", VARCHAR)));
        tables.add(ComputedTable.empty(name("super_tables"), varchars("table_cat", "table_schem", "table_name", "supertable_name")));
        tables.add(ComputedTable.empty(name("super_types"), varchars("type_cat", "type_schem", "type_name", "supertype_cat", "supertype_schem", "supertype_name")));
        tables.add(ComputedTable.empty(name("udts"), columns(
                "type_cat", VARCHAR, "type_schem", VARCHAR, "type_name", VARCHAR, "class_name", VARCHAR, "data_type", BIGINT, "remarks", VARCHAR,
                "base_type", BIGINT)));
        tables.add(ComputedTable.empty(name("attributes"), columns(
                "type_cat", VARCHAR, "type_schem", VARCHAR, "type_name", VARCHAR, "attr_name", VARCHAR, "data_type", BIGINT, "attr_type_name", VARCHAR,
                "attr_size", BIGINT, "decimal_digits", BIGINT, "num_prec_radix", BIGINT, "nullable", BIGINT, "remarks", VARCHAR, "attr_def", VARCHAR,
                "sql_data_type", BIGINT, "sql_datetime_sub", BIGINT, "char_octet_length", BIGINT, "ordinal_position", BIGINT, "is_nullable", VARCHAR,
                "scope_catalog", VARCHAR, "scope_schema", VARCHAR, "scope_table", VARCHAR, "source_data_type", BIGINT)));
        return tables;
    }

    private static List<ColumnMetadata> columnsColumns()
    {
        return columns(
                "table_cat", VARCHAR, "table_schem", VARCHAR, "table_name", VARCHAR, "column_name", VARCHAR, "data_type", BIGINT, "type_name", VARCHAR,
                "column_size", BIGINT, "buffer_length", BIGINT, "decimal_digits", BIGINT, "num_prec_radix", BIGINT, "nullable", BIGINT, "remarks", VARCHAR,
                "column_def", VARCHAR, "sql_data_type", BIGINT, "sql_datetime_sub", BIGINT, "char_octet_length", BIGINT, "ordinal_position", BIGINT,
                "is_nullable", VARCHAR, "scope_catalog", VARCHAR, "scope_schema", VARCHAR, "scope_table", VARCHAR, "source_data_type", BIGINT,
                "is_autoincrement", VARCHAR, "is_generatedcolumn", VARCHAR);
    }

    private static List<Object> columnRow(String catalog, SchemaTableName table, ColumnMetadata column, int ordinal)
    {
        Type type = column.type();
        return row(
                utf8(catalog), utf8(table.schemaName()), utf8(table.tableName()), utf8(column.name()),
                JdbcTypes.dataType(type), utf8(type.displayName()), JdbcTypes.columnSize(type), null, JdbcTypes.decimalDigits(type),
                JdbcTypes.radix(type.baseName()),
                (long) (column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls), null, null, null, null,
                JdbcTypes.charOctetLength(type), (long) ordinal, utf8(column.nullable() ? "YES" : "NO"),
                null, null, null, null, utf8("NO"), utf8("NO"));
    }

    private static List<ColumnMetadata> typesColumns()
    {
        return columns(
                "type_name", VARCHAR, "data_type", BIGINT, "precision", BIGINT, "literal_prefix", VARCHAR, "literal_suffix", VARCHAR,
                "create_params", VARCHAR, "nullable", BIGINT, "case_sensitive", BOOLEAN, "searchable", BIGINT, "unsigned_attribute", BOOLEAN,
                "fixed_prec_scale", BOOLEAN, "auto_increment", BOOLEAN, "local_type_name", VARCHAR, "minimum_scale", BIGINT, "maximum_scale", BIGINT,
                "sql_data_type", BIGINT, "sql_datetime_sub", BIGINT, "num_prec_radix", BIGINT);
    }

    private static List<Object> typeRow(String typeName)
    {
        Long precision;
        switch (typeName) {
            case "bigint":
                precision = 19L;
                break;
            case "integer":
                precision = 10L;
                break;
            case "smallint":
                precision = 5L;
                break;
            case "tinyint":
                precision = 3L;
                break;
            case "double":
                precision = 53L;
                break;
            case "real":
                precision = 24L;
                break;
            case "decimal":
                precision = 38L;
                break;
            default:
                precision = null;
        }
        boolean text = typeName.equals("varchar") || typeName.equals("char");
        return row(
                utf8(typeName), JdbcTypes.dataType(typeName), precision, null, null, null,
                (long) DatabaseMetaData.typeNullable, text, (long) DatabaseMetaData.typeSearchable, false,
                false, false, null, 0L, typeName.equals("decimal") ? 38L : 0L,
                null, null, JdbcTypes.radix(typeName));
    }

    private static SchemaTableName name(String table)
    {
        return new SchemaTableName(SCHEMA, table);
    }

    static List<ColumnMetadata> varchars(String... names)
    {
        List<ColumnMetadata> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(new ColumnMetadata(name, VARCHAR));
        }
        return columns;
    }

    /** Columns from alternating names and types. */
    static List<ColumnMetadata> columns(Object... namesAndTypes)
    {
        List<ColumnMetadata> columns = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.add(new ColumnMetadata((String) namesAndTypes[i], (Type) namesAndTypes[i + 1]));
        }
        return columns;
    }

    static List<Object> row(Object... values)
    {
        return Arrays.asList(values);
    }

    static Slice utf8(String value)
    {
        return Slices.utf8Slice(value);
    }
}

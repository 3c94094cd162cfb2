package io.strata.core.analyzer;

import io.strata.core.metadata.Metadata;
import io.strata.core.metadata.QualifiedObjectName;
import io.strata.core.metadata.ResolvedTable;
import io.strata.core.metadata.TableColumn;
import io.strata.core.metadata.TypeCoercion;
import io.strata.core.metadata.WriteTarget;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.ConnectorTableMetadata;
import io.strata.spi.connector.SchemaTableName;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;
import io.strata.sql.tree.ColumnDefinition;
import io.strata.sql.tree.CreateSchema;
import io.strata.sql.tree.CreateTable;
import io.strata.sql.tree.CreateTableAsSelect;
import io.strata.sql.tree.DropTable;
import io.strata.sql.tree.Identifier;
import io.strata.sql.tree.Insert;
import io.strata.sql.tree.Property;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Binds the statements that change catalogs: CREATE SCHEMA, CREATE TABLE, DROP TABLE into a
 * {@link DataDefinitionAnalysis}; INSERT and CREATE TABLE AS into a {@link WriteAnalysis}. Existence is checked
 * here, so that the user learns of a missing or existing table before anything runs; the connector checks again
 * when the change is made.
 */
final class WriteStatementAnalyzer
{
    private final Metadata metadata;
    private final Session session;
    private final ExpressionAnalyzer expressions;

    WriteStatementAnalyzer(Metadata metadata, Session session, ExpressionAnalyzer expressions)
    {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.session = requireNonNull(session, "session is null");
        this.expressions = requireNonNull(expressions, "expressions is null");
    }

    Analysis createSchema(CreateSchema node)
    {
        List<String> parts = node.schemaName().parts();
        Optional<Location> location = node.schemaName().location().or(node::location);
        if (parts.size() > 2) {
            throw new StrataException(ErrorCode.SYNTAX_ERROR, location, "Too many parts in schema name: " + node.schemaName(), null);
        }
        String catalog = Metadata.catalogOrSessionDefault(session, parts.size() == 2 ? Optional.of(parts.get(0)) : Optional.empty(), location);
        String schema = parts.get(parts.size() - 1);
        ConnectorMetadata connector = metadata.catalogMetadata(catalog, location);
        rejectProperties(node.properties(), catalog, "schema");
        ConnectorSession connectorSession = session.toConnectorSession();
        if (connector.listSchemaNames(connectorSession).contains(schema)) {
            if (node.notExists()) {
                return new DataDefinitionAnalysis("CREATE SCHEMA", () -> { });
            }
            throw new StrataException(ErrorCode.ALREADY_EXISTS, location, "Schema '" + catalog + "." + schema + "' already exists", null);
        }
        return new DataDefinitionAnalysis("CREATE SCHEMA", () -> inCatalog(catalog, "creating schemas", location,
                () -> {
                    connector.createSchema(connectorSession, schema);
                    return null;
                }));
    }

    Analysis createTable(CreateTable node)
    {
        Optional<Location> location = node.name().location().or(node::location);
        QualifiedObjectName name = Metadata.qualifyObjectName(session, node.name().parts(), location);
        ConnectorMetadata connector = metadata.catalogMetadata(name.catalogName(), location);
        metadata.requireSchema(session, name.catalogName(), name.schemaName(), location);
        rejectProperties(node.properties(), name.catalogName(), "table");
        ConnectorSession connectorSession = session.toConnectorSession();
        if (connector.getTableHandle(connectorSession, schemaTableName(name)).isPresent()) {
            if (node.notExists()) {
                return new DataDefinitionAnalysis("CREATE TABLE", () -> { });
            }
            throw tableExists(name, location);
        }
        List<ColumnMetadata> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ColumnDefinition column : node.columns()) {
            String columnName = column.name().value().toLowerCase(Locale.ENGLISH);
            if (!names.add(columnName)) {
                throw new StrataException(ErrorCode.GENERIC_USER_ERROR, column.location(), "Column name '" + columnName + "' specified more than once", null);
            }
            if (!column.nullable()) {
                throw new StrataException(ErrorCode.NOT_SUPPORTED, column.location(), "Catalog '" + name.catalogName() + "' does not support NOT NULL columns", null);
            }
            columns.add(new ColumnMetadata(columnName, DataTypes.toType(column.type())));
        }
        ConnectorTableMetadata table = new ConnectorTableMetadata(schemaTableName(name), columns);
        return new DataDefinitionAnalysis("CREATE TABLE", () -> inCatalog(name.catalogName(), "creating tables", location,
                () -> {
                    connector.createTable(connectorSession, table);
                    return null;
                }));
    }

    Analysis createTableAsSelect(CreateTableAsSelect node)
    {
        Optional<Location> location = node.name().location().or(node::location);
        QualifiedObjectName name = Metadata.qualifyObjectName(session, node.name().parts(), location);
        ConnectorMetadata connector = metadata.catalogMetadata(name.catalogName(), location);
        metadata.requireSchema(session, name.catalogName(), name.schemaName(), location);
        rejectProperties(node.properties(), name.catalogName(), "table");
        if (connector.getTableHandle(session.toConnectorSession(), schemaTableName(name)).isPresent()) {
            if (node.notExists()) {
                return new DataDefinitionAnalysis("CREATE TABLE", () -> { });
            }
            throw tableExists(name, location);
        }
        QueryAnalysis query = new QueryAnalyzer(metadata, session, expressions).analyzeStatement(node.query());
        int fieldCount = query.relation().type().size();
        if (!node.columnAliases().isEmpty() && node.columnAliases().size() != fieldCount) {
            throw new StrataException(ErrorCode.GENERIC_USER_ERROR, location,
                    "Column alias list has " + node.columnAliases().size() + " entries but the query has " + fieldCount + " columns", null);
        }
        List<String> columnNames = new ArrayList<>();
        List<Type> columnTypes = new ArrayList<>();
        List<Integer> channels = new ArrayList<>();
        List<ColumnMetadata> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fieldCount; i++) {
            Optional<String> fieldName = node.columnAliases().isEmpty()
                    ? query.relation().type().field(i).name()
                    : Optional.of(node.columnAliases().get(i).value().toLowerCase(Locale.ENGLISH));
            if (fieldName.isEmpty()) {
                throw new StrataException(ErrorCode.GENERIC_USER_ERROR, location, "Column name not specified at position " + (i + 1), null);
            }
            String columnName = fieldName.get().toLowerCase(Locale.ENGLISH);
            if (!names.add(columnName)) {
                throw new StrataException(ErrorCode.GENERIC_USER_ERROR, location, "Column name '" + columnName + "' specified more than once", null);
            }
            Type type = query.relation().type().field(i).type();
            if (type instanceof UnknownType) {
                throw new StrataException(ErrorCode.GENERIC_USER_ERROR, location, "Column type is unknown: " + columnName, null);
            }
            columnNames.add(columnName);
            columnTypes.add(type);
            channels.add(i);
            columns.add(new ColumnMetadata(columnName, type));
        }
        ConnectorTableMetadata table = new ConnectorTableMetadata(schemaTableName(name), columns);
        if (!node.withData()) {
            ConnectorSession connectorSession = session.toConnectorSession();
            return new DataDefinitionAnalysis("CREATE TABLE", () -> inCatalog(name.catalogName(), "creating tables", location,
                    () -> {
                        connector.createTable(connectorSession, table);
                        return null;
                    }));
        }
        return new WriteAnalysis("CREATE TABLE", query, new WriteTarget(name, Optional.of(table)), columnNames, columnTypes, channels);
    }

    Analysis insert(Insert node)
    {
        Optional<Location> location = node.target().location().or(node::location);
        ResolvedTable table = metadata.resolveTable(session, node.target().parts(), location);
        List<TableColumn> tableColumns = table.columns();
        List<String> targetColumns = new ArrayList<>();
        if (node.columns().isEmpty()) {
            tableColumns.forEach(column -> targetColumns.add(column.name()));
        }
        else {
            for (Identifier column : node.columns()) {
                String columnName = column.value().toLowerCase(Locale.ENGLISH);
                if (tableColumns.stream().noneMatch(candidate -> candidate.name().equals(columnName))) {
                    throw new StrataException(ErrorCode.COLUMN_NOT_FOUND, column.location(), "Insert column name does not exist in target table: " + columnName, null);
                }
                if (targetColumns.contains(columnName)) {
                    throw new StrataException(ErrorCode.GENERIC_USER_ERROR, column.location(), "Insert column name is specified more than once: " + columnName, null);
                }
                targetColumns.add(columnName);
            }
        }
        QueryAnalysis query = new QueryAnalyzer(metadata, session, expressions).analyzeStatement(node.query());
        List<Type> queryTypes = new ArrayList<>();
        for (int i = 0; i < query.relation().type().size(); i++) {
            queryTypes.add(query.relation().type().field(i).type());
        }
        List<Type> targetTypes = targetColumns.stream()
                .map(columnName -> tableColumns.stream().filter(column -> column.name().equals(columnName)).findFirst().orElseThrow().type())
                .toList();
        boolean matches = queryTypes.size() == targetTypes.size();
        for (int i = 0; matches && i < queryTypes.size(); i++) {
            matches = TypeCoercion.canCoerce(queryTypes.get(i), targetTypes.get(i));
        }
        if (!matches) {
            throw new StrataException(ErrorCode.TYPE_MISMATCH, node.query().location().or(() -> location),
                    "Insert query has mismatched column types: Table: " + display(targetTypes) + ", Query: " + display(queryTypes), null);
        }
        List<String> columnNames = new ArrayList<>();
        List<Type> columnTypes = new ArrayList<>();
        List<Integer> channels = new ArrayList<>();
        for (TableColumn column : tableColumns) {
            columnNames.add(column.name());
            columnTypes.add(column.type());
            channels.add(targetColumns.indexOf(column.name()));
        }
        return new WriteAnalysis("INSERT", query, new WriteTarget(table.name(), Optional.empty()), columnNames, columnTypes, channels);
    }

    Analysis dropTable(DropTable node)
    {
        Optional<Location> location = node.tableName().location().or(node::location);
        QualifiedObjectName name = Metadata.qualifyObjectName(session, node.tableName().parts(), location);
        ConnectorMetadata connector = metadata.catalogMetadata(name.catalogName(), location);
        ConnectorSession connectorSession = session.toConnectorSession();
        Optional<ConnectorTableHandle> handle = connector.getTableHandle(connectorSession, schemaTableName(name));
        if (handle.isEmpty()) {
            if (node.exists()) {
                return new DataDefinitionAnalysis("DROP TABLE", () -> { });
            }
            metadata.requireSchema(session, name.catalogName(), name.schemaName(), location);
            throw new StrataException(ErrorCode.TABLE_NOT_FOUND, location, "Table '" + name + "' does not exist", null);
        }
        return new DataDefinitionAnalysis("DROP TABLE", () -> inCatalog(name.catalogName(), "dropping tables", location,
                () -> {
                    connector.dropTable(connectorSession, handle.get());
                    return null;
                }));
    }

    /** Runs a connector call, naming the catalog when the connector does not support the change. */
    static <T> T inCatalog(String catalog, String what, Optional<Location> location, Supplier<T> call)
    {
        try {
            return call.get();
        }
        catch (StrataException e) {
            if (e.errorCode() == ErrorCode.NOT_SUPPORTED) {
                throw new StrataException(ErrorCode.NOT_SUPPORTED, location, "Catalog '" + catalog + "' does not support " + what, e);
            }
            throw e;
        }
    }

    private static void rejectProperties(List<Property> properties, String catalog, String kind)
    {
        if (!properties.isEmpty()) {
            Property property = properties.get(0);
            throw new StrataException(kind.equals("table") ? ErrorCode.INVALID_TABLE_PROPERTY : ErrorCode.INVALID_SCHEMA_PROPERTY, property.location(),
                    "Catalog '" + catalog + "' " + kind + " property '" + property.name().value().toLowerCase(Locale.ENGLISH) + "' does not exist", null);
        }
    }

    private static StrataException tableExists(QualifiedObjectName name, Optional<Location> location)
    {
        return new StrataException(ErrorCode.ALREADY_EXISTS, location, "Table '" + name + "' already exists", null);
    }

    private static SchemaTableName schemaTableName(QualifiedObjectName name)
    {
        return new SchemaTableName(name.schemaName(), name.objectName());
    }

    private static String display(List<Type> types)
    {
        return types.stream().map(Type::displayName).toList().toString();
    }
}

package io.strata.core.metadata;

import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.ConnectorTableMetadata;
import io.strata.spi.connector.ConstraintApplicationResult;
import io.strata.spi.connector.SchemaTableName;
import io.strata.spi.connector.TableStatistics;
import io.strata.spi.connector.TupleDomain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the front end asks of catalogs, in engine terms: names resolved against the session's defaults,
 * existence checks with the user's error messages, listings in a stable order, and the function registry.
 * Every name passed in is canonical already (the parser lowercases unquoted identifiers).
 */
public final class Metadata
{
    private final CatalogManager catalogManager;
    private final FunctionResolver functionResolver;
    private final SessionPropertyManager sessionPropertyManager;

    public Metadata(CatalogManager catalogManager, FunctionResolver functionResolver, SessionPropertyManager sessionPropertyManager)
    {
        this.catalogManager = requireNonNull(catalogManager, "catalogManager is null");
        this.functionResolver = requireNonNull(functionResolver, "functionResolver is null");
        this.sessionPropertyManager = requireNonNull(sessionPropertyManager, "sessionPropertyManager is null");
    }

    public CatalogManager catalogManager()
    {
        return catalogManager;
    }

    public FunctionResolver functions()
    {
        return functionResolver;
    }

    public SessionPropertyManager sessionProperties()
    {
        return sessionPropertyManager;
    }

    /** Catalog names, sorted. */
    public List<String> listCatalogs()
    {
        return catalogManager.catalogNames();
    }

    public boolean catalogExists(String catalogName)
    {
        return catalogManager.getConnector(catalogName).isPresent();
    }

    /** The schemas of a catalog, sorted; {@code CATALOG_NOT_FOUND} when it does not exist. */
    public List<String> listSchemas(Session session, String catalogName, Optional<Location> location)
    {
        List<String> schemas = new ArrayList<>(connectorMetadata(catalogName, location).listSchemaNames(session.toConnectorSession()));
        schemas.sort(null);
        return List.copyOf(schemas);
    }

    /** The tables of a schema, sorted; {@code CATALOG_NOT_FOUND} or {@code SCHEMA_NOT_FOUND} when missing. */
    public List<String> listTables(Session session, String catalogName, String schemaName, Optional<Location> location)
    {
        requireSchema(session, catalogName, schemaName, location);
        List<String> tables = new ArrayList<>();
        for (SchemaTableName table : connectorMetadata(catalogName, location).listTables(session.toConnectorSession(), Optional.of(schemaName))) {
            if (table.schemaName().equals(schemaName)) {
                tables.add(table.tableName());
            }
        }
        tables.sort(null);
        return List.copyOf(tables);
    }

    /** Fails with {@code CATALOG_NOT_FOUND} or {@code SCHEMA_NOT_FOUND} unless {@code catalog.schema} exists. */
    public void requireSchema(Session session, String catalogName, String schemaName, Optional<Location> location)
    {
        if (!connectorMetadata(catalogName, location).listSchemaNames(session.toConnectorSession()).contains(schemaName)) {
            throw new StrataException(ErrorCode.SCHEMA_NOT_FOUND, location, "Schema '" + schemaName + "' does not exist", null);
        }
    }

    /**
     * The catalog a statement means: the one written, or else the session's.
     *
     * @throws StrataException {@code MISSING_CATALOG_NAME} when neither is there
     */
    public static String catalogOrSessionDefault(Session session, Optional<String> catalogName, Optional<Location> location)
    {
        return catalogName.or(session::catalog)
                .orElseThrow(() -> new StrataException(ErrorCode.MISSING_CATALOG_NAME, location, "Catalog must be specified when session catalog is not set", null));
    }

    /**
     * Completes {@code [[catalog.]schema.]table} with the session's catalog and schema.
     *
     * @throws StrataException {@code MISSING_CATALOG_NAME} / {@code MISSING_SCHEMA_NAME} when a part is
     * missing from both the name and the session, {@code SYNTAX_ERROR} for more than three parts
     */
    public static QualifiedObjectName qualifyObjectName(Session session, List<String> parts, Optional<Location> location)
    {
        requireNonNull(parts, "parts is null");
        if (parts.isEmpty() || parts.size() > 3) {
            throw new StrataException(ErrorCode.SYNTAX_ERROR, location, "Too many dots in table name: " + String.join(".", parts), null);
        }
        String objectName = parts.get(parts.size() - 1);
        String catalogName = parts.size() > 2 ? parts.get(0) : catalogOrSessionDefault(session, Optional.empty(), location);
        String schemaName = parts.size() > 1 ? parts.get(parts.size() - 2) : session.schema()
                .orElseThrow(() -> new StrataException(ErrorCode.MISSING_SCHEMA_NAME, location, "Schema must be specified when session schema is not set", null));
        return new QualifiedObjectName(catalogName, schemaName, objectName);
    }

    /**
     * Resolves a table name written in a statement.
     *
     * @throws StrataException {@code CATALOG_NOT_FOUND}, {@code SCHEMA_NOT_FOUND}, {@code TABLE_NOT_FOUND}
     * (or the errors of {@link #qualifyObjectName}), located at {@code location}
     */
    public ResolvedTable resolveTable(Session session, List<String> nameParts, Optional<Location> location)
    {
        QualifiedObjectName name = qualifyObjectName(session, nameParts, location);
        ConnectorMetadata metadata = connectorMetadata(name.catalogName(), location);
        Optional<ConnectorTableHandle> handle = metadata.getTableHandle(session.toConnectorSession(), new SchemaTableName(name.schemaName(), name.objectName()));
        if (handle.isEmpty()) {
            requireSchema(session, name.catalogName(), name.schemaName(), location);
            throw new StrataException(ErrorCode.TABLE_NOT_FOUND, location, "Table '" + name + "' does not exist", null);
        }
        TableHandle tableHandle = new TableHandle(name.catalogName(), handle.get());
        return new ResolvedTable(name, tableHandle, getColumns(session, tableHandle));
    }

    /** The table's columns in the connector's order, each with its handle. */
    public List<TableColumn> getColumns(Session session, TableHandle table)
    {
        ConnectorMetadata metadata = connectorMetadata(table.catalogName(), Optional.empty());
        ConnectorTableMetadata tableMetadata = metadata.getTableMetadata(session.toConnectorSession(), table.connectorHandle());
        List<ColumnHandle> handles = metadata.getColumnHandles(session.toConnectorSession(), table.connectorHandle());
        List<ColumnMetadata> columns = tableMetadata.columns();
        if (handles.size() != columns.size()) {
            throw new StrataException(ErrorCode.GENERIC_INTERNAL_ERROR, "Connector of catalog '" + table.catalogName() + "' reports "
                    + columns.size() + " columns but " + handles.size() + " column handles for " + tableMetadata.table());
        }
        List<TableColumn> result = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            result.add(new TableColumn(columns.get(i).name(), columns.get(i).type(), handles.get(i)));
        }
        return List.copyOf(result);
    }

    /** The table's name as its connector reports it (a narrowed handle still names its table). */
    public QualifiedObjectName getTableName(Session session, TableHandle table)
    {
        SchemaTableName name = connectorMetadata(table.catalogName(), Optional.empty())
                .getTableMetadata(session.toConnectorSession(), table.connectorHandle())
                .table();
        return new QualifiedObjectName(table.catalogName(), name.schemaName(), name.tableName());
    }

    public TableStatistics getTableStatistics(Session session, TableHandle table)
    {
        return connectorMetadata(table.catalogName(), Optional.empty()).getTableStatistics(session.toConnectorSession(), table.connectorHandle());
    }

    /** Offers a filter to the table's connector; see {@link ConnectorMetadata#applyFilter}. */
    public Optional<ConstraintApplicationResult> applyFilter(Session session, TableHandle table, TupleDomain constraint)
    {
        return connectorMetadata(table.catalogName(), Optional.empty()).applyFilter(session.toConnectorSession(), table.connectorHandle(), constraint);
    }

    /**
     * The catalog's connector metadata, for the statements that change a catalog (CREATE, INSERT, DROP).
     *
     * @throws StrataException {@code CATALOG_NOT_FOUND}
     */
    public ConnectorMetadata catalogMetadata(String catalogName, Optional<Location> location)
    {
        return connectorMetadata(catalogName, location);
    }

    private ConnectorMetadata connectorMetadata(String catalogName, Optional<Location> location)
    {
        Connector connector = catalogManager.getConnector(catalogName)
                .orElseThrow(() -> new StrataException(ErrorCode.CATALOG_NOT_FOUND, location, "Catalog '" + catalogName + "' does not exist", null));
        return connector.metadata();
    }
}

package io.strata.core.connector.system;

import io.airlift.slice.Slice;
import io.strata.core.metadata.CatalogManager;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.Page;
import io.strata.spi.block.PageBuilder;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorInsertTableHandle;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConnectorPageSinkProvider;
import io.strata.spi.connector.ConnectorPageSource;
import io.strata.spi.connector.ConnectorPageSourceProvider;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorSplitManager;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.ConnectorTableMetadata;
import io.strata.spi.connector.ConstraintApplicationResult;
import io.strata.spi.connector.FixedSplitSource;
import io.strata.spi.connector.SchemaTableName;
import io.strata.spi.connector.TableStatistics;
import io.strata.spi.connector.TupleDomain;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * A catalog's connector with system tables beside (or instead of) its own: every catalog gets
 * {@code information_schema}; catalog {@code system} has only system tables ({@code jdbc}, {@code runtime},
 * {@code information_schema}). Calls about the catalog's own tables go to its connector unchanged.
 */
public final class SystemTablesConnector
        implements Connector
{
    public static final String SYSTEM_CATALOG = "system";

    private final Optional<Connector> delegate;
    private final Map<SchemaTableName, SystemTable> tables;
    private final Metadata metadata = new Metadata();

    private SystemTablesConnector(Optional<Connector> delegate, List<SystemTable> tables)
    {
        this.delegate = requireNonNull(delegate, "delegate is null");
        Map<SchemaTableName, SystemTable> byName = new LinkedHashMap<>();
        for (SystemTable table : tables) {
            byName.put(table.name(), table);
        }
        this.tables = Map.copyOf(byName);
    }

    /** Catalog {@code catalogName} served by {@code connector}, with its {@code information_schema}. */
    public static Connector withInformationSchema(String catalogName, Connector connector, CatalogManager catalogManager)
    {
        return new SystemTablesConnector(Optional.of(connector), InformationSchemaTables.create(catalogName, new CatalogListing(catalogManager)));
    }

    /**
     * Catalog {@code system}: {@code system.jdbc.*}, {@code system.runtime.queries}, {@code nodes} and {@code tasks}, and
     * its {@code information_schema}.
     */
    public static Connector systemCatalog(CatalogManager catalogManager, Supplier<RuntimeQueries> queries, Supplier<RuntimeNodes> nodes)
    {
        CatalogListing listing = new CatalogListing(catalogManager);
        List<SystemTable> tables = new ArrayList<>(JdbcTables.create(listing));
        tables.addAll(RuntimeTables.create(queries, nodes));
        tables.addAll(InformationSchemaTables.create(SYSTEM_CATALOG, listing));
        return new SystemTablesConnector(Optional.empty(), tables);
    }

    /** The connector this one adds system tables to, if any. */
    public Optional<Connector> delegate()
    {
        return delegate;
    }

    @Override
    public ConnectorMetadata metadata()
    {
        return metadata;
    }

    @Override
    public ConnectorSplitManager splitManager()
    {
        return (session, table) -> {
            if (table instanceof SystemTableHandle handle) {
                return new FixedSplitSource(List.of(new SystemSplit(handle.schemaName(), handle.tableName())));
            }
            return delegate().orElseThrow().splitManager().getSplits(session, table);
        };
    }

    @Override
    public boolean splitsRunOnAnyNode(ConnectorTableHandle table)
    {
        // system tables read the coordinator's own state
        return !(table instanceof SystemTableHandle) && delegate().orElseThrow().splitsRunOnAnyNode(table);
    }

    @Override
    public ConnectorPageSourceProvider pageSourceProvider()
    {
        return (session, split, table, columns) -> {
            if (split instanceof SystemSplit) {
                SystemTableHandle handle = (SystemTableHandle) table;
                return pageSource(session, handle, columns);
            }
            return delegate().orElseThrow().pageSourceProvider().createPageSource(session, split, table, columns);
        };
    }

    @Override
    public ConnectorPageSinkProvider pageSinkProvider()
    {
        if (delegate.isEmpty()) {
            throw new StrataException(ErrorCode.NOT_SUPPORTED, "System tables are read-only");
        }
        return delegate.get().pageSinkProvider();
    }

    @Override
    public void shutdown()
    {
        delegate.ifPresent(Connector::shutdown);
    }

    private SystemTable table(SystemTableHandle handle)
    {
        SystemTable table = tables.get(new SchemaTableName(handle.schemaName(), handle.tableName()));
        if (table == null) {
            throw new StrataException(ErrorCode.TABLE_NOT_FOUND, "System table " + handle.schemaName() + "." + handle.tableName() + " does not exist");
        }
        return table;
    }

    private ConnectorPageSource pageSource(ConnectorSession session, SystemTableHandle handle, List<ColumnHandle> columns)
    {
        SystemTable table = table(handle);
        List<List<Object>> rows = table.rows(session, NameFilter.of(handle.constraint()));
        List<Type> types = new ArrayList<>();
        int[] channels = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            SystemColumnHandle column = (SystemColumnHandle) columns.get(i);
            types.add(column.type());
            channels[i] = column.channel();
        }
        List<Page> pages = new ArrayList<>();
        PageBuilder builder = new PageBuilder(types);
        for (List<Object> row : rows) {
            for (int i = 0; i < channels.length; i++) {
                BlockBuilder block = builder.blockBuilder(i);
                block.appendValue(row.get(channels[i]));
            }
            builder.declarePosition();
            if (builder.isFull()) {
                pages.add(builder.build());
                builder.reset();
            }
        }
        if (!builder.isEmpty()) {
            pages.add(builder.build());
        }
        return new RowsPageSource(pages, rows.size());
    }

    /** The pages of rows computed in one go. */
    private static final class RowsPageSource
            implements ConnectorPageSource
    {
        private final List<Page> pages;
        private final long rowCount;
        private int next;

        RowsPageSource(List<Page> pages, long rowCount)
        {
            this.pages = pages;
            this.rowCount = rowCount;
        }

        @Override
        public Page getNextPage()
        {
            return next < pages.size() ? pages.get(next++) : null;
        }

        @Override
        public boolean isFinished()
        {
            return next >= pages.size();
        }

        @Override
        public long completedBytes()
        {
            long bytes = 0;
            for (int i = 0; i < next; i++) {
                bytes += pages.get(i).sizeInBytes();
            }
            return bytes;
        }

        @Override
        public long completedPositions()
        {
            return isFinished() ? rowCount : 0;
        }
    }

    /** The catalog's own metadata, with the system tables' names and columns added. */
    private final class Metadata
            implements ConnectorMetadata
    {
        @Override
        public List<String> listSchemaNames(ConnectorSession session)
        {
            TreeSet<String> schemas = new TreeSet<>();
            delegate.ifPresent(connector -> schemas.addAll(connector.metadata().listSchemaNames(session)));
            tables.keySet().forEach(name -> schemas.add(name.schemaName()));
            return List.copyOf(schemas);
        }

        @Override
        public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
        {
            List<SchemaTableName> names = new ArrayList<>();
            for (SchemaTableName name : tables.keySet()) {
                if (schemaName.isEmpty() || schemaName.get().equals(name.schemaName())) {
                    names.add(name);
                }
            }
            names.sort(Comparator.comparing(SchemaTableName::toString));
            if (delegate.isPresent() && !isSystemSchema(schemaName)) {
                names.addAll(delegate.get().metadata().listTables(session, schemaName));
            }
            return names;
        }

        @Override
        public Optional<ConnectorTableHandle> getTableHandle(ConnectorSession session, SchemaTableName table)
        {
            if (tables.containsKey(table)) {
                return Optional.of(new SystemTableHandle(table.schemaName(), table.tableName(), TupleDomain.all()));
            }
            if (delegate.isEmpty() || isSystemSchema(Optional.of(table.schemaName()))) {
                return Optional.empty();
            }
            return delegate.get().metadata().getTableHandle(session, table);
        }

        @Override
        public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
        {
            if (table instanceof SystemTableHandle handle) {
                SystemTable systemTable = table(handle);
                return new ConnectorTableMetadata(systemTable.name(), systemTable.columns());
            }
            return delegate().orElseThrow().metadata().getTableMetadata(session, table);
        }

        @Override
        public List<ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table)
        {
            if (table instanceof SystemTableHandle handle) {
                List<ColumnMetadata> columns = table(handle).columns();
                List<ColumnHandle> handles = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    handles.add(new SystemColumnHandle(columns.get(i).name(), columns.get(i).type(), i));
                }
                return handles;
            }
            return delegate().orElseThrow().metadata().getColumnHandles(session, table);
        }

        @Override
        public TableStatistics getTableStatistics(ConnectorSession session, ConnectorTableHandle table)
        {
            if (table instanceof SystemTableHandle) {
                return TableStatistics.UNKNOWN;
            }
            return delegate().orElseThrow().metadata().getTableStatistics(session, table);
        }

        /**
         * Takes the whole filter to prune listings but enforces none of it: LIKE patterns arrive as ranges that
         * only approximate them, so the engine evaluates everything again.
         */
        @Override
        public Optional<ConstraintApplicationResult> applyFilter(ConnectorSession session, ConnectorTableHandle table, TupleDomain constraint)
        {
            if (table instanceof SystemTableHandle handle) {
                TupleDomain narrowed = handle.constraint().intersect(constraint);
                if (narrowed.equals(handle.constraint())) {
                    return Optional.empty();
                }
                return Optional.of(new ConstraintApplicationResult(new SystemTableHandle(handle.schemaName(), handle.tableName(), narrowed), constraint));
            }
            return delegate().orElseThrow().metadata().applyFilter(session, table, constraint);
        }

        @Override
        public void createSchema(ConnectorSession session, String schemaName)
        {
            requireWritable(Optional.of(schemaName)).metadata().createSchema(session, schemaName);
        }

        @Override
        public void createTable(ConnectorSession session, ConnectorTableMetadata table)
        {
            requireWritable(Optional.of(table.table().schemaName())).metadata().createTable(session, table);
        }

        @Override
        public void dropTable(ConnectorSession session, ConnectorTableHandle table)
        {
            if (table instanceof SystemTableHandle) {
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "System tables are read-only");
            }
            requireWritable(Optional.empty()).metadata().dropTable(session, table);
        }

        @Override
        public ConnectorInsertTableHandle beginInsert(ConnectorSession session, ConnectorTableHandle table)
        {
            if (table instanceof SystemTableHandle) {
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "System tables are read-only");
            }
            return requireWritable(Optional.empty()).metadata().beginInsert(session, table);
        }

        @Override
        public void finishInsert(ConnectorSession session, ConnectorInsertTableHandle insert, List<Slice> fragments)
        {
            requireWritable(Optional.empty()).metadata().finishInsert(session, insert, fragments);
        }

        @Override
        public void abortInsert(ConnectorSession session, ConnectorInsertTableHandle insert)
        {
            requireWritable(Optional.empty()).metadata().abortInsert(session, insert);
        }

        private Connector requireWritable(Optional<String> schemaName)
        {
            if (delegate.isEmpty() || isSystemSchema(schemaName)) {
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "System schemas are read-only");
            }
            return delegate.get();
        }

        private boolean isSystemSchema(Optional<String> schemaName)
        {
            return schemaName.isPresent() && tables.keySet().stream().anyMatch(name -> name.schemaName().equals(schemaName.get()));
        }
    }
}

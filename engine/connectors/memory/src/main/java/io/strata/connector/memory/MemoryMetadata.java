package io.strata.connector.memory;

import io.airlift.slice.Slice;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.ConnectorInsertTableHandle;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.ConnectorTableMetadata;
import io.strata.spi.connector.SchemaTableName;
import io.strata.spi.connector.TableStatistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * The schemas and tables of a memory catalog. Starts with schema {@code default}, as Presto's memory connector
 * does. Thread-safe: names change under this object's lock; a table's data lives in the {@link MemoryPagesStore}
 * under the table's id.
 */
final class MemoryMetadata
        implements ConnectorMetadata
{
    static final String DEFAULT_SCHEMA = "default";

    private final MemoryPagesStore pagesStore;
    private final AtomicLong nextId = new AtomicLong();

    // guarded by this
    private final Set<String> schemas = new TreeSet<>(Set.of(DEFAULT_SCHEMA));
    // guarded by this
    private final Map<SchemaTableName, TableInfo> tablesByName = new TreeMap<>((left, right) -> left.toString().compareTo(right.toString()));
    // guarded by this
    private final Map<Long, TableInfo> tablesById = new TreeMap<>();

    MemoryMetadata(MemoryPagesStore pagesStore)
    {
        this.pagesStore = requireNonNull(pagesStore, "pagesStore is null");
    }

    @Override
    public synchronized List<String> listSchemaNames(ConnectorSession session)
    {
        return List.copyOf(schemas);
    }

    @Override
    public synchronized List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
    {
        List<SchemaTableName> tables = new ArrayList<>();
        for (SchemaTableName name : tablesByName.keySet()) {
            if (schemaName.isEmpty() || schemaName.get().equals(name.schemaName())) {
                tables.add(name);
            }
        }
        return tables;
    }

    @Override
    public synchronized Optional<ConnectorTableHandle> getTableHandle(ConnectorSession session, SchemaTableName table)
    {
        TableInfo info = tablesByName.get(table);
        return info == null ? Optional.empty() : Optional.of(new MemoryTableHandle(table.schemaName(), table.tableName(), info.id()));
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
    {
        TableInfo info = table((MemoryTableHandle) table);
        return new ConnectorTableMetadata(info.name(), info.columns());
    }

    @Override
    public List<ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table)
    {
        TableInfo info = table((MemoryTableHandle) table);
        List<ColumnHandle> handles = new ArrayList<>();
        for (int i = 0; i < info.columns().size(); i++) {
            ColumnMetadata column = info.columns().get(i);
            handles.add(new MemoryColumnHandle(column.name(), column.type(), i));
        }
        return handles;
    }

    @Override
    public TableStatistics getTableStatistics(ConnectorSession session, ConnectorTableHandle table)
    {
        try {
            return new TableStatistics(OptionalDouble.of(pagesStore.rowCount(((MemoryTableHandle) table).tableId())));
        }
        catch (StrataException e) {
            return TableStatistics.UNKNOWN;
        }
    }

    @Override
    public synchronized void createSchema(ConnectorSession session, String schemaName)
    {
        if (!schemas.add(requireNonNull(schemaName, "schemaName is null"))) {
            throw new StrataException(ErrorCode.ALREADY_EXISTS, "Schema '" + schemaName + "' already exists");
        }
    }

    @Override
    public synchronized void createTable(ConnectorSession session, ConnectorTableMetadata table)
    {
        SchemaTableName name = table.table();
        if (!schemas.contains(name.schemaName())) {
            throw new StrataException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + name.schemaName() + "' does not exist");
        }
        if (tablesByName.containsKey(name)) {
            throw new StrataException(ErrorCode.ALREADY_EXISTS, "Table '" + name + "' already exists");
        }
        if (table.columns().isEmpty()) {
            throw new StrataException(ErrorCode.NOT_SUPPORTED, "Table '" + name + "' must have at least one column");
        }
        TableInfo info = new TableInfo(nextId.getAndIncrement(), name, table.columns());
        pagesStore.createTable(info.id());
        tablesByName.put(name, info);
        tablesById.put(info.id(), info);
    }

    @Override
    public synchronized void dropTable(ConnectorSession session, ConnectorTableHandle table)
    {
        MemoryTableHandle handle = (MemoryTableHandle) table;
        TableInfo info = tablesById.remove(handle.tableId());
        if (info == null) {
            throw new StrataException(ErrorCode.TABLE_NOT_FOUND, "Table '" + handle.schemaName() + "." + handle.tableName() + "' does not exist");
        }
        tablesByName.remove(info.name());
        pagesStore.dropTable(info.id());
    }

    @Override
    public ConnectorInsertTableHandle beginInsert(ConnectorSession session, ConnectorTableHandle table)
    {
        TableInfo info = table((MemoryTableHandle) table);
        return new MemoryInsertTableHandle(info.id(), nextId.getAndIncrement());
    }

    @Override
    public void finishInsert(ConnectorSession session, ConnectorInsertTableHandle insert, List<Slice> fragments)
    {
        pagesStore.commit((MemoryInsertTableHandle) insert);
    }

    @Override
    public void abortInsert(ConnectorSession session, ConnectorInsertTableHandle insert)
    {
        pagesStore.abort((MemoryInsertTableHandle) insert);
    }

    private synchronized TableInfo table(MemoryTableHandle handle)
    {
        TableInfo info = tablesById.get(handle.tableId());
        if (info == null) {
            throw new StrataException(ErrorCode.TABLE_NOT_FOUND, "Table '" + handle.schemaName() + "." + handle.tableName() + "' does not exist");
        }
        return info;
    }

    private record TableInfo(long id, SchemaTableName name, List<ColumnMetadata> columns)
    {
        TableInfo
        {
            columns = List.copyOf(columns);
        }
    }
}

package io.strata.core.connector.system;

import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.SchemaTableName;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A system table given by its name, columns and a function computing its rows.
 */
final class ComputedTable
        implements SystemTable
{
    @FunctionalInterface
    interface RowSource
    {
        List<List<Object>> rows(ConnectorSession session, NameFilter filter);
    }

    private final SchemaTableName name;
    private final List<ColumnMetadata> columns;
    private final RowSource rows;

    ComputedTable(SchemaTableName name, List<ColumnMetadata> columns, RowSource rows)
    {
        this.name = requireNonNull(name, "name is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.rows = requireNonNull(rows, "rows is null");
    }

    /** A table without rows, for the JDBC metadata Strata has nothing to report on (procedures, UDTs, ...). */
    static ComputedTable empty(SchemaTableName name, List<ColumnMetadata> columns)
    {
        return new ComputedTable(name, columns, (session, filter) -> List.of());
    }

    @Override
    public SchemaTableName name()
    {
        return name;
    }

    @Override
    public List<ColumnMetadata> columns()
    {
        return columns;
    }

    @Override
    public List<List<Object>> rows(ConnectorSession session, NameFilter filter)
    {
        return rows.rows(session, filter);
    }
}

package io.strata.bench;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Loads TPC-H tables into DuckDB from the same generator ({@code io.trino.tpch:tpch:1.2}) that Strata's tpch
 * connector reads, with the standard schema (DECIMAL(12,2), DATE, BIGINT keys, INTEGER, VARCHAR): DuckDB's own
 * dbgen needs an extension download, which is not possible here.
 */
public final class DuckDbTpchLoader
{
    private final Connection connection;

    public DuckDbTpchLoader(Connection connection)
    {
        this.connection = requireNonNull(connection, "connection is null");
    }

    public <E extends TpchEntity> void load(TpchTable<E> table, double scaleFactor)
            throws SQLException
    {
        List<String> columnDefinitions = new ArrayList<>();
        for (TpchColumn<E> column : table.getColumns()) {
            columnDefinitions.add(column.getColumnName() + " " + duckDbType(column.getType()));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table.getTableName() + " (" + String.join(", ", columnDefinitions) + ")");
        }
        List<TpchColumn<E>> columns = table.getColumns();
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.getTableName())) {
            for (E row : table.createGenerator(scaleFactor, 1, 1)) {
                appender.beginRow();
                for (TpchColumn<E> column : columns) {
                    switch (column.getType().getBase()) {
                        case IDENTIFIER:
                            appender.append(column.getIdentifier(row));
                            break;
                        case INTEGER:
                            appender.append(column.getInteger(row));
                            break;
                        case DOUBLE:
                            appender.appendDecimal(Math.round(column.getDouble(row) * 100));
                            break;
                        case DATE:
                            appender.appendEpochDays(column.getDate(row));
                            break;
                        case VARCHAR:
                            appender.append(column.getString(row));
                            break;
                    }
                }
                appender.endRow();
            }
        }
    }

    private static String duckDbType(TpchColumnType type)
    {
        switch (type.getBase()) {
            case IDENTIFIER:
                return "BIGINT";
            case INTEGER:
                return "INTEGER";
            case DOUBLE:
                return "DECIMAL(12,2)";
            case DATE:
                return "DATE";
            case VARCHAR:
                return "VARCHAR";
        }
        throw new IllegalArgumentException("unknown TPC-H column type " + type);
    }
}

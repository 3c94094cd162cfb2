package io.strata.spi.connector;

import io.airlift.slice.Slice;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;

import java.util.List;
import java.util.Optional;

/**
 * A catalog's metadata. Names are as the connector stores them; the engine matches unquoted SQL names
 * lowercased.
 */
public interface ConnectorMetadata
{
    List<String> listSchemaNames(ConnectorSession session);

    /** Tables of one schema, or of every schema when {@code schemaName} is empty. */
    List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName);

    Optional<ConnectorTableHandle> getTableHandle(ConnectorSession session, SchemaTableName table);

    ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table);

    /** Handles of the table's columns, in the order of {@link ConnectorTableMetadata#columns()}. */
    List<ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table);

    default TableStatistics getTableStatistics(ConnectorSession session, ConnectorTableHandle table)
    {
        return TableStatistics.UNKNOWN;
    }

    /**
     * Offers a filter to the connector. Empty means the connector takes none of it; otherwise the result
     * holds the narrowed handle and the part the engine must still evaluate.
     */
    default Optional<ConstraintApplicationResult> applyFilter(ConnectorSession session, ConnectorTableHandle table, TupleDomain constraint)
    {
        return Optional.empty();
    }

    default void createSchema(ConnectorSession session, String schemaName)
    {
        throw new StrataException(ErrorCode.NOT_SUPPORTED, "This connector does not support creating schemas");
    }

    /**
     * Creates an empty table. The engine checked that the schema exists and the table does not; a connector
     * that finds the table exists nonetheless (a concurrent CREATE) fails with {@code ALREADY_EXISTS}.
     */
    default void createTable(ConnectorSession session, ConnectorTableMetadata table)
    {
        throw new StrataException(ErrorCode.NOT_SUPPORTED, "This connector does not support creating tables");
    }

    default void dropTable(ConnectorSession session, ConnectorTableHandle table)
    {
        throw new StrataException(ErrorCode.NOT_SUPPORTED, "This connector does not support dropping tables");
    }

    /**
     * Starts an INSERT of rows of every column of the table, in the order of its columns. The rows that the
     * page sinks of the returned handle receive become visible together at {@link #finishInsert}, never before.
     */
    default ConnectorInsertTableHandle beginInsert(ConnectorSession session, ConnectorTableHandle table)
    {
        throw new StrataException(ErrorCode.NOT_SUPPORTED, "This connector does not support inserts");
    }

    /**
     * Makes the rows of an INSERT visible, atomically.
     *
     * @param fragments what the insert's page sinks returned from {@link ConnectorPageSink#finish()}
     */
    default void finishInsert(ConnectorSession session, ConnectorInsertTableHandle insert, List<Slice> fragments)
    {
        throw new StrataException(ErrorCode.NOT_SUPPORTED, "This connector does not support inserts");
    }

    /** Drops whatever an INSERT that will not finish has written. */
    default void abortInsert(ConnectorSession session, ConnectorInsertTableHandle insert) {}
}

package io.strata.core.execution.query;

import io.strata.core.execution.OutputColumn;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.metadata.WriteTarget;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorInsertTableHandle;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConnectorPageSink;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.SchemaTableName;

import java.util.List;
import java.util.function.Supplier;

import static io.strata.spi.type.BigintType.BIGINT;
import static java.util.Objects.requireNonNull;

/**
 * Writes the output of an INSERT's or CREATE TABLE AS's plan into its table, on the coordinator: creates the
 * table (CREATE TABLE AS), begins the connector's insert, hands it every page, and at the end commits the
 * insert, which makes the rows visible at once, and reports their count. A write that does not finish is
 * aborted, and a table it created is dropped again. Thread-safe: the query's failure may abort it while pages
 * arrive.
 */
final class TableWriter
{
    /** What the client receives: Presto's single {@code rows} column holding the count. */
    static final List<OutputColumn> OUTPUT_COLUMNS = List.of(new OutputColumn("rows", BIGINT));

    private enum State
    {
        WRITING, FINISHED, ABORTED
    }

    private final WriteTarget target;
    private final ConnectorSession session;
    private final Connector connector;
    private final ConnectorTableHandle table;
    private final ConnectorInsertTableHandle insert;
    private final ConnectorPageSink sink;
    private final boolean created;

    // guarded by this
    private State state = State.WRITING;
    // guarded by this
    private long rows;

    private TableWriter(WriteTarget target, ConnectorSession session, Connector connector, ConnectorTableHandle table, ConnectorInsertTableHandle insert,
            ConnectorPageSink sink, boolean created)
    {
        this.target = target;
        this.session = session;
        this.connector = connector;
        this.table = table;
        this.insert = insert;
        this.sink = sink;
        this.created = created;
    }

    /**
     * Creates the table when the target says so and begins the insert.
     *
     * @throws StrataException {@code NOT_SUPPORTED} naming the catalog when its connector cannot write,
     * {@code ALREADY_EXISTS} when a concurrent statement created the table
     */
    static TableWriter begin(Session session, CatalogManager catalogManager, WriteTarget target)
    {
        requireNonNull(target, "target is null");
        String catalog = target.table().catalogName();
        ConnectorSession connectorSession = session.toConnectorSession();
        Connector connector = catalogManager.requireConnector(catalog);
        ConnectorMetadata metadata = connector.metadata();
        SchemaTableName name = new SchemaTableName(target.table().schemaName(), target.table().objectName());
        if (target.create().isPresent()) {
            inCatalog(catalog, "creating tables", () -> {
                metadata.createTable(connectorSession, target.create().get());
                return null;
            });
        }
        ConnectorTableHandle table = null;
        try {
            table = metadata.getTableHandle(connectorSession, name)
                    .orElseThrow(() -> new StrataException(ErrorCode.TABLE_NOT_FOUND, "Table '" + target.table() + "' does not exist"));
            ConnectorTableHandle insertInto = table;
            ConnectorInsertTableHandle insert = inCatalog(catalog, "inserts", () -> metadata.beginInsert(connectorSession, insertInto));
            ConnectorPageSink sink = inCatalog(catalog, "inserts", () -> connector.pageSinkProvider().createPageSink(connectorSession, insert));
            return new TableWriter(target, connectorSession, connector, table, insert, sink, target.create().isPresent());
        }
        catch (RuntimeException e) {
            if (target.create().isPresent() && table != null) {
                dropQuietly(connector, connectorSession, table, e);
            }
            throw e;
        }
    }

    synchronized void append(Page page)
    {
        if (state != State.WRITING) {
            return;
        }
        rows += page.positionCount();
        sink.appendPage(page);
    }

    /** Commits the insert; returns the page the client receives: one row, the count of rows written. */
    synchronized Page finish()
    {
        if (state != State.WRITING) {
            throw new IllegalStateException("write into " + target.table() + " is " + state);
        }
        connector.metadata().finishInsert(session, insert, sink.finish());
        state = State.FINISHED;
        return new Page(new LongArrayBlock(1, null, new long[] {rows}));
    }

    synchronized long rows()
    {
        return rows;
    }

    /** Drops what was written, and the table when this write created it. Idempotent; no-op once finished. */
    synchronized void abort()
    {
        if (state != State.WRITING) {
            return;
        }
        state = State.ABORTED;
        try {
            sink.abort();
            connector.metadata().abortInsert(session, insert);
        }
        catch (RuntimeException e) {
            // the query fails anyway; what the connector keeps of an aborted insert is never visible
        }
        if (created) {
            dropQuietly(connector, session, table, null);
        }
    }

    private static void dropQuietly(Connector connector, ConnectorSession session, ConnectorTableHandle table, RuntimeException failure)
    {
        try {
            connector.metadata().dropTable(session, table);
        }
        catch (RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    private static <T> T inCatalog(String catalog, String what, Supplier<T> call)
    {
        try {
            return call.get();
        }
        catch (StrataException e) {
            if (e.errorCode() == ErrorCode.NOT_SUPPORTED) {
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "Catalog '" + catalog + "' does not support " + what, e);
            }
            throw e;
        }
    }
}

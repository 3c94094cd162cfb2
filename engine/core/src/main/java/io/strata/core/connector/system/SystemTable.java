package io.strata.core.connector.system;

import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.SchemaTableName;

import java.util.List;

/**
 * A table whose rows are computed when read, from metadata or runtime state.
 */
interface SystemTable
{
    SchemaTableName name();

    List<ColumnMetadata> columns();

    /**
     * The rows, each a list of values in the Java classes of the column types' layouts ({@code Slice},
     * {@code Long}, {@code Boolean}, ...). The filter lets a table skip rows, and above all skip listing
     * catalogs, schemas and tables, that cannot pass; the engine still evaluates its whole predicate.
     */
    List<List<Object>> rows(ConnectorSession session, NameFilter filter);
}

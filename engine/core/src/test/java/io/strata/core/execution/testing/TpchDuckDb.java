package io.strata.core.execution.testing;

import io.strata.core.session.Session;
import io.strata.spi.block.Page;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorPageSource;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.ConnectorSplitSource;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.SchemaTableName;
import io.strata.spi.type.BigintType;
import io.strata.spi.type.DateType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarcharType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads tables of the tpch connector into DuckDB with the rows its page sources produce and the connector's own
 * types (through a CSV file: DuckDB's appender costs a native call per value), so that DuckDB can be the oracle
 * for queries over them.
 */
public final class TpchDuckDb
{
    private TpchDuckDb() {}

    public static void load(Connector connector, String schema, String table, Connection duckDb)
            throws SQLException, IOException
    {
        ConnectorSession session = Session.simple("load", "test", Optional.empty(), Optional.empty()).toConnectorSession();
        ConnectorTableHandle handle = connector.metadata().getTableHandle(session, new SchemaTableName(schema, table)).orElseThrow();
        List<ColumnMetadata> metadata = connector.metadata().getTableMetadata(session, handle).columns();
        List<ColumnHandle> columns = connector.metadata().getColumnHandles(session, handle);
        List<Type> types = metadata.stream().map(ColumnMetadata::type).toList();
        List<String> definitions = new ArrayList<>();
        for (ColumnMetadata column : metadata) {
            definitions.add(column.name() + " " + duckDbType(column.type()));
        }
        Path file = Files.createTempFile(table, ".csv");
        try {
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    ConnectorSplitSource splits = connector.splitManager().getSplits(session, handle)) {
                while (!splits.isFinished()) {
                    for (ConnectorSplit split : splits.nextBatch(100)) {
                        try (ConnectorPageSource source = connector.pageSourceProvider().createPageSource(session, split, handle, columns)) {
                            while (!source.isFinished()) {
                                Page page = source.getNextPage();
                                if (page != null) {
                                    for (List<Object> row : Values.toRows(types, List.of(page))) {
                                        writer.write(csvLine(row));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            try (Statement statement = duckDb.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (" + String.join(", ", definitions) + ")");
                statement.execute("COPY " + table + " FROM '" + file.toAbsolutePath() + "' (FORMAT csv, HEADER false, QUOTE '\"', NULL '\\N')");
            }
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    private static String csvLine(List<Object> row)
    {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = row.get(i);
            if (value == null) {
                line.append("\\N");
            }
            else if (value instanceof String string) {
                line.append('"').append(string.replace("\"", "\"\"")).append('"');
            }
            else if (value instanceof BigDecimal decimal) {
                line.append(decimal.toPlainString());
            }
            else {
                line.append(value);
            }
        }
        return line.append('\n').toString();
    }

    private static String duckDbType(Type type)
    {
        if (type instanceof DecimalType decimal) {
            return "DECIMAL(" + decimal.precision() + ", " + decimal.scale() + ")";
        }
        if (type instanceof VarcharType) {
            return "VARCHAR";
        }
        if (type instanceof DateType) {
            return "DATE";
        }
        if (type instanceof IntegerType) {
            return "INTEGER";
        }
        if (type instanceof BigintType) {
            return "BIGINT";
        }
        return "DOUBLE";
    }
}

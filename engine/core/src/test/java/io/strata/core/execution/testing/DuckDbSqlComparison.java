package io.strata.core.execution.testing;

import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.execution.testing.TestingQueryRunner.MaterializedResult;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.SqlStatementPlanner;
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
import io.strata.spi.type.DateType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarcharType;
import io.strata.sql.parser.SqlParser;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs SQL through the engine (parser, analyzer, planner, scheduler, operators) over the tpch connector and
 * through DuckDB loaded with the same generator's rows, and compares the answers: as multisets, or in order
 * when the query's ORDER BY fixes it. Numbers compare by value (doubles to a relative 1e-9), dates as ISO text.
 */
public final class DuckDbSqlComparison
        implements AutoCloseable
{
    private final TestingQueryRunner runner;
    private final SqlStatementPlanner planner;
    private final Connection duckDb;

    public DuckDbSqlComparison(List<String> tpchTables)
    {
        this(tpchTables, TaskManagerConfig.defaults().withWorkerThreads(2));
    }

    public DuckDbSqlComparison(List<String> tpchTables, TaskManagerConfig config)
    {
        runner = new TestingQueryRunner(List.of(new TpchConnectorFactory()), Map.of("tpch", Map.of("connector.name", "tpch")), config);
        planner = new SqlStatementPlanner(new SqlParser(), runner.catalogManager(), new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
        try {
            duckDb = DriverManager.getConnection("jdbc:duckdb:");
            for (String table : tpchTables) {
                loadTpchTable(table);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Session session()
    {
        return Session.simple("test_query", "test", Optional.of("tpch"), Optional.of("tiny"));
    }

    /** The engine's answer. */
    public MaterializedResult execute(String sql)
    {
        return TestingQueryRunner.execute(runner.createQuery(() -> planner.plan(session(), sql)));
    }

    /** DuckDB's answer, normalized. */
    public List<List<Object>> duckDb(String sql)
    {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = duckDb.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = normalize(resultSet.getObject(i + 1));
                }
                rows.add(Arrays.asList(row));
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed on " + sql, e);
        }
        return rows;
    }

    /** Runs DDL or DML in DuckDB only (to make tables the engine reads from VALUES). */
    public void duckDbExecute(String sql)
    {
        try (Statement statement = duckDb.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed on " + sql, e);
        }
    }

    public void assertSameAnswer(String sql)
    {
        assertSameAnswer(sql, sql);
    }

    /** The engine's answer to {@code sql} equals DuckDB's to {@code duckDbSql}; in order if {@code sql} ends with an ORDER BY. */
    public void assertSameAnswer(String sql, String duckDbSql)
    {
        List<List<Object>> actual = execute(sql).rows().stream().map(row -> row.stream().map(DuckDbSqlComparison::normalize).toList()).toList();
        List<List<Object>> expected = duckDb(duckDbSql);
        boolean ordered = sql.toLowerCase(java.util.Locale.ENGLISH).matches("(?s).*\\border\\s+by\\b[^)]*$");
        if (!ordered) {
            actual = sorted(actual);
            expected = sorted(expected);
        }
        assertThat(actual).as(sql).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            List<Object> actualRow = actual.get(i);
            List<Object> expectedRow = expected.get(i);
            assertThat(actualRow).as(sql + "\nrow " + i).hasSameSizeAs(expectedRow);
            for (int column = 0; column < actualRow.size(); column++) {
                Object actualValue = actualRow.get(column);
                Object expectedValue = expectedRow.get(column);
                if (actualValue instanceof Double && expectedValue instanceof Double) {
                    assertThat((Double) actualValue).as(sql + "\nrow " + i + " column " + column + " " + actualRow + " vs " + expectedRow)
                            .isCloseTo((Double) expectedValue, org.assertj.core.data.Offset.offset(Math.abs((Double) expectedValue) * 1e-9 + 1e-12));
                }
                else {
                    assertThat(actualValue).as(sql + "\nrow " + i + " column " + column + " " + actualRow + " vs " + expectedRow).isEqualTo(expectedValue);
                }
            }
        }
    }

    private static List<List<Object>> sorted(List<List<Object>> rows)
    {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    /** Integers as Long, exact decimals without trailing zeros, floating point as Double, the rest as text. */
    public static Object normalize(Object value)
    {
        if (value == null) {
            return null;
        }
        Object temporal = normalizeTemporalOrBinary(value);
        if (temporal != null) {
            return temporal;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger) {
            return ((java.math.BigInteger) value).longValueExact();
        }
        if (value instanceof BigDecimal decimal) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }

    /** Timestamps as ISO local date-times, times as ISO local times, bytes as hex; null for other values. */
    private static Object normalizeTemporalOrBinary(Object value)
    {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof java.time.LocalDateTime || value instanceof java.time.LocalTime) {
            return value.toString();
        }
        if (value instanceof java.sql.Time time) {
            return time.toLocalTime().toString();
        }
        if (value instanceof byte[] bytes) {
            return "X'" + java.util.HexFormat.of().formatHex(bytes) + "'";
        }
        if (value instanceof java.sql.Blob blob) {
            try {
                return "X'" + java.util.HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length())) + "'";
            }
            catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    private void loadTpchTable(String table)
            throws SQLException
    {
        Connector connector = runner.catalogManager().requireConnector("tpch");
        ConnectorSession session = session().toConnectorSession();
        ConnectorTableHandle handle = connector.metadata().getTableHandle(session, new SchemaTableName("tiny", table)).orElseThrow();
        List<ColumnMetadata> metadata = connector.metadata().getTableMetadata(session, handle).columns();
        List<ColumnHandle> columns = connector.metadata().getColumnHandles(session, handle);
        List<Type> types = metadata.stream().map(ColumnMetadata::type).toList();
        List<String> definitions = metadata.stream().map(column -> column.name() + " " + duckDbType(column.type())).toList();
        try {
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
                duckDbExecute("CREATE TABLE " + table + " (" + String.join(", ", definitions) + ")");
                duckDbExecute("COPY " + table + " FROM '" + file.toAbsolutePath() + "' (FORMAT csv, HEADER false, QUOTE '\"', NULL '\\N')");
            }
            finally {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
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
            else if (value instanceof String) {
                line.append('"').append(((String) value).replace("\"", "\"\"")).append('"');
            }
            else if (value instanceof BigDecimal) {
                line.append(((BigDecimal) value).toPlainString());
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
        if (type instanceof DoubleType) {
            return "DOUBLE";
        }
        return "BIGINT";
    }

    @Override
    public void close()
    {
        runner.close();
        try {
            duckDb.close();
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

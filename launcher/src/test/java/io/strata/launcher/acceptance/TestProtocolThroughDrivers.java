package io.strata.launcher.acceptance;

import com.facebook.presto.jdbc.PrestoStatement;
import io.strata.protocol.Dialect;
import io.trino.jdbc.TrinoStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import static java.lang.String.format;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

/**
 * What applications do through the unmodified presto-jdbc 0.296 and trino-jdbc 476 drivers: metadata statements,
 * session changes that travel back and forth in headers ({@code SET SESSION}, {@code USE}, prepared statements),
 * cancellation from another thread, and errors.
 */
@TestInstance(PER_CLASS)
@Timeout(value = 60, unit = SECONDS, threadMode = SEPARATE_THREAD)
public class TestProtocolThroughDrivers
{
    private static final List<String> TPCH_TABLES = List.of("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier");
    /** A system session property the engine defines ({@code io.strata.core.metadata.SystemSessionProperties}). */
    private static final String SESSION_PROPERTY = "query_max_run_time";
    /** How long a canceled statement may take to end, and the coordinator to report the query canceled. */
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(10);

    private TestingCoordinator coordinator;
    private StockDrivers drivers;

    @BeforeAll
    public void startCoordinator()
    {
        coordinator = TestingCoordinator.start();
        drivers = new StockDrivers(coordinator);
    }

    @AfterAll
    public void stopCoordinator()
            throws Exception
    {
        try {
            if (drivers != null) {
                drivers.close();
            }
        }
        finally {
            if (coordinator != null) {
                coordinator.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testShowCatalogs(Dialect dialect)
            throws SQLException
    {
        assertThat(firstColumn(dialect, "SHOW CATALOGS")).contains("tpch");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testShowSchemas(Dialect dialect)
            throws SQLException
    {
        assertThat(firstColumn(dialect, "SHOW SCHEMAS FROM tpch")).contains("tiny", "sf1");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testShowTables(Dialect dialect)
            throws SQLException
    {
        // Presto sorts SHOW TABLES by name
        assertThat(firstColumn(dialect, "SHOW TABLES FROM tpch.tiny")).containsExactlyElementsOf(TPCH_TABLES);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testDescribeAndShowColumns(Dialect dialect)
            throws SQLException
    {
        List<String> expected = List.of("n_nationkey bigint", "n_name varchar(25)", "n_regionkey bigint", "n_comment varchar(152)");
        for (String sql : List.of("DESCRIBE tpch.tiny.nation", "SHOW COLUMNS FROM tpch.tiny.nation")) {
            try (Connection connection = drivers.connect(dialect);
                    Statement statement = connection.createStatement();
                    ResultSet resultSet = statement.executeQuery(sql)) {
                assertThat(resultSet.getMetaData().getColumnLabel(1)).as("first column of %s", sql).isEqualToIgnoringCase("Column");
                assertThat(resultSet.getMetaData().getColumnLabel(2)).as("second column of %s", sql).isEqualToIgnoringCase("Type");
                List<String> columns = new ArrayList<>();
                while (resultSet.next()) {
                    columns.add(resultSet.getString(1) + " " + resultSet.getString(2));
                }
                assertThat(columns).as(sql).containsExactlyElementsOf(expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testSetSessionThenShowSession(Dialect dialect)
            throws SQLException
    {
        try (Connection connection = drivers.connect(dialect);
                Statement statement = connection.createStatement()) {
            assertThat(showSession(statement)).as("default value").isNotEqualTo("2h");
            // an update: executeQuery would refuse it
            assertThat(statement.execute("SET SESSION " + SESSION_PROPERTY + " = '2h'")).isFalse();
            // the server keeps no session: the value came back in a header, and the driver sends it with every statement
            assertThat(showSession(statement)).isEqualTo("2h");
            assertThat(statement.execute("RESET SESSION " + SESSION_PROPERTY)).isFalse();
            assertThat(showSession(statement)).isNotEqualTo("2h");
        }
        try (Connection fresh = drivers.connect(dialect);
                Statement statement = fresh.createStatement()) {
            assertThat(showSession(statement)).as("a new connection's value").isNotEqualTo("2h");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testUseThenUnqualifiedName(Dialect dialect)
            throws SQLException
    {
        try (Connection connection = drivers.connectWithoutCatalog(dialect);
                Statement statement = connection.createStatement()) {
            assertThat(connection.getCatalog()).isNull();
            assertThat(statement.execute("USE tpch.tiny")).isFalse();
            assertThat(connection.getCatalog()).isEqualTo("tpch");
            assertThat(connection.getSchema()).isEqualTo("tiny");
            try (ResultSet resultSet = statement.executeQuery("SELECT count(*) FROM nation")) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getLong(1)).isEqualTo(25);
                assertThat(resultSet.next()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testPreparedStatement(Dialect dialect)
            throws SQLException
    {
        try (Connection connection = drivers.connect(dialect)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT n_name FROM nation WHERE n_regionkey = ? AND n_nationkey < ? ORDER BY n_nationkey")) {
                statement.setLong(1, 1);
                statement.setLong(2, 10);
                assertThat(strings(statement)).containsExactly("ARGENTINA", "BRAZIL", "CANADA");
                // executed again with other values: the same prepared statement, new parameters
                statement.setLong(1, 2);
                statement.setInt(2, 10);
                assertThat(strings(statement)).containsExactly("INDIA", "INDONESIA");
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT n_nationkey, n_regionkey FROM nation WHERE n_name = ?")) {
                statement.setString(1, "GERMANY");
                try (ResultSet resultSet = statement.executeQuery()) {
                    assertThat(resultSet.next()).isTrue();
                    assertThat(resultSet.getLong(1)).isEqualTo(7);
                    assertThat(resultSet.getLong(2)).isEqualTo(3);
                    assertThat(resultSet.next()).isFalse();
                }
                // a string with a quote travels as a literal, not as SQL
                statement.setString(1, "O'HARA");
                try (ResultSet resultSet = statement.executeQuery()) {
                    assertThat(resultSet.next()).isFalse();
                }
            }
        }
    }

    /**
     * {@code Statement.cancel()} from another thread ends a running statement with an {@link SQLException}, and the
     * driver's {@code DELETE} of {@code nextUri} cancels the query on the coordinator: seen through a recording proxy
     * between the driver and the coordinator, then by following that {@code nextUri} by hand.
     */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testCancelFromAnotherThread(Dialect dialect)
            throws Exception
    {
        AtomicReference<Thread> executingThread = new AtomicReference<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "statement-" + dialect);
            thread.setDaemon(true);
            executingThread.set(thread);
            return thread;
        });
        try (RecordingProxy proxy = RecordingProxy.start(coordinator.baseUri());
                RawProtocolClient rawClient = new RawProtocolClient(coordinator);
                Connection connection = drivers.connect(dialect, TestingCoordinator.jdbcUrl(dialect, proxy.hostAndPort()));
                Statement statement = connection.createStatement()) {
            AtomicReference<String> queryId = new AtomicReference<>();
            CountDownLatch running = new CountDownLatch(1);
            onProgress(dialect, statement, (id, state) -> {
                queryId.set(id);
                if (state.equals("RUNNING")) {
                    running.countDown();
                }
            });
            Future<String> execution = executor.submit(() -> {
                try (ResultSet resultSet = statement.executeQuery(ProtocolAssertions.LONG_QUERY)) {
                    List<String> rows = new ArrayList<>();
                    while (resultSet.next()) {
                        rows.add(resultSet.getString(1));
                    }
                    return "finished with rows " + rows;
                }
            });
            awaitRunning(running, execution, queryId);

            statement.cancel();
            SQLException exception;
            try {
                String outcome = execution.get(CANCEL_TIMEOUT.toSeconds(), SECONDS);
                throw new AssertionError(format("query %s was canceled, but its statement ended normally, %s", queryId.get(), outcome));
            }
            catch (ExecutionException e) {
                assertThat(e.getCause()).as("how the statement of query %s ended", queryId.get()).isInstanceOf(SQLException.class);
                exception = (SQLException) e.getCause();
            }
            catch (TimeoutException e) {
                throw new AssertionError(format("the statement of query %s has not ended %s after cancel(); the proxy saw %s; the statement's thread is at %s",
                        queryId.get(), CANCEL_TIMEOUT, proxy.describe(), Arrays.toString(executingThread.get().getStackTrace())));
            }
            // the drivers abort on their side ("Error executing query", "Error fetching results", "ResultSet is closed");
            // a failure the server reported must be the cancellation
            if (exception.getMessage().startsWith("Query failed")) {
                assertThat(exception.getErrorCode()).as("%s", exception).isEqualTo(3);
            }

            // the drivers send the DELETE asynchronously
            String id = queryId.get();
            RecordingProxy.Exchange delete = proxy.awaitExchange(
                    exchange -> exchange.method().equals("DELETE") && exchange.pathAndQuery().contains("/" + id + "/"),
                    CANCEL_TIMEOUT);
            assertThat(delete.status()).as("%s", delete).isEqualTo(204);
            ProtocolAssertions.assertCanceled(rawClient, dialect, coordinator.uri(delete.pathAndQuery()), CANCEL_TIMEOUT);
        }
        finally {
            executor.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testSyntaxError(Dialect dialect)
            throws SQLException
    {
        try (Connection connection = drivers.connect(dialect);
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FORM nation"))
                    .isInstanceOfSatisfying(SQLException.class, exception -> {
                        // both drivers: "Query failed (#id): <message>", the numeric code as the vendor code; no error name
                        assertThat(exception.getMessage()).startsWith("Query failed (#").contains("): line 1:10: ");
                        assertThat(exception.getErrorCode()).as("vendor code of SYNTAX_ERROR").isEqualTo(1);
                        if (exception.getSQLState() != null) {
                            assertThat(exception.getSQLState()).as("SQLState class 42, syntax error").startsWith("42");
                        }
                    });
            // the connection is still usable
            try (ResultSet resultSet = statement.executeQuery("SELECT count(*) FROM nation")) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getLong(1)).isEqualTo(25);
            }
        }
    }

    /** Waits until the driver reported the query running; fails at once if the statement ended before. */
    private static void awaitRunning(CountDownLatch running, Future<String> execution, AtomicReference<String> queryId)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + SECONDS.toNanos(30);
        while (!running.await(50, MILLISECONDS)) {
            if (execution.isDone()) {
                String outcome;
                try {
                    outcome = execution.get();
                }
                catch (ExecutionException e) {
                    throw new AssertionError("query " + queryId.get() + " ended before it was seen running: " + e.getCause(), e.getCause());
                }
                throw new AssertionError("query " + queryId.get() + " ended before it was seen running: " + outcome);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("query " + queryId.get() + " not seen running within 30 seconds");
            }
        }
    }

    private List<String> firstColumn(Dialect dialect, String sql)
            throws SQLException
    {
        try (Connection connection = drivers.connect(dialect);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (resultSet.next()) {
                values.add(resultSet.getString(1));
            }
            return values;
        }
    }

    /** The value of {@link #SESSION_PROPERTY} in {@code SHOW SESSION}: columns Name, Value, Default, Type, Description. */
    private static String showSession(Statement statement)
            throws SQLException
    {
        try (ResultSet resultSet = statement.executeQuery("SHOW SESSION")) {
            assertThat(resultSet.getMetaData().getColumnLabel(1)).isEqualToIgnoringCase("Name");
            assertThat(resultSet.getMetaData().getColumnLabel(2)).isEqualToIgnoringCase("Value");
            String value = null;
            while (resultSet.next()) {
                if (resultSet.getString(1).toLowerCase(Locale.ENGLISH).equals(SESSION_PROPERTY)) {
                    value = resultSet.getString(2);
                }
            }
            assertThat(value).as("%s in SHOW SESSION", SESSION_PROPERTY).isNotNull();
            return value;
        }
    }

    private static List<String> strings(PreparedStatement statement)
            throws SQLException
    {
        try (ResultSet resultSet = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (resultSet.next()) {
                values.add(resultSet.getString(1));
            }
            return values;
        }
    }

    /** Calls back with the query id and state each time the driver reports progress. */
    private static void onProgress(Dialect dialect, Statement statement, BiConsumer<String, String> callback)
            throws SQLException
    {
        switch (dialect) {
            case PRESTO -> statement.unwrap(PrestoStatement.class).setProgressMonitor(stats -> callback.accept(stats.getQueryId(), stats.getState()));
            case TRINO -> statement.unwrap(TrinoStatement.class).setProgressMonitor(stats -> callback.accept(stats.getQueryId(), stats.getState()));
        }
    }
}

package io.strata.server.protocol;

import io.airlift.slice.Slices;
import io.strata.core.execution.OutputColumn;
import io.strata.core.session.SessionUpdates;
import io.strata.protocol.ErrorCode;
import io.strata.protocol.QueryState;
import io.strata.server.CoordinatorServices;
import io.strata.server.TestingQueryEngine;
import io.strata.server.TestingQueryEngine.Script;
import io.strata.server.config.ServerConfig;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.spi.type.Int128;
import io.strata.spi.type.TimeZoneKey;
import io.strata.spi.type.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.strata.server.TestingQueryEngine.page;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.CharType.createCharType;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DecimalType.createDecimalType;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static io.strata.spi.type.RealType.REAL;
import static io.strata.spi.type.SmallintType.SMALLINT;
import static io.strata.spi.type.TimeType.createTimeType;
import static io.strata.spi.type.TimestampType.createTimestampType;
import static io.strata.spi.type.TimestampWithTimeZoneType.createTimestampWithTimeZoneType;
import static io.strata.spi.type.TinyintType.TINYINT;
import static io.strata.spi.type.UnknownType.UNKNOWN;
import static io.strata.spi.type.VarbinaryType.VARBINARY;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static io.strata.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * presto-jdbc 0.296 and trino-jdbc 476, unchanged, against the coordinator's protocol over a scripted
 * engine: the clients the protocol exists for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
final class TestStockDrivers
{
    private final TestingQueryEngine engine = new TestingQueryEngine();
    private CoordinatorServices server;

    @BeforeAll
    void start()
    {
        List<Type> types = List.of(BOOLEAN, INTEGER, BIGINT, DOUBLE, createDecimalType(12, 2), createDecimalType(38, 4), createVarcharType(25), DATE, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH, UNKNOWN);
        List<OutputColumn> columns = new ArrayList<>();
        for (Type type : types) {
            columns.add(new OutputColumn("c_" + type.baseName().replace(' ', '_'), type));
        }
        engine.register("SELECT types", Script.builder()
                .columns(columns.toArray(OutputColumn[]::new))
                .pages(page(
                        types,
                        new Object[] {true, 42, 9007199254740993L, Double.NaN, 1234L, Int128.valueOf(new BigInteger("-123456789012345678901234567890123")), "héllo", 11_556, 90_061_001L, 14, null},
                        new Object[] {null, null, null, Double.NEGATIVE_INFINITY, null, null, null, null, null, null, null}))
                .build());
        List<Type> scalarTypes = List.of(TINYINT, SMALLINT, REAL, createCharType(4), VARBINARY, createTimestampType(3), createTimestampType(6), createTimeType(3),
                createTimestampWithTimeZoneType(3));
        List<OutputColumn> scalarColumns = new ArrayList<>();
        for (int i = 0; i < scalarTypes.size(); i++) {
            scalarColumns.add(new OutputColumn("c" + i, scalarTypes.get(i)));
        }
        engine.register("SELECT scalar types", Script.builder()
                .columns(scalarColumns.toArray(OutputColumn[]::new))
                .pages(page(
                        scalarTypes,
                        new Object[] {-128, 32767, 0.1f + 0.0, "ab", Slices.wrappedBuffer(new byte[] {10, 11}),
                                1_578_020_645_123_000L, 1_578_020_645_123_456L, 11_045_123_000L, TimeZoneKey.pack(1_578_020_645_123L, TimeZoneKey.UTC_KEY)},
                        new Object[] {null, null, null, null, null, null, null, null, null}))
                .build());
        engine.register("SET SESSION query_max_run_time = '1h'", Script.builder()
                .updateType("SET SESSION")
                .sessionUpdates(new SessionUpdates(Optional.of("tpch"), Optional.of("tiny"), Map.of("query_max_run_time", "1h"), List.of(), Map.of(), List.of(), Optional.empty(), false))
                .build());
        engine.register("INSERT INTO t VALUES 1, 2, 3", Script.builder()
                .columns(new OutputColumn("rows", BIGINT))
                .updateType("INSERT")
                .pages(page(List.of(BIGINT), new Object[] {3L}))
                .build());
        engine.register("SELECT 1 FORM t", Script.builder()
                .failOnStart(new StrataException(ErrorCode.SYNTAX_ERROR, new Location(1, 10), "mismatched input 'FORM'"))
                .build());
        engine.register("SELECT version()", Script.builder()
                .columns(new OutputColumn("_col0", VARCHAR))
                .pages(page(List.of(VARCHAR), new Object[] {"0.1.0"}))
                .build());
        engine.register("SELECT slowly", Script.builder()
                .columns(new OutputColumn("x", BIGINT))
                .pages(page(List.of(BIGINT), new Object[] {1L}))
                .holdOutput()
                .build());
        server = CoordinatorServices.start(
                ServerConfig.fromProperties(Map.of(
                        "node.id", "drivers",
                        "http-server.http.host", "127.0.0.1",
                        "http-server.http.port", "0",
                        "http-server.threads.max", "2",
                        "protocol.v1.threads", "2")),
                Map.of(),
                (config, catalogs, baseUri) -> engine);
    }

    @AfterAll
    void stop()
    {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"presto", "trino"})
    void testValues(String driver)
            throws SQLException
    {
        try (Connection connection = connect(driver);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT types")) {
            ResultSetMetaData metadata = resultSet.getMetaData();
            assertThat(metadata.getColumnCount()).isEqualTo(11);
            assertThat(metadata.getColumnType(5)).isEqualTo(Types.DECIMAL);
            assertThat(metadata.getPrecision(5)).isEqualTo(12);
            assertThat(metadata.getScale(5)).isEqualTo(2);
            assertThat(metadata.getColumnType(7)).isEqualTo(Types.VARCHAR);
            assertThat(metadata.getColumnType(8)).isEqualTo(Types.DATE);

            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getBoolean(1)).isTrue();
            assertThat(resultSet.getInt(2)).isEqualTo(42);
            assertThat(resultSet.getLong(3)).isEqualTo(9007199254740993L);
            assertThat(resultSet.getDouble(4)).isNaN();
            assertThat(resultSet.getBigDecimal(5)).isEqualTo(new BigDecimal("12.34"));
            assertThat(resultSet.getBigDecimal(6)).isEqualTo(new BigDecimal("-12345678901234567890123456789.0123"));
            assertThat(resultSet.getString(7)).isEqualTo("héllo");
            assertThat(resultSet.getString(8)).isEqualTo("2001-08-22");
            assertThat(resultSet.getDate(8).toLocalDate()).isEqualTo(LocalDate.of(2001, 8, 22));
            assertThat(resultSet.getObject(9)).hasToString("1 01:01:01.001");
            assertThat(resultSet.getObject(10)).hasToString("1-2");
            assertThat(resultSet.getObject(11)).isNull();

            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getObject(1)).isNull();
            assertThat(resultSet.wasNull()).isTrue();
            assertThat(resultSet.getDouble(4)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(resultSet.getBigDecimal(5)).isNull();
            assertThat(resultSet.next()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"presto", "trino"})
    void testScalarTypes(String driver)
            throws SQLException
    {
        try (Connection connection = connect(driver);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT scalar types")) {
            ResultSetMetaData metadata = resultSet.getMetaData();
            assertThat(metadata.getColumnType(1)).isEqualTo(Types.TINYINT);
            assertThat(metadata.getColumnType(2)).isEqualTo(Types.SMALLINT);
            assertThat(metadata.getColumnType(3)).isEqualTo(Types.REAL);
            assertThat(metadata.getColumnType(4)).isEqualTo(Types.CHAR);
            assertThat(metadata.getColumnType(5)).isEqualTo(Types.VARBINARY);
            assertThat(metadata.getColumnType(6)).isEqualTo(Types.TIMESTAMP);
            assertThat(metadata.getColumnType(7)).isEqualTo(Types.TIMESTAMP);
            assertThat(metadata.getColumnType(8)).isEqualTo(Types.TIME);
            assertThat(metadata.getColumnType(9)).isIn(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);

            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getByte(1)).isEqualTo((byte) -128);
            assertThat(resultSet.getShort(2)).isEqualTo((short) 32767);
            assertThat(resultSet.getFloat(3)).isEqualTo(0.1f);
            assertThat(resultSet.getString(4)).isEqualTo("ab  ");
            assertThat(resultSet.getBytes(5)).containsExactly(10, 11);
            assertThat(resultSet.getTimestamp(6).toLocalDateTime()).isEqualTo(LocalDateTime.of(2020, 1, 3, 3, 4, 5, 123_000_000));
            assertThat(resultSet.getString(7)).startsWith("2020-01-03 03:04:05.123");
            assertThat(resultSet.getTime(8).toLocalTime()).isEqualTo(LocalTime.of(3, 4, 5));
            assertThat(resultSet.getTimestamp(9).toInstant()).isEqualTo(Instant.ofEpochMilli(1_578_020_645_123L));

            assertThat(resultSet.next()).isTrue();
            for (int column = 1; column <= 9; column++) {
                assertThat(resultSet.getObject(column)).isNull();
            }
            assertThat(resultSet.next()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"presto", "trino"})
    void testSessionAndUpdates(String driver)
            throws SQLException
    {
        try (Connection connection = connect(driver);
                Statement statement = connection.createStatement()) {
            assertThat(statement.execute("SET SESSION query_max_run_time = '1h'")).isFalse();
            assertThat(statement.getUpdateCount()).isZero();
            assertThat(connection.getCatalog()).isEqualTo("tpch");
            assertThat(connection.getSchema()).isEqualTo("tiny");

            assertThat(statement.executeUpdate("INSERT INTO t VALUES 1, 2, 3")).isEqualTo(3);
            // the next statement carries the session the server announced
            try (ResultSet resultSet = statement.executeQuery("SELECT version()")) {
                assertThat(resultSet.next()).isTrue();
            }
        }
        List<String> properties = new ArrayList<>();
        for (TestingQueryEngine.TestingQueryExecution execution : engine.executions()) {
            if (execution.sql().equals("SELECT version()")) {
                properties.add(execution.session().catalog().orElse("") + "." + execution.session().schema().orElse("") + " " + execution.session().systemProperties());
            }
        }
        assertThat(properties).contains("tpch.tiny {query_max_run_time=1h}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"presto", "trino"})
    void testSyntaxError(String driver)
            throws SQLException
    {
        try (Connection connection = connect(driver);
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1 FORM t"))
                    .isInstanceOfSatisfying(SQLException.class, exception -> {
                        assertThat(exception.getMessage()).contains("line 1:10: mismatched input 'FORM'");
                        assertThat(exception.getErrorCode()).isEqualTo(1);
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"presto", "trino"})
    void testServerVersion(String driver)
            throws SQLException
    {
        try (Connection connection = connect(driver)) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(metadata.getDatabaseProductVersion()).isNotBlank();
            assertThat(metadata.getDatabaseMajorVersion()).isZero();
            assertThat(metadata.getDatabaseMinorVersion()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"presto", "trino"})
    void testCancelFromAnotherThread(String driver)
            throws Exception
    {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection connection = connect(driver);
                Statement statement = connection.createStatement()) {
            Future<Boolean> reading = executor.submit(() -> {
                try (ResultSet resultSet = statement.executeQuery("SELECT slowly")) {
                    return resultSet.next();
                }
            });
            TestingQueryEngine.TestingQueryExecution execution = awaitRunning("SELECT slowly");
            statement.cancel();
            assertThatThrownBy(() -> reading.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!execution.canceled() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(execution.canceled()).isTrue();
        }
        finally {
            executor.shutdownNow();
        }
    }

    private TestingQueryEngine.TestingQueryExecution awaitRunning(String sql)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (TestingQueryEngine.TestingQueryExecution execution : engine.executions()) {
                if (execution.sql().equals(sql) && execution.state() == QueryState.RUNNING && !execution.canceled()) {
                    return execution;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no running query " + sql);
    }

    private Connection connect(String driver)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", "alice");
        String url = "jdbc:" + driver + "://127.0.0.1:" + server.baseUri().getPort();
        Driver jdbcDriver = driver.equals("presto") ? new com.facebook.presto.jdbc.PrestoDriver() : new io.trino.jdbc.TrinoDriver();
        return jdbcDriver.connect(url, properties);
    }
}

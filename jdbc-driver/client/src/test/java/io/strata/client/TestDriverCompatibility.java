package io.strata.client;

import io.strata.protocol.Column;
import io.strata.protocol.Dialect;
import io.strata.protocol.ErrorCode;
import io.strata.protocol.ErrorLocation;
import io.strata.protocol.QueryError;
import io.strata.protocol.QueryResults;
import io.strata.protocol.QueryState;
import io.strata.protocol.StatementStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static io.strata.client.TestingCoordinator.ok;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stock drivers (presto-jdbc 0.296, trino-jdbc 476) against the scripted coordinator serving what the
 * protocol classes write, each in its dialect: the wire contract checked by its real readers. The drivers
 * are reached through {@link DriverManager} only.
 */
@Timeout(value = 30, unit = SECONDS)
class TestDriverCompatibility
{
    private static final String QUERY_ID = "20250101_000000_00001_c1";
    private static final String QUEUED_PATH = "/v1/statement/queued/" + QUERY_ID + "/x1/1";
    private static final String EXECUTING_PATH = "/v1/statement/executing/" + QUERY_ID + "/x1/1";

    private TestingCoordinator coordinator;

    @BeforeEach
    void setUp()
            throws IOException
    {
        coordinator = new TestingCoordinator();
    }

    @AfterEach
    void tearDown()
    {
        coordinator.close();
    }

    @Test
    void prestoJdbcReadsThePrestoDialect()
            throws SQLException
    {
        assertReadsResults("jdbc:presto", Dialect.PRESTO);
        assertThat(coordinator.requests().get(0).header("X-Presto-User")).isEqualTo("test");
        assertThat(coordinator.requests().get(0).header("X-Presto-Transaction-Id")).isEqualTo("NONE");
    }

    @Test
    void trinoJdbcReadsTheTrinoDialect()
            throws SQLException
    {
        assertReadsResults("jdbc:trino", Dialect.TRINO);
        assertThat(coordinator.requests().get(0).header("X-Trino-User")).isEqualTo("test");
    }

    @Test
    void prestoJdbcReadsUpdatesAndErrors()
            throws SQLException
    {
        assertReadsUpdatesAndErrors("jdbc:presto", Dialect.PRESTO);
    }

    @Test
    void trinoJdbcReadsUpdatesAndErrors()
            throws SQLException
    {
        assertReadsUpdatesAndErrors("jdbc:trino", Dialect.TRINO);
    }

    private void assertReadsResults(String urlPrefix, Dialect dialect)
            throws SQLException
    {
        List<Column> columns = new ArrayList<>();
        for (String[] column : new String[][] {
                {"id", "bigint"},
                {"name", "varchar"},
                {"code", "varchar(3)"},
                {"price", "decimal(10,2)"},
                {"ratio", "double"},
                {"tags", "array(varchar)"},
                {"attributes", "map(varchar,bigint)"},
                {"point", "row(x bigint,y varchar)"},
                {"nothing", "varchar"}}) {
            columns.add(Column.of(column[0], column[1], dialect));
        }
        List<List<Object>> data = List.of(Arrays.asList(
                9007199254740993L, "abc", "xyz", "12.34", "NaN", List.of("a", "b"), Map.of("k", 1), List.of(1, "p"), null));
        script(
                results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build(),
                results(QueryState.RUNNING).nextUri(coordinator.uri(EXECUTING_PATH)).columns(columns).data(data).build(),
                results(QueryState.FINISHED).columns(columns).build(),
                dialect);

        try (Connection connection = connect(urlPrefix);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT * FROM t")) {
            ResultSetMetaData metadata = resultSet.getMetaData();
            assertThat(metadata.getColumnCount()).isEqualTo(columns.size());
            assertThat(metadata.getColumnName(1)).isEqualTo("id");
            assertThat(metadata.getColumnType(1)).isEqualTo(java.sql.Types.BIGINT);
            assertThat(metadata.getColumnType(2)).isEqualTo(java.sql.Types.VARCHAR);
            assertThat(metadata.getColumnType(4)).isEqualTo(java.sql.Types.DECIMAL);
            assertThat(metadata.getScale(4)).isEqualTo(2);

            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getLong(1)).isEqualTo(9007199254740993L);
            assertThat(resultSet.getString(2)).isEqualTo("abc");
            assertThat(resultSet.getString(3)).isEqualTo("xyz");
            assertThat(resultSet.getBigDecimal(4)).isEqualTo(new BigDecimal("12.34"));
            assertThat(resultSet.getDouble(5)).isNaN();
            Array tags = resultSet.getArray(6);
            assertThat((Object[]) tags.getArray()).containsExactly("a", "b");
            assertThat(resultSet.getObject(7)).isEqualTo(Map.of("k", 1L));
            // presto-jdbc returns a Map, trino-jdbc its Row; both print the fields by name
            assertThat(String.valueOf(resultSet.getObject(8))).contains("x=1").contains("y=p");
            assertThat(resultSet.getString(9)).isNull();
            assertThat(resultSet.wasNull()).isTrue();
            assertThat(resultSet.next()).isFalse();
        }
    }

    private void assertReadsUpdatesAndErrors(String urlPrefix, Dialect dialect)
            throws SQLException
    {
        script(
                results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build(),
                results(QueryState.RUNNING).nextUri(coordinator.uri(EXECUTING_PATH))
                        .columns(List.of(Column.of("rows", "bigint", dialect)))
                        .data(List.of(List.of(3)))
                        .updateType("INSERT")
                        .build(),
                results(QueryState.FINISHED).columns(List.of(Column.of("rows", "bigint", dialect))).updateType("INSERT").updateCount(3).build(),
                dialect);
        try (Connection connection = connect(urlPrefix);
                Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("INSERT INTO t VALUES 1, 2, 3")).isEqualTo(3);
        }

        QueryError error = QueryError.of(ErrorCode.TABLE_NOT_FOUND, "line 1:15: Table tpch.tiny.nope does not exist", Optional.of(new ErrorLocation(1, 15)), Optional.empty());
        script(
                results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build(),
                results(QueryState.FAILED).error(error).build(),
                results(QueryState.FAILED).error(error).build(),
                dialect);
        try (Connection connection = connect(urlPrefix);
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM nope"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(ErrorCode.TABLE_NOT_FOUND.code());
                        assertThat(e.getMessage()).contains("Table tpch.tiny.nope does not exist");
                    });
        }
    }

    private void script(QueryResults posted, QueryResults queued, QueryResults executing, Dialect dialect)
    {
        coordinator.respond("POST", "/v1/statement", ok(posted.withDialect(dialect)));
        coordinator.respond("GET", QUEUED_PATH, ok(queued.withDialect(dialect)));
        coordinator.respond("GET", EXECUTING_PATH, ok(executing.withDialect(dialect)));
    }

    private Connection connect(String urlPrefix)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", "test");
        return DriverManager.getConnection(urlPrefix + "://127.0.0.1:" + coordinator.uri().getPort() + "/tpch/tiny", properties);
    }

    private QueryResults.Builder results(QueryState state)
    {
        StatementStats stats = StatementStats.builder()
                .state(state)
                .queued(state == QueryState.QUEUED)
                .scheduled(state != QueryState.QUEUED)
                .totalSplits(4)
                .completedSplits(state == QueryState.FINISHED ? 4 : 1)
                .build();
        return QueryResults.builder(QUERY_ID, coordinator.uri("/ui/query.html?" + QUERY_ID), stats);
    }
}

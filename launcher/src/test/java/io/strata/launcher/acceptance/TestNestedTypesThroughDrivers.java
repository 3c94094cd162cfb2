package io.strata.launcher.acceptance;

import io.strata.protocol.Dialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

/**
 * Arrays, maps and rows read through the unmodified presto-jdbc and trino-jdbc drivers: the column types carry
 * structured type signatures, and the drivers turn the JSON values into {@link java.sql.Array}s, maps and rows.
 */
@TestInstance(PER_CLASS)
@Timeout(value = 60, unit = SECONDS, threadMode = SEPARATE_THREAD)
public class TestNestedTypesThroughDrivers
{
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
    public void testArrayMapAndRowValues(Dialect dialect)
            throws SQLException
    {
        String sql = "SELECT ARRAY[1, NULL, 3], ARRAY['a', 'b'], MAP(ARRAY['k'], ARRAY[2.5E0]), CAST(ROW(7, 'x') AS ROW(n bigint, s varchar)), "
                + "CAST(NULL AS array(bigint)), ARRAY[ARRAY[1], ARRAY[]]";
        try (Connection connection = drivers.connect(dialect);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            ResultSetMetaData metadata = resultSet.getMetaData();
            // presto-jdbc reports the names in upper case
            assertThat(metadata.getColumnTypeName(1)).isEqualToIgnoringCase("array(integer)");
            assertThat(metadata.getColumnTypeName(3)).isEqualToIgnoringCase("map(varchar(1),double)");
            assertThat(metadata.getColumnTypeName(4)).isEqualToIgnoringCase("row(n bigint,s varchar)");
            assertThat(resultSet.next()).isTrue();

            Array integers = resultSet.getArray(1);
            assertThat(Arrays.asList((Object[]) integers.getArray())).containsExactly(1, null, 3);
            assertThat(integers.getBaseTypeName()).isEqualToIgnoringCase("integer");
            assertThat(Arrays.asList((Object[]) resultSet.getArray(2).getArray())).containsExactly("a", "b");
            assertThat(resultSet.getObject(3)).isEqualTo(Map.of("k", 2.5));
            Object row = resultSet.getObject(4);
            assertThat(row.toString()).contains("7").contains("x");
            assertThat(resultSet.getObject(5)).isNull();
            assertThat(resultSet.wasNull()).isTrue();
            Object[] nested = (Object[]) resultSet.getArray(6).getArray();
            assertThat(nested).hasSize(2);
            assertThat(asList(nested[0])).containsExactly(1);
            assertThat(asList(nested[1])).isEmpty();
            assertThat(resultSet.next()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testElementsOfEveryScalarType(Dialect dialect)
            throws SQLException
    {
        String sql = "SELECT ARRAY[TIMESTAMP '2020-01-02 10:11:12.123'], ARRAY[REAL '1.5', NULL], ARRAY[CAST(7 AS tinyint), CAST(8 AS smallint)], "
                + "MAP(ARRAY[CHAR 'ab'], ARRAY[X'0A0B']), ROW(TIME '01:02:03', DATE '2020-02-03'), ARRAY[TIMESTAMP '2020-01-02 03:04:05 UTC'], "
                + "ARRAY[CAST('x' AS char(3))]";
        try (Connection connection = drivers.connect(dialect);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            ResultSetMetaData metadata = resultSet.getMetaData();
            // Presto's timestamp has no precision parameter, Trino's has, in element types too
            assertThat(metadata.getColumnTypeName(1)).isEqualToIgnoringCase(dialect == Dialect.PRESTO ? "array(timestamp)" : "array(timestamp(3))");
            assertThat(resultSet.next()).isTrue();
            assertThat(asList(resultSet.getArray(1).getArray()).get(0).toString()).startsWith("2020-01-02 10:11:12.123");
            assertThat(asList(resultSet.getArray(2).getArray())).containsExactly(1.5f, null);
            assertThat(asList(resultSet.getArray(3).getArray()).toString()).isEqualTo("[7, 8]");
            Map<?, ?> map = (Map<?, ?>) resultSet.getObject(4);
            assertThat(map.keySet().iterator().next()).isEqualTo("ab");
            assertThat(map.values().iterator().next()).isEqualTo(new byte[] {0x0A, 0x0B});
            assertThat(resultSet.getObject(5).toString()).contains("01:02:03").contains("2020-02-03");
            Object zoned = asList(resultSet.getArray(6).getArray()).get(0);
            if (zoned instanceof Timestamp timestamp) {
                // trino-jdbc gives the instant as a Timestamp in the JVM's zone
                assertThat(timestamp.toInstant()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
            }
            else {
                assertThat(zoned.toString()).contains("2020-01-02").contains("03:04:05");
            }
            assertThat(asList(resultSet.getArray(7).getArray())).containsExactly("x  ");
        }
    }

    /** A nested array as the drivers give it: a List (Presto) or an Array (Trino). */
    private static List<Object> asList(Object value)
            throws SQLException
    {
        if (value instanceof Array array) {
            return Arrays.asList((Object[]) array.getArray());
        }
        if (value instanceof Object[] objects) {
            return Arrays.asList(objects);
        }
        return List.copyOf((List<?>) value);
    }
}

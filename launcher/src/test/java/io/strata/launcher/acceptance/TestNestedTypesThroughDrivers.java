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

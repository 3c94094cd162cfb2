package io.strata.launcher.acceptance;

import io.strata.protocol.Dialect;
import io.strata.protocol.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

/**
 * Bad input over HTTP through the unmodified presto-jdbc and trino-jdbc drivers: each statement fails with an
 * {@link SQLException} carrying the error's code as vendor code (and its line:column for syntax errors), and
 * the coordinator answers a good query on the same connection afterwards. Window functions and grouping sets
 * come through the drivers too.
 */
@TestInstance(PER_CLASS)
@Timeout(value = 120, unit = SECONDS, threadMode = SEPARATE_THREAD)
public class TestBadInputThroughDrivers
{
    private record Case(String sql, ErrorCode code, String location)
    {
    }

    private static final List<Case> CASES = List.of(
            new Case("SELECT * FORM tpch.tiny.nation", ErrorCode.SYNTAX_ERROR, "line 1:10"),
            new Case("SELECT n_name,\nFROM tpch.tiny.nation", ErrorCode.SYNTAX_ERROR, "line 2:1"),
            new Case("SELECT * FROM tpch.tiny.nation WHERE n_nationkey == 1", ErrorCode.SYNTAX_ERROR, "line 1:51"),
            new Case("SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000), ErrorCode.STATEMENT_TOO_LARGE, ""),
            new Case("SELECT * FROM tpch.tiny.nope", ErrorCode.TABLE_NOT_FOUND, "line 1:15"),
            new Case("SELECT nope FROM tpch.tiny.nation", ErrorCode.COLUMN_NOT_FOUND, "line 1:8"),
            new Case("SELECT n_name + 1 FROM tpch.tiny.nation", ErrorCode.TYPE_MISMATCH, "line 1:15"),
            new Case("SELECT n_name, count(*) FROM tpch.tiny.nation", ErrorCode.SYNTAX_ERROR, "line 1:8"),
            new Case("SELECT n_nationkey / 0 FROM tpch.tiny.nation", ErrorCode.DIVISION_BY_ZERO, ""),
            new Case("SELECT 9223372036854775807 + n_nationkey + 1 FROM tpch.tiny.nation", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, ""),
            new Case("SELECT CAST(n_name AS bigint) FROM tpch.tiny.nation", ErrorCode.INVALID_CAST_ARGUMENT, ""),
            new Case("SELECT sum(n_nationkey) OVER (ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM tpch.tiny.nation", ErrorCode.INVALID_WINDOW_FRAME, "line 1:31"));

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
    public void testErrorsCarryCodeAndLocationAndTheServerKeepsServing(Dialect dialect)
            throws SQLException
    {
        try (Connection connection = drivers.connect(dialect);
                Statement statement = connection.createStatement()) {
            for (Case testCase : CASES) {
                assertThatThrownBy(() -> {
                    try (ResultSet resultSet = statement.executeQuery(testCase.sql())) {
                        while (resultSet.next()) {
                            resultSet.getObject(1);
                        }
                    }
                })
                        .as(testCase.sql())
                        .isInstanceOfSatisfying(SQLException.class, exception -> {
                            assertThat(exception.getErrorCode()).as("vendor code of %s: %s", testCase.code(), exception).isEqualTo(testCase.code().code());
                            assertThat(exception.getMessage()).as(testCase.sql()).contains(testCase.location());
                        });
                assertThat(firstColumn(statement, "SELECT count(*) FROM tpch.tiny.nation")).as("after " + testCase.sql()).containsExactly("25");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testWindowsAndGroupingSets(Dialect dialect)
            throws SQLException
    {
        try (Connection connection = drivers.connect(dialect);
                Statement statement = connection.createStatement()) {
            assertThat(firstColumn(statement, "SELECT rank() OVER (ORDER BY n_regionkey) FROM tpch.tiny.nation WHERE n_nationkey < 6 ORDER BY 1"))
                    .containsExactly("1", "1", "3", "3", "3", "6");
            // regions 0..4 hold 5 nations each: five groups and the grand total
            assertThat(firstColumn(statement, "SELECT count(*) FROM tpch.tiny.nation GROUP BY ROLLUP (n_regionkey) ORDER BY 1"))
                    .containsExactly("5", "5", "5", "5", "5", "25");
        }
    }

    private static List<String> firstColumn(Statement statement, String sql)
            throws SQLException
    {
        List<String> values = new ArrayList<>();
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            while (resultSet.next()) {
                values.add(resultSet.getString(1));
            }
        }
        return values;
    }
}

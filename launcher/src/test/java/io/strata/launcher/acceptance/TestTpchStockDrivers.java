package io.strata.launcher.acceptance;

import io.strata.protocol.Dialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

/**
 * TPC-H queries at {@code tiny} (SF0.01), run through the unmodified presto-jdbc and trino-jdbc drivers, give the
 * reference answers (compared by the rules of {@link TpchAnswers}).
 */
@TestInstance(PER_CLASS)
@Timeout(value = 120, unit = SECONDS, threadMode = SEPARATE_THREAD)
public class TestTpchStockDrivers
{
    private static final List<Integer> QUERIES = IntStream.rangeClosed(1, 22).boxed().toList();

    private final TpchAnswers answers = TpchAnswers.forScale("sf0.01");
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

    public static List<Arguments> queriesThroughDrivers()
    {
        List<Arguments> arguments = new ArrayList<>();
        for (Dialect dialect : Dialect.values()) {
            for (int query : QUERIES) {
                arguments.add(Arguments.of(dialect, query));
            }
        }
        return arguments;
    }

    @ParameterizedTest(name = "q{1} through the {0} driver")
    @MethodSource("queriesThroughDrivers")
    public void testReferenceAnswer(Dialect dialect, int query)
            throws Exception
    {
        try (Connection connection = drivers.connect(dialect);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(answers.query(query))) {
            answers.assertResult(query, resultSet);
        }
    }
}

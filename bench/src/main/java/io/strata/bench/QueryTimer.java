package io.strata.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.Objects.requireNonNull;

/**
 * Times statements through JDBC, reading every value of every row as a client would, and cancels a statement that
 * runs longer than the timeout (so one pathological query cannot stall a whole benchmark run).
 */
final class QueryTimer
        implements AutoCloseable
{
    private final Duration timeout;
    private final ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "benchmark-query-canceller");
        thread.setDaemon(true);
        return thread;
    });

    QueryTimer(Duration timeout)
    {
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** The elapsed times of the runs after {@code warmup} runs, and the rows of the last run. */
    Measurement time(Connection connection, String sql, int warmup, int runs)
            throws SQLException
    {
        List<Double> millis = new ArrayList<>();
        long rows = 0;
        for (int run = 0; run < warmup + runs; run++) {
            long start = System.nanoTime();
            rows = execute(connection, sql);
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (run >= warmup) {
                millis.add(elapsed);
            }
        }
        return new Measurement(millis, rows);
    }

    private long execute(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> cancellation = canceller.schedule(() -> cancel(statement, timedOut), timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (ResultSet resultSet = statement.executeQuery(sql)) {
                int columns = resultSet.getMetaData().getColumnCount();
                long rows = 0;
                while (resultSet.next()) {
                    for (int column = 1; column <= columns; column++) {
                        resultSet.getObject(column);
                    }
                    rows++;
                }
                return rows;
            }
            catch (SQLException e) {
                if (timedOut.get()) {
                    throw new SQLException("canceled after the timeout of " + timeout.toSeconds() + " s", e);
                }
                throw e;
            }
            finally {
                cancellation.cancel(false);
            }
        }
    }

    private static void cancel(Statement statement, AtomicBoolean timedOut)
    {
        timedOut.set(true);
        try {
            statement.cancel();
        }
        catch (SQLException ignored) {
            // the statement ended meanwhile: nothing to cancel
        }
    }

    @Override
    public void close()
    {
        canceller.shutdownNow();
    }

    static double median(Collection<Double> values)
    {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double geometricMean(Collection<Double> values)
    {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double logSum = 0;
        for (double value : values) {
            logSum += Math.log(value);
        }
        return Math.exp(logSum / values.size());
    }

    /** Measured runs of one statement. */
    record Measurement(List<Double> millis, long rows)
    {
        Measurement
        {
            millis = List.copyOf(millis);
        }

        double medianMillis()
        {
            return median(millis);
        }
    }
}

package io.strata.launcher.acceptance;

import com.facebook.presto.jdbc.PrestoDriver;
import io.strata.protocol.Dialect;
import io.trino.jdbc.TrinoDriver;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * The unmodified drivers our users bring: presto-jdbc 0.296 for the {@link Dialect#PRESTO} dialect, trino-jdbc 476
 * for {@link Dialect#TRINO}. One instance of each (each owns an HTTP client and its threads), used directly rather
 * than through {@code DriverManager} so that no other registered driver can answer the URL.
 */
public final class StockDrivers
        implements Closeable
{
    public static final String USER = "acceptance";

    private final TestingCoordinator coordinator;
    private final PrestoDriver prestoDriver = new PrestoDriver();
    private final TrinoDriver trinoDriver = new TrinoDriver();

    public StockDrivers(TestingCoordinator coordinator)
    {
        this.coordinator = requireNonNull(coordinator, "coordinator is null");
    }

    /** A connection whose session starts in {@code tpch.tiny}. */
    public Connection connect(Dialect dialect)
            throws SQLException
    {
        return connect(dialect, coordinator.jdbcUrl(dialect));
    }

    /** A connection whose session has no catalog and no schema. */
    public Connection connectWithoutCatalog(Dialect dialect)
            throws SQLException
    {
        return connect(dialect, coordinator.jdbcUrlWithoutCatalog(dialect));
    }

    /** A connection to any URL of the dialect's scheme, e.g. through a proxy. */
    public Connection connect(Dialect dialect, String url)
            throws SQLException
    {
        Driver driver = driver(dialect);
        if (!driver.acceptsURL(url)) {
            throw new IllegalArgumentException(driver.getClass().getName() + " does not accept " + url);
        }
        Properties properties = new Properties();
        // presto-jdbc requires a user; trino-jdbc would fall back to the OS user
        properties.setProperty("user", USER);
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException(driver.getClass().getName() + " returned no connection for " + url);
        }
        return connection;
    }

    public Driver driver(Dialect dialect)
    {
        return switch (dialect) {
            case PRESTO -> prestoDriver;
            case TRINO -> trinoDriver;
        };
    }

    @Override
    public void close()
            throws IOException
    {
        try {
            prestoDriver.close();
        }
        finally {
            trinoDriver.close();
        }
    }
}

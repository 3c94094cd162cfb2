package io.strata.core.execution.query;

import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.execution.testing.TestingQueryRunner;
import io.strata.core.execution.testing.TestingQueryRunner.MaterializedResult;
import io.strata.core.metadata.CatalogManager;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.connector.ConnectorFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real front end and engine over the given catalogs, in this JVM: SQL in, rows out, as the server runs it.
 */
final class TestingSqlEngine
        implements AutoCloseable
{
    private final CatalogManager catalogManager;
    private final TestingQueryRunner runner;

    TestingSqlEngine(List<ConnectorFactory> factories, Map<String, Map<String, String>> catalogs)
    {
        runner = new TestingQueryRunner(factories, catalogs, TaskManagerConfig.defaults());
        catalogManager = runner.catalogManager();
    }

    CatalogManager catalogManager()
    {
        return catalogManager;
    }

    MaterializedResult run(String sql)
    {
        return runner.execute(Optional.empty(), Optional.empty(), sql);
    }

    void assertError(String sql, ErrorCode code, String message)
    {
        assertThatThrownBy(() -> run(sql))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining(message)
                .satisfies(error -> assertThat(((StrataException) error).errorCode()).isEqualTo(code));
    }

    @Override
    public void close()
    {
        runner.close();
    }
}

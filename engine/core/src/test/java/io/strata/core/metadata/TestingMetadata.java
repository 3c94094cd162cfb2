package io.strata.core.metadata;

import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.session.Session;

import java.util.Optional;

/**
 * Metadata over the {@link TestingConnector}'s catalog, with the built-in functions and the system session
 * properties, and sessions whose defaults point at it.
 */
public final class TestingMetadata
{
    private TestingMetadata() {}

    public static Metadata createTestingMetadata()
    {
        return createMetadata(TestingConnector.createCatalogManager());
    }

    public static Metadata createMetadata(CatalogManager catalogManager)
    {
        return new Metadata(
                catalogManager,
                FunctionResolver.createBuiltIn(),
                new SessionPropertyManager(SystemSessionProperties.create(new PlanOptimizers(PlanOptimizers.defaultPasses()).names())));
    }

    /** A session with catalog {@code testing} and schema {@code sales}. */
    public static Session testingSession()
    {
        return Session.simple("test_query", "test", Optional.of(TestingConnector.CATALOG), Optional.of(TestingConnector.SCHEMA));
    }
}

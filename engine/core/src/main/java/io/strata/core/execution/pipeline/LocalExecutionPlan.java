package io.strata.core.execution.pipeline;

import io.strata.core.execution.driver.DriverFactory;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The pipelines of one task, upstream pipelines first.
 */
public record LocalExecutionPlan(List<DriverFactory> driverFactories)
{
    public LocalExecutionPlan
    {
        driverFactories = List.copyOf(requireNonNull(driverFactories, "driverFactories is null"));
    }
}

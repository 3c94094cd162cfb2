package io.strata.spi.connector;

import static java.util.Objects.requireNonNull;

/**
 * @param handle the table narrowed by the part of the filter the connector enforces
 * @param remainingFilter what the engine must still evaluate on the rows the connector returns
 */
public record ConstraintApplicationResult(ConnectorTableHandle handle, TupleDomain remainingFilter)
{
    public ConstraintApplicationResult
    {
        requireNonNull(handle, "handle is null");
        requireNonNull(remainingFilter, "remainingFilter is null");
    }
}

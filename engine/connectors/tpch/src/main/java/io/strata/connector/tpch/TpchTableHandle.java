package io.strata.connector.tpch;

import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.TupleDomain;

import static java.util.Objects.requireNonNull;

/**
 * A TPC-H table at one scale factor, narrowed by the filter the connector enforces.
 *
 * @param constraint domains over this table's {@link TpchColumnHandle}s that every returned row satisfies
 */
public record TpchTableHandle(String schemaName, String tableName, double scaleFactor, TupleDomain constraint)
        implements ConnectorTableHandle
{
    public TpchTableHandle
    {
        requireNonNull(schemaName, "schemaName is null");
        requireNonNull(tableName, "tableName is null");
        requireNonNull(constraint, "constraint is null");
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            throw new IllegalArgumentException("scale factor must be positive and finite: " + scaleFactor);
        }
    }

    public TpchTableHandle(String schemaName, String tableName, double scaleFactor)
    {
        this(schemaName, tableName, scaleFactor, TupleDomain.all());
    }

    public TpchTableHandle withConstraint(TupleDomain newConstraint)
    {
        return new TpchTableHandle(schemaName, tableName, scaleFactor, newConstraint);
    }
}

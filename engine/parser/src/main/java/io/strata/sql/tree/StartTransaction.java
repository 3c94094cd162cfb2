package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code START TRANSACTION [mode, ...]}.
 */
public record StartTransaction(Optional<Location> location, List<TransactionMode> transactionModes)
        implements Statement
{
    public StartTransaction
    {
        requireNonNull(location, "location is null");
        transactionModes = List.copyOf(requireNonNull(transactionModes, "transactionModes is null"));
    }

    public StartTransaction(List<TransactionMode> transactionModes)
    {
        this(Optional.empty(), transactionModes);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitStartTransaction(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(transactionModes);
    }

    @Override
    public boolean equals(Object other)
    {
        return NodeEquality.equals(this, other);
    }

    @Override
    public int hashCode()
    {
        return NodeEquality.hashCode(this);
    }
}

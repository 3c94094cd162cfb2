package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code READ ONLY} ({@code readOnly}) or {@code READ WRITE}.
 */
public record TransactionAccessMode(Optional<Location> location, boolean readOnly)
        implements TransactionMode
{
    public TransactionAccessMode
    {
        requireNonNull(location, "location is null");
    }

    public TransactionAccessMode(boolean readOnly)
    {
        this(Optional.empty(), readOnly);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitTransactionAccessMode(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of();
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

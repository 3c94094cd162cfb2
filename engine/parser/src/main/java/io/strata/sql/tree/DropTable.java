package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code DROP TABLE [IF EXISTS] name}.
 */
public record DropTable(Optional<Location> location, QualifiedName tableName, boolean exists)
        implements Statement
{
    public DropTable
    {
        requireNonNull(location, "location is null");
        requireNonNull(tableName, "tableName is null");
    }

    public DropTable(QualifiedName tableName, boolean exists)
    {
        this(Optional.empty(), tableName, exists);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitDropTable(this, context);
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

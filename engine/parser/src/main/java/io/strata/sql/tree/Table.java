package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A table named in FROM: {@code [[catalog.]schema.]table}.
 */
public record Table(Optional<Location> location, QualifiedName name)
        implements Relation
{
    public Table
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
    }

    public Table(QualifiedName name)
    {
        this(Optional.empty(), name);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitTable(this, context);
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

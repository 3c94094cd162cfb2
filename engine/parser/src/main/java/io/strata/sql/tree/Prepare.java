package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code PREPARE name FROM statement}.
 */
public record Prepare(Optional<Location> location, Identifier name, Statement statement)
        implements Statement
{
    public Prepare
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(statement, "statement is null");
    }

    public Prepare(Identifier name, Statement statement)
    {
        this(Optional.empty(), name, statement);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitPrepare(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(statement);
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

package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code SHOW COLUMNS FROM table}, also written {@code DESCRIBE table} or {@code DESC table}.
 */
public record ShowColumns(Optional<Location> location, QualifiedName table)
        implements Statement
{
    public ShowColumns
    {
        requireNonNull(location, "location is null");
        requireNonNull(table, "table is null");
    }

    public ShowColumns(QualifiedName table)
    {
        this(Optional.empty(), table);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitShowColumns(this, context);
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

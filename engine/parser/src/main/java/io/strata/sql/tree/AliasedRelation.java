package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code relation [AS] alias [(column, ...)]}; {@code columnNames} is empty when no column list was written.
 */
public record AliasedRelation(
        Optional<Location> location,
        Relation relation,
        Identifier alias,
        List<Identifier> columnNames)
        implements Relation
{
    public AliasedRelation
    {
        requireNonNull(location, "location is null");
        requireNonNull(relation, "relation is null");
        requireNonNull(alias, "alias is null");
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
    }

    public AliasedRelation(Relation relation, Identifier alias, List<Identifier> columnNames)
    {
        this(Optional.empty(), relation, alias, columnNames);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitAliasedRelation(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(relation);
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

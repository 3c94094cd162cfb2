package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The SELECT list; {@code distinct} is true for {@code SELECT DISTINCT}.
 */
public record Select(Optional<Location> location, boolean distinct, List<SelectItem> selectItems)
        implements Node
{
    public Select
    {
        requireNonNull(location, "location is null");
        selectItems = List.copyOf(requireNonNull(selectItems, "selectItems is null"));
    }

    public Select(boolean distinct, List<SelectItem> selectItems)
    {
        this(Optional.empty(), distinct, selectItems);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitSelect(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(selectItems);
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

package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code EXECUTE name [USING value, ...]}.
 */
public record Execute(Optional<Location> location, Identifier name, List<Expression> parameters)
        implements Statement
{
    public Execute
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
    }

    public Execute(Identifier name, List<Expression> parameters)
    {
        this(Optional.empty(), name, parameters);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitExecute(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(parameters);
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

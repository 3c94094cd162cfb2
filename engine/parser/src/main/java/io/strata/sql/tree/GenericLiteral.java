package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A literal of a named type: {@code DATE '1998-12-01'}, {@code TIMESTAMP '...'}, {@code DECIMAL '1.0'},
 * {@code TIME '...'}, {@code REAL '1.5'}, ... {@code type} is the type's name, lowercased ({@code DOUBLE
 * PRECISION} is {@code double}); the analyzer checks both parts.
 */
public record GenericLiteral(Optional<Location> location, String type, String value)
        implements Literal
{
    public GenericLiteral
    {
        requireNonNull(location, "location is null");
        requireNonNull(type, "type is null");
        requireNonNull(value, "value is null");
    }

    public GenericLiteral(String type, String value)
    {
        this(Optional.empty(), type, value);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitGenericLiteral(this, context);
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

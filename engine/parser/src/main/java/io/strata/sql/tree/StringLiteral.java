package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code 'text'}; {@code value} is unescaped ({@code ''} is {@code '}).
 */
public record StringLiteral(Optional<Location> location, String value)
        implements Literal
{
    public StringLiteral
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }

    public StringLiteral(String value)
    {
        this(Optional.empty(), value);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitStringLiteral(this, context);
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

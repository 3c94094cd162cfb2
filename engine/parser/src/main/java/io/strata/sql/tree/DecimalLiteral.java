package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A literal with a decimal point and no exponent ({@code 1.5}, {@code .5}, {@code 1.}), kept as written: the analyzer decides between decimal and double.
 */
public record DecimalLiteral(Optional<Location> location, String value)
        implements Literal
{
    public DecimalLiteral
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }

    public DecimalLiteral(String value)
    {
        this(Optional.empty(), value);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitDecimalLiteral(this, context);
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

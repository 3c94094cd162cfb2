package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * A name: a column reference when it stands as an expression, otherwise part of a name.
 * <p>
 * {@code value} is canonical: an unquoted identifier is lowercased ({@code Foo} and {@code FOO} are
 * {@code foo}); a quoted one ({@code delimited}) keeps its case, without the quotes and with {@code ""}
 * unescaped to {@code "}.
 */
public record Identifier(Optional<Location> location, String value, boolean delimited)
        implements Expression
{
    public Identifier
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("identifier is empty");
        }
        if (!delimited && !value.equals(value.toLowerCase(ENGLISH))) {
            throw new IllegalArgumentException("an identifier that is not delimited must be lowercase: " + value);
        }
    }

    public Identifier(String value, boolean delimited)
    {
        this(Optional.empty(), value, delimited);
    }

    /** An identifier written without quotes: {@code value} must be lowercase. */
    public Identifier(String value)
    {
        this(Optional.empty(), value, false);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitIdentifier(this, context);
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

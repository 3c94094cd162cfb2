package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code base.field}: a qualified column reference ({@code t.a}, {@code s.t.a}) or a field of a row
 * value; the analyzer decides which. {@link #toQualifiedName(Expression)} reads a chain of names.
 */
public record DereferenceExpression(Optional<Location> location, Expression base, Identifier field)
        implements Expression
{
    public DereferenceExpression
    {
        requireNonNull(location, "location is null");
        requireNonNull(base, "base is null");
        requireNonNull(field, "field is null");
    }

    public DereferenceExpression(Expression base, Identifier field)
    {
        this(Optional.empty(), base, field);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitDereferenceExpression(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(base);
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

    /**
     * The name an identifier or a chain of dereferences of identifiers spells ({@code a.b.c}), or empty
     * for any other expression.
     */
    public static Optional<QualifiedName> toQualifiedName(Expression expression)
    {
        List<Identifier> parts = new ArrayList<>();
        Expression current = expression;
        while (current instanceof DereferenceExpression dereference) {
            parts.add(dereference.field());
            current = dereference.base();
        }
        if (!(current instanceof Identifier identifier)) {
            return Optional.empty();
        }
        parts.add(identifier);
        Collections.reverse(parts);
        return Optional.of(new QualifiedName(parts));
    }
}

package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A call {@code name([DISTINCT] argument, ...) [FILTER (WHERE filter)] [OVER (window)]}. {@code count(*)}
 * is a call of {@code count} without arguments; {@code a || b} is a call of {@code concat}. The special
 * forms {@code if}, {@code nullif} and {@code coalesce} have nodes of their own.
 */
public record FunctionCall(
        Optional<Location> location,
        QualifiedName name,
        boolean distinct,
        List<Expression> arguments,
        Optional<Expression> filter,
        Optional<WindowSpecification> window)
        implements Expression
{
    public FunctionCall
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(filter, "filter is null");
        requireNonNull(window, "window is null");
    }

    public FunctionCall(
            QualifiedName name,
            boolean distinct,
            List<Expression> arguments,
            Optional<Expression> filter,
            Optional<WindowSpecification> window)
    {
        this(Optional.empty(), name, distinct, arguments, filter, window);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitFunctionCall(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        children.addAll(arguments);
        filter.ifPresent(children::add);
        window.ifPresent(children::add);
        return List.copyOf(children);
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

package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code EXPLAIN [ANALYZE] [(option, ...)] statement}.
 */
public record Explain(
        Optional<Location> location,
        Statement statement,
        boolean analyze,
        List<ExplainOption> options)
        implements Statement
{
    public Explain
    {
        requireNonNull(location, "location is null");
        requireNonNull(statement, "statement is null");
        options = List.copyOf(requireNonNull(options, "options is null"));
    }

    public Explain(Statement statement, boolean analyze, List<ExplainOption> options)
    {
        this(Optional.empty(), statement, analyze, options);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitExplain(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        children.add(statement);
        children.addAll(options);
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

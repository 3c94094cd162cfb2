package io.strata.core.analyzer;

import io.strata.core.expression.RowExpression;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code left JOIN right ON criteria}: the fields are the left's, then the right's; {@code criteria} is over
 * those fields (absent for a cross join). USING joins are bound as ON joins with a projection above them.
 */
public record BoundJoin(Type joinType, BoundRelation left, BoundRelation right, Optional<RowExpression> criteria, RelationType type)
        implements BoundRelation
{
    public enum Type
    {
        CROSS,
        INNER,
        LEFT,
        RIGHT,
        FULL,
    }

    public BoundJoin
    {
        requireNonNull(joinType, "joinType is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(criteria, "criteria is null");
        requireNonNull(type, "type is null");
        if (type.size() != left.type().size() + right.type().size()) {
            throw new IllegalArgumentException("a join has the fields of both sides");
        }
    }
}

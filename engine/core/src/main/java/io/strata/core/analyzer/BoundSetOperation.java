package io.strata.core.analyzer;

import static java.util.Objects.requireNonNull;

/**
 * {@code left UNION|INTERSECT|EXCEPT [DISTINCT|ALL] right}; both sides have the fields' types (the analyzer
 * casts them to common types) and the fields are named as the left side's.
 */
public record BoundSetOperation(Operation operation, boolean distinct, BoundRelation left, BoundRelation right, RelationType type)
        implements BoundRelation
{
    public enum Operation
    {
        UNION,
        INTERSECT,
        EXCEPT,
    }

    public BoundSetOperation
    {
        requireNonNull(operation, "operation is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(type, "type is null");
        if (!left.type().types().equals(type.types()) || !right.type().types().equals(type.types())) {
            throw new IllegalArgumentException("both sides of a set operation have its field types");
        }
    }
}

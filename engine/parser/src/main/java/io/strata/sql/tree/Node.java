package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

/**
 * A node of the syntax tree: an immutable value that knows where it was written.
 * <p>
 * Nodes are equal when their content is equal: {@link #location()} takes no part in {@code equals} and
 * {@code hashCode}, so {@code a + 1} in the SELECT list equals {@code a + 1} in GROUP BY.
 */
public sealed interface Node
        permits Statement,
                Relation,
                Expression,
                SelectItem,
                GroupingElement,
                JoinCriteria,
                ExplainOption,
                TransactionMode,
                Select,
                With,
                WithQuery,
                OrderBy,
                SortItem,
                GroupBy,
                Offset,
                Limit,
                WhenClause,
                WindowSpecification,
                WindowFrame,
                FrameBound,
                ColumnDefinition,
                Property,
                DataType
{
    /** Where the node starts in the statement text (some nodes: at their operator); empty for nodes built by code. */
    Optional<Location> location();

    /** Calls the {@code visit} method of {@code visitor} for this node's type. */
    <R, C> R accept(AstVisitor<R, C> visitor, C context);

    /**
     * The nodes a traversal enters: sub-expressions, relations, queries and clauses, in the order they are
     * written. Names (aliases, column lists, qualified names, the field of a dereference) are not children.
     */
    List<Node> children();
}

package io.strata.core.planner.plan;

import io.strata.core.expression.RowExpression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A join of {@code left} and {@code right}: pairs of rows whose {@code criteria} keys are equal (a null key
 * matches nothing) and for which {@code filter}, if any, is true. With no criteria every pair is a candidate (a
 * cross join, or a nested-loop join when there is a filter). Outer joins keep the unmatched rows of their
 * outer side(s), with nulls for the other side's symbols. Outputs are the left's symbols, then the right's.
 * <p>
 * Execution builds a hash table of the right side (the build side) before it reads the left (the probe side);
 * the optimizer swaps the sides when the right is the larger.
 *
 * @param singleMatch a left join where a left row matching several right rows is an error
 * ({@code SUBQUERY_MULTIPLE_ROWS}): the join of a correlated scalar subquery
 */
public record JoinNode(PlanNodeId id, Type type, PlanNode left, PlanNode right, List<EquiJoinClause> criteria, Optional<RowExpression> filter, boolean singleMatch)
        implements PlanNode
{
    public enum Type
    {
        INNER("InnerJoin"),
        LEFT("LeftJoin"),
        RIGHT("RightJoin"),
        FULL("FullJoin");

        private final String label;

        Type(String label)
        {
            this.label = label;
        }

        /** The name EXPLAIN shows. */
        public String label()
        {
            return label;
        }

        /** The same join with its sides swapped. */
        public Type flip()
        {
            switch (this) {
                case LEFT:
                    return RIGHT;
                case RIGHT:
                    return LEFT;
                default:
                    return this;
            }
        }
    }

    /** {@code left = right}, a symbol of each side. */
    public record EquiJoinClause(Symbol left, Symbol right)
    {
        public EquiJoinClause
        {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }

        public EquiJoinClause flip()
        {
            return new EquiJoinClause(right, left);
        }

        @Override
        public String toString()
        {
            return left + " = " + right;
        }
    }

    public JoinNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        criteria = List.copyOf(requireNonNull(criteria, "criteria is null"));
        requireNonNull(filter, "filter is null");
        if (singleMatch && type != Type.LEFT) {
            throw new IllegalArgumentException("only a left join checks for single matches");
        }
    }

    public JoinNode(PlanNodeId id, Type type, PlanNode left, PlanNode right, List<EquiJoinClause> criteria, Optional<RowExpression> filter)
    {
        this(id, type, left, right, criteria, filter, false);
    }

    /** Whether this is a cross join: inner, with no criteria and no filter. */
    public boolean isCrossJoin()
    {
        return type == Type.INNER && criteria.isEmpty() && filter.isEmpty();
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(left, right);
    }

    @Override
    public List<Symbol> outputSymbols()
    {
        List<Symbol> outputs = new ArrayList<>(left.outputSymbols());
        outputs.addAll(right.outputSymbols());
        return List.copyOf(outputs);
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        return new JoinNode(id, type, newSources.get(0), newSources.get(1), criteria, filter, singleMatch);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitJoin(this, context);
    }
}

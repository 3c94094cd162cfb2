package io.strata.core.expression;

import io.strata.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Analysis only: the value of subquery {@code id} of the statement's analysis (a scalar subquery's value, or
 * the boolean of an EXISTS, IN or quantified comparison). The planner joins the subquery to the relation the
 * expression reads and puts a reference to the joined value in its place; no plan holds one.
 */
public record SubqueryReference(int id, Type type)
        implements RowExpression
{
    public SubqueryReference
    {
        requireNonNull(type, "type is null");
        if (id < 0) {
            throw new IllegalArgumentException("id is negative: " + id);
        }
    }

    @Override
    public List<RowExpression> children()
    {
        return List.of();
    }

    @Override
    public <R, C> R accept(RowExpressionVisitor<R, C> visitor, C context)
    {
        return visitor.visitSubqueryReference(this, context);
    }

    @Override
    public String toString()
    {
        return "subquery#" + id;
    }
}

package io.strata.core.analyzer;

import io.strata.core.expression.RowExpression;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * {@code SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ... ORDER BY ... LIMIT ...}, bound. Evaluated in
 * this order: rows of {@code from}; {@code where} (over {@code from}'s fields); the {@code aggregation}, if
 * any; {@code having} and {@code projections} over the aggregation's output when there is one, else over
 * {@code from}'s fields; DISTINCT over the visible projections; {@code orderBy} over the projections;
 * {@code limit}. Window functions are computed after HAVING and before the projections: they extend the
 * grouped (or FROM) relation with one field each, which the projections reference after its fields.
 *
 * @param projections the SELECT list (the first {@code type().size()} entries, what the query returns)
 * followed by hidden ORDER BY keys that are not in it
 * @param type the visible fields, named as the query names its columns
 */
public record BoundQuerySpecification(
        BoundRelation from,
        Optional<RowExpression> where,
        Optional<BoundAggregation> aggregation,
        Optional<RowExpression> having,
        List<RowExpression> projections,
        boolean distinct,
        List<BoundSortItem> orderBy,
        OptionalLong limit,
        RelationType type,
        List<BoundWindowFunction> windowFunctions)
        implements BoundRelation
{
    public BoundQuerySpecification(
            BoundRelation from,
            Optional<RowExpression> where,
            Optional<BoundAggregation> aggregation,
            Optional<RowExpression> having,
            List<RowExpression> projections,
            boolean distinct,
            List<BoundSortItem> orderBy,
            OptionalLong limit,
            RelationType type)
    {
        this(from, where, aggregation, having, projections, distinct, orderBy, limit, type, List.of());
    }

    public BoundQuerySpecification
    {
        requireNonNull(from, "from is null");
        requireNonNull(where, "where is null");
        requireNonNull(aggregation, "aggregation is null");
        requireNonNull(having, "having is null");
        projections = List.copyOf(requireNonNull(projections, "projections is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        requireNonNull(limit, "limit is null");
        requireNonNull(type, "type is null");
        windowFunctions = List.copyOf(requireNonNull(windowFunctions, "windowFunctions is null"));
        if (projections.size() < type.size()) {
            throw new IllegalArgumentException("fewer projections than output fields");
        }
        if (having.isPresent() && aggregation.isEmpty()) {
            throw new IllegalArgumentException("HAVING without aggregation");
        }
    }
}

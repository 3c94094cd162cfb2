package io.strata.core.analyzer;

import io.strata.core.expression.RowExpression;
import io.strata.core.planner.plan.SortOrder;
import io.strata.core.planner.plan.WindowFrameSpec.BoundType;
import io.strata.spi.type.Type;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One window function call, bound: {@code name(arguments) OVER (PARTITION BY partitionBy ORDER BY orderBy frame)},
 * every expression over the relation the windows are computed on (the grouped relation of a grouped query,
 * else the FROM relation). Arguments are cast to the types the function takes; {@code type} is its result.
 */
public record BoundWindowFunction(
        String name,
        List<RowExpression> arguments,
        boolean aggregate,
        List<RowExpression> partitionBy,
        List<RowExpression> orderBy,
        List<SortOrder> orderings,
        Frame frame,
        Type type)
{
    public BoundWindowFunction
    {
        requireNonNull(name, "name is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        partitionBy = List.copyOf(requireNonNull(partitionBy, "partitionBy is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        orderings = List.copyOf(requireNonNull(orderings, "orderings is null"));
        requireNonNull(frame, "frame is null");
        requireNonNull(type, "type is null");
    }

    /** {@code ROWS|RANGE BETWEEN start AND end}; counted bounds carry a bigint expression. */
    public record Frame(boolean rows, BoundType startType, Optional<RowExpression> startValue, BoundType endType, Optional<RowExpression> endValue)
    {
        public static final Frame DEFAULT = new Frame(false, BoundType.UNBOUNDED_PRECEDING, Optional.empty(), BoundType.CURRENT_ROW, Optional.empty());

        public Frame
        {
            requireNonNull(startType, "startType is null");
            requireNonNull(startValue, "startValue is null");
            requireNonNull(endType, "endType is null");
            requireNonNull(endValue, "endValue is null");
        }
    }
}

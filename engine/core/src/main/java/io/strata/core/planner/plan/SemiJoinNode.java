package io.strata.core.planner.plan;

import io.strata.core.expression.RowExpression;
import io.strata.core.planner.plan.JoinNode.EquiJoinClause;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.strata.spi.type.BooleanType.BOOLEAN;
import static java.util.Objects.requireNonNull;

/**
 * Marks each row of {@code source} with whether {@code filteringSource} has a row whose {@code criteria} keys
 * equal its own (left: a source symbol, right: a filtering-source symbol) and for which {@code filter} (over both
 * sides' symbols) is true: {@code EXISTS} and {@code IN} after decorrelation. Outputs are the source's symbols and
 * {@code output}, a boolean.
 * <p>
 * With {@code nullAware} (IN, one criterion), the mark follows SQL's three-valued IN: null when the source key is
 * null and the filtering source is not empty, or when no row matches and the filtering source has a null key;
 * otherwise the mark is never null.
 */
public record SemiJoinNode(
        PlanNodeId id,
        PlanNode source,
        PlanNode filteringSource,
        List<EquiJoinClause> criteria,
        Optional<RowExpression> filter,
        Symbol output,
        boolean nullAware)
        implements PlanNode
{
    public SemiJoinNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
        requireNonNull(filteringSource, "filteringSource is null");
        criteria = List.copyOf(requireNonNull(criteria, "criteria is null"));
        requireNonNull(filter, "filter is null");
        requireNonNull(output, "output is null");
        if (!output.type().equals(BOOLEAN)) {
            throw new IllegalArgumentException("a semi join's output is boolean: " + output);
        }
        if (nullAware && criteria.size() != 1) {
            throw new IllegalArgumentException("a null-aware semi join has one criterion");
        }
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(source, filteringSource);
    }

    @Override
    public List<Symbol> outputSymbols()
    {
        List<Symbol> outputs = new ArrayList<>(source.outputSymbols());
        outputs.add(output);
        return List.copyOf(outputs);
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        return new SemiJoinNode(id, newSources.get(0), newSources.get(1), criteria, filter, output, nullAware);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitSemiJoin(this, context);
    }
}

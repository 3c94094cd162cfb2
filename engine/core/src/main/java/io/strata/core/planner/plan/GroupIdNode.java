package io.strata.core.planner.plan;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Feeds GROUPING SETS, ROLLUP and CUBE to one hash aggregation: every source row comes out once per grouping
 * set, with the source's symbols unchanged, then copies of the grouping keys ({@code keyOutputs}, NULL where
 * the key is not in that set), the set's ordinal ({@code groupId}) and one bigint per {@code grouping(...)}
 * operation (constant per set). Aggregating by the key copies and the group id gives each set its groups.
 */
public record GroupIdNode(
        PlanNodeId id,
        PlanNode source,
        List<Symbol> keyInputs,
        List<Symbol> keyOutputs,
        List<List<Integer>> groupingSets,
        Symbol groupId,
        List<GroupingColumn> groupingColumns)
        implements PlanNode
{
    /** {@code output := grouping(keys...)}: bit {@code n - 1 - i} set when key {@code i} of the list is not in the set. */
    public record GroupingColumn(Symbol output, List<Integer> keyIndexes)
    {
        public GroupingColumn
        {
            requireNonNull(output, "output is null");
            keyIndexes = List.copyOf(requireNonNull(keyIndexes, "keyIndexes is null"));
        }

        public long valueFor(List<Integer> groupingSet)
        {
            long value = 0;
            for (int keyIndex : keyIndexes) {
                value = (value << 1) | (groupingSet.contains(keyIndex) ? 0 : 1);
            }
            return value;
        }
    }

    public GroupIdNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
        keyInputs = List.copyOf(requireNonNull(keyInputs, "keyInputs is null"));
        keyOutputs = List.copyOf(requireNonNull(keyOutputs, "keyOutputs is null"));
        groupingSets = requireNonNull(groupingSets, "groupingSets is null").stream().map(List::copyOf).toList();
        requireNonNull(groupId, "groupId is null");
        groupingColumns = List.copyOf(requireNonNull(groupingColumns, "groupingColumns is null"));
        if (keyInputs.size() != keyOutputs.size()) {
            throw new IllegalArgumentException("key inputs and outputs differ in number");
        }
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(source);
    }

    @Override
    public List<Symbol> outputSymbols()
    {
        List<Symbol> outputs = new ArrayList<>(source.outputSymbols());
        outputs.addAll(keyOutputs);
        outputs.add(groupId);
        groupingColumns.forEach(column -> outputs.add(column.output()));
        return List.copyOf(outputs);
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        return new GroupIdNode(id, newSources.get(0), keyInputs, keyOutputs, groupingSets, groupId, groupingColumns);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitGroupId(this, context);
    }
}

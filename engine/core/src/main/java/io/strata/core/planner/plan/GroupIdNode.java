package io.strata.core.planner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Feeds GROUPING SETS, ROLLUP and CUBE to one hash aggregation: every source row comes out once per grouping
 * set, with the source's symbols unchanged, then copies of the grouping keys ({@code keyOutputs}, NULL where
 * the key is not in that set), the set's ordinal ({@code groupId}) and one bigint per {@code grouping(...)}
 * operation (constant per set). Aggregating by the key copies and the group id gives each set its groups.
 * When a set is empty (a grand total), {@code rowMask} is true on every row, and each driver adds one row
 * per empty set with the mask false and everything else NULL: masked out of every aggregate, it makes the
 * grand total's group exist over no input, as SQL wants (one row: count 0, other aggregates NULL).
 */
public record GroupIdNode(
        PlanNodeId id,
        PlanNode source,
        List<Symbol> keyInputs,
        List<Symbol> keyOutputs,
        List<List<Integer>> groupingSets,
        Symbol groupId,
        List<GroupingColumn> groupingColumns,
        Optional<Symbol> rowMask)
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
        requireNonNull(rowMask, "rowMask is null");
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
        rowMask.ifPresent(outputs::add);
        return List.copyOf(outputs);
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        return new GroupIdNode(id, newSources.get(0), keyInputs, keyOutputs, groupingSets, groupId, groupingColumns, rowMask);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitGroupId(this, context);
    }
}

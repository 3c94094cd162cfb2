package io.strata.core.execution.expression;

import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * IF, searched CASE and COALESCE: each branch is evaluated only over the rows that reach it, and the
 * branches' blocks are merged by position.
 */
final class ConditionalEvaluators
{
    private ConditionalEvaluators() {}

    /** {@code CASE WHEN c1 THEN r1 WHEN c2 THEN r2 ... ELSE e END}; IF is the one-condition case. */
    static final class SwitchEvaluator
            implements BlockEvaluator
    {
        private final Type type;
        private final List<BlockEvaluator> conditions;
        private final List<BlockEvaluator> results;
        private final BlockEvaluator otherwise;

        SwitchEvaluator(Type type, List<BlockEvaluator> conditions, List<BlockEvaluator> results, BlockEvaluator otherwise)
        {
            this.type = requireNonNull(type, "type is null");
            this.conditions = List.copyOf(requireNonNull(conditions, "conditions is null"));
            this.results = List.copyOf(requireNonNull(results, "results is null"));
            this.otherwise = requireNonNull(otherwise, "otherwise is null");
            if (this.conditions.size() != this.results.size()) {
                throw new IllegalArgumentException("conditions and results differ in number");
            }
        }

        @Override
        public Type type()
        {
            return type;
        }

        @Override
        public Block evaluate(EvaluationContext context, SelectedPositions positions)
        {
            int positionCount = positions.size();
            int[] remaining = identity(positionCount);
            int remainingCount = positionCount;
            List<Block> parts = new ArrayList<>();
            List<int[]> partIndexes = new ArrayList<>();
            List<Integer> partCounts = new ArrayList<>();
            for (int k = 0; k < conditions.size() && remainingCount > 0; k++) {
                SelectedPositions conditionPositions = remainingCount == positionCount ? positions : positions.subset(remaining, remainingCount);
                ByteArrayBlock condition = (ByteArrayBlock) conditions.get(k).evaluate(context, conditionPositions);
                byte[] values = condition.rawValues();
                boolean[] nulls = condition.rawNulls();
                int[] matched = new int[remainingCount];
                int matchedCount = 0;
                int stillRemaining = 0;
                for (int j = 0; j < remainingCount; j++) {
                    if (values[j] != 0 && (nulls == null || !nulls[j])) {
                        matched[matchedCount++] = remaining[j];
                    }
                    else {
                        remaining[stillRemaining++] = remaining[j];
                    }
                }
                remainingCount = stillRemaining;
                if (matchedCount > 0) {
                    SelectedPositions resultPositions = matchedCount == positionCount ? positions : positions.subset(matched, matchedCount);
                    parts.add(results.get(k).evaluate(context, resultPositions));
                    partIndexes.add(matched);
                    partCounts.add(matchedCount);
                }
            }
            if (remainingCount > 0) {
                SelectedPositions otherwisePositions = remainingCount == positionCount ? positions : positions.subset(remaining, remainingCount);
                parts.add(otherwise.evaluate(context, otherwisePositions));
                partIndexes.add(remaining);
                partCounts.add(remainingCount);
            }
            return merge(type, positionCount, parts, partIndexes, partCounts);
        }
    }

    /** {@code COALESCE(a, b, ...)}: each operand over the rows still null. */
    static final class CoalesceEvaluator
            implements BlockEvaluator
    {
        private final Type type;
        private final List<BlockEvaluator> operands;

        CoalesceEvaluator(Type type, List<BlockEvaluator> operands)
        {
            this.type = requireNonNull(type, "type is null");
            this.operands = List.copyOf(requireNonNull(operands, "operands is null"));
        }

        @Override
        public Type type()
        {
            return type;
        }

        @Override
        public Block evaluate(EvaluationContext context, SelectedPositions positions)
        {
            int positionCount = positions.size();
            int[] remaining = identity(positionCount);
            int remainingCount = positionCount;
            List<Block> parts = new ArrayList<>();
            List<int[]> partIndexes = new ArrayList<>();
            List<Integer> partCounts = new ArrayList<>();
            for (int k = 0; k < operands.size() && remainingCount > 0; k++) {
                SelectedPositions operandPositions = remainingCount == positionCount ? positions : positions.subset(remaining, remainingCount);
                Block block = operands.get(k).evaluate(context, operandPositions);
                boolean[] nulls = Blocks.rawNulls(block);
                if (nulls == null || k == operands.size() - 1) {
                    parts.add(block);
                    partIndexes.add(remaining.clone());
                    partCounts.add(remainingCount);
                    remainingCount = 0;
                    break;
                }
                int[] taken = new int[remainingCount];
                int[] takenFrom = new int[remainingCount];
                int takenCount = 0;
                int stillRemaining = 0;
                for (int j = 0; j < remainingCount; j++) {
                    if (nulls[j]) {
                        remaining[stillRemaining++] = remaining[j];
                    }
                    else {
                        takenFrom[takenCount] = j;
                        taken[takenCount++] = remaining[j];
                    }
                }
                if (takenCount > 0) {
                    parts.add(block.copyPositions(takenFrom, 0, takenCount));
                    partIndexes.add(taken);
                    partCounts.add(takenCount);
                }
                remainingCount = stillRemaining;
            }
            if (remainingCount > 0) {
                parts.add(Blocks.nullBlock(type, remainingCount));
                partIndexes.add(remaining);
                partCounts.add(remainingCount);
            }
            return merge(type, positionCount, parts, partIndexes, partCounts);
        }
    }

    private static int[] identity(int positionCount)
    {
        int[] indexes = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            indexes[i] = i;
        }
        return indexes;
    }

    private static Block merge(Type type, int positionCount, List<Block> parts, List<int[]> partIndexes, List<Integer> partCounts)
    {
        if (parts.size() == 1 && partCounts.get(0) == positionCount) {
            int[] indexes = partIndexes.get(0);
            boolean inOrder = true;
            for (int i = 0; i < positionCount && inOrder; i++) {
                inOrder = indexes[i] == i;
            }
            if (inOrder) {
                return parts.get(0);
            }
        }
        int[] counts = new int[partCounts.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = partCounts.get(i);
        }
        return Blocks.merge(type, positionCount, parts.toArray(new Block[0]), partIndexes.toArray(new int[0][]), counts);
    }
}

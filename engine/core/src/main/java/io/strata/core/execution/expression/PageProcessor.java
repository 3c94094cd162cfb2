package io.strata.core.execution.expression;

import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.Page;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A filter and projections over one page: the filter's conjuncts are evaluated in turn, each only over the
 * rows the earlier ones kept, into a selection; the projections are then evaluated over the selected
 * positions only. A projection that is a plain column over a fully selected page hands the input block on
 * without copying. Thread-safe.
 */
public final class PageProcessor
{
    private final List<BlockEvaluator> conjuncts;
    private final List<BlockEvaluator> projections;

    /**
     * @param conjuncts the filter as a conjunction (empty: keep every row)
     * @param projections the output columns, in order
     */
    public PageProcessor(List<BlockEvaluator> conjuncts, List<BlockEvaluator> projections)
    {
        this.conjuncts = List.copyOf(requireNonNull(conjuncts, "conjuncts is null"));
        this.projections = List.copyOf(requireNonNull(projections, "projections is null"));
    }

    public boolean hasFilter()
    {
        return !conjuncts.isEmpty();
    }

    /** The selected rows of the page, projected; {@code null} when no row passes the filter. */
    public Page process(Page page)
    {
        EvaluationContext context = new EvaluationContext(page);
        SelectedPositions positions = SelectedPositions.positionsRange(0, page.positionCount());
        for (BlockEvaluator conjunct : conjuncts) {
            if (positions.isEmpty()) {
                return null;
            }
            positions = select((ByteArrayBlock) conjunct.evaluate(context, positions), positions);
        }
        if (positions.isEmpty()) {
            return null;
        }
        Block[] blocks = new Block[projections.size()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = projections.get(i).evaluate(context, positions);
        }
        return new Page(positions.size(), blocks);
    }

    /** The positions of {@code current} where the (dense) boolean block is true and not null. */
    static SelectedPositions select(ByteArrayBlock result, SelectedPositions current)
    {
        int size = current.size();
        byte[] values = result.rawValues();
        boolean[] nulls = result.rawNulls();
        int[] selected = new int[size];
        int count = 0;
        if (current.isList()) {
            int[] positions = current.positions();
            for (int i = 0; i < size; i++) {
                selected[count] = positions[i];
                count += (values[i] & (nulls == null || !nulls[i] ? 1 : 0));
            }
        }
        else {
            int offset = current.offset();
            for (int i = 0; i < size; i++) {
                selected[count] = offset + i;
                count += (values[i] & (nulls == null || !nulls[i] ? 1 : 0));
            }
        }
        if (count == size) {
            return current;
        }
        return SelectedPositions.positionsList(selected, count);
    }
}

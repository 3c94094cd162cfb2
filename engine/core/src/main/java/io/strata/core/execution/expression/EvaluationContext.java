package io.strata.core.execution.expression;

import io.strata.spi.block.Block;
import io.strata.spi.block.Page;

import static java.util.Objects.requireNonNull;

/**
 * One evaluation of a set of expressions over one page: holds the page and the input columns already
 * gathered for a selection, so that a column read by several expressions is copied once.
 */
public final class EvaluationContext
{
    private final Page page;
    private final Block[] gathered;
    private final SelectedPositions[] gatheredFor;

    public EvaluationContext(Page page)
    {
        this.page = requireNonNull(page, "page is null");
        this.gathered = new Block[page.channelCount()];
        this.gatheredFor = new SelectedPositions[page.channelCount()];
    }

    public Page page()
    {
        return page;
    }

    /** Channel {@code channel} of the page at the selected positions, as a dense block. */
    public Block input(int channel, SelectedPositions positions)
    {
        Block block = page.getBlock(channel);
        if (!positions.isList()) {
            if (positions.offset() == 0 && positions.size() == block.positionCount()) {
                return block;
            }
            return block.region(positions.offset(), positions.size());
        }
        if (gatheredFor[channel] == positions) {
            return gathered[channel];
        }
        Block copy = block.copyPositions(positions.positions(), 0, positions.size());
        gathered[channel] = copy;
        gatheredFor[channel] = positions;
        return copy;
    }
}

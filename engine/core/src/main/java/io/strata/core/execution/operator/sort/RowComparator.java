package io.strata.core.execution.operator.sort;

import io.strata.core.planner.plan.SortOrder;
import io.strata.spi.block.Page;
import io.strata.spi.type.Type;

import java.util.List;

/**
 * Compares rows of an index's pages, addressed as {@code (page << 32) | position}, on the sort channels in
 * order. Ties compare equal: stability comes from the sort, or from {@link #compareWithTieBreak}.
 */
public final class RowComparator
{
    private final int[] sortChannels;
    private final SortKeyColumn[] keys;

    public RowComparator(List<Type> sortTypes, int[] sortChannels, List<SortOrder> sortOrders)
    {
        if (sortTypes.size() != sortChannels.length || sortOrders.size() != sortChannels.length) {
            throw new IllegalArgumentException("sort channels, types and orders differ in number");
        }
        this.sortChannels = sortChannels.clone();
        this.keys = new SortKeyColumn[sortChannels.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = SortKeyColumn.create(sortTypes.get(i), sortOrders.get(i));
        }
    }

    /** Makes the next page index address the page. */
    public void addPage(Page page)
    {
        for (int i = 0; i < keys.length; i++) {
            keys[i].addBlock(page.getBlock(sortChannels[i]));
        }
    }

    public void clear()
    {
        for (SortKeyColumn key : keys) {
            key.clear();
        }
    }

    public int compare(long left, long right)
    {
        int leftPage = PagesIndex.page(left);
        int leftPosition = PagesIndex.position(left);
        int rightPage = PagesIndex.page(right);
        int rightPosition = PagesIndex.position(right);
        for (SortKeyColumn key : keys) {
            int comparison = key.compare(leftPage, leftPosition, rightPage, rightPosition);
            if (comparison != 0) {
                return comparison;
            }
        }
        return 0;
    }

    /** As {@link #compare}, ties broken by arrival (address) order: a total order that a stable sort gives. */
    int compareWithTieBreak(long left, long right)
    {
        int comparison = compare(left, right);
        return comparison != 0 ? comparison : Long.compare(left, right);
    }
}

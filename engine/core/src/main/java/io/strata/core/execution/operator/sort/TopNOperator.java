package io.strata.core.execution.operator.sort;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.SortOrder;
import io.strata.spi.block.Page;
import io.strata.spi.block.PageBuilder;
import io.strata.spi.type.Type;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The first {@code n} rows in sort order, in memory bounded by {@code n}: a heap of row addresses with the
 * worst kept row on top; a page stays only while one of its rows is in the heap, and when the kept pages
 * hold much more than the kept rows they are compacted into one. Ties keep arrival order, as a stable sort
 * followed by a limit would.
 */
public final class TopNOperator
        implements Operator
{
    private static final long COMPACTION_MIN_BYTES = 1024 * 1024;

    private final OperatorContext operatorContext;
    private final long count;
    private final PagesIndex index;
    private final RowComparator comparator;
    private long[] heap = new long[16];
    private int heapSize;
    private int[] rowsPerPage = new int[16];
    private boolean finishing;
    private long[] sorted;
    private int nextOutput;
    private boolean done;

    public TopNOperator(OperatorContext operatorContext, List<Type> types, long count, int[] sortChannels, List<SortOrder> sortOrders)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        if (count < 0) {
            throw new IllegalArgumentException("count is negative: " + count);
        }
        this.count = count;
        this.index = new PagesIndex(types);
        List<Type> sortTypes = Arrays.stream(sortChannels).mapToObj(types::get).toList();
        this.comparator = new RowComparator(sortTypes, sortChannels, sortOrders);
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public boolean needsInput()
    {
        return !finishing && count > 0;
    }

    @Override
    public void addInput(Page page)
    {
        int pageIndex = index.addPage(page);
        comparator.addPage(page);
        if (rowsPerPage.length <= pageIndex) {
            rowsPerPage = Arrays.copyOf(rowsPerPage, Math.max(pageIndex + 1, rowsPerPage.length * 2));
        }
        for (int position = 0; position < page.positionCount(); position++) {
            long address = PagesIndex.address(pageIndex, position);
            if (heapSize < count) {
                push(address);
            }
            else if (comparator.compareWithTieBreak(address, heap[0]) < 0) {
                long evicted = heap[0];
                heap[0] = address;
                rowsPerPage[pageIndex]++;
                siftDown(0);
                release(evicted);
            }
        }
        if (rowsPerPage[pageIndex] == 0) {
            index.releasePage(pageIndex);
        }
        if (index.retainedSizeInBytes() > COMPACTION_MIN_BYTES && index.positionCount() > 4L * heapSize) {
            compact();
        }
        operatorContext.memory().setBytes(index.retainedSizeInBytes() + (long) heap.length * Long.BYTES);
    }

    private void push(long address)
    {
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, (int) Math.min(Integer.MAX_VALUE - 8, heap.length * 2L));
        }
        heap[heapSize] = address;
        rowsPerPage[PagesIndex.page(address)]++;
        int child = heapSize++;
        while (child > 0) {
            int parent = (child - 1) / 2;
            if (comparator.compareWithTieBreak(heap[child], heap[parent]) <= 0) {
                break;
            }
            swap(child, parent);
            child = parent;
        }
    }

    private void siftDown(int start)
    {
        int parent = start;
        while (true) {
            int left = 2 * parent + 1;
            if (left >= heapSize) {
                return;
            }
            int largest = left;
            int right = left + 1;
            if (right < heapSize && comparator.compareWithTieBreak(heap[right], heap[left]) > 0) {
                largest = right;
            }
            if (comparator.compareWithTieBreak(heap[largest], heap[parent]) <= 0) {
                return;
            }
            swap(parent, largest);
            parent = largest;
        }
    }

    private void swap(int a, int b)
    {
        long temporary = heap[a];
        heap[a] = heap[b];
        heap[b] = temporary;
    }

    private void release(long address)
    {
        int page = PagesIndex.page(address);
        if (--rowsPerPage[page] == 0) {
            index.releasePage(page);
        }
    }

    /** Copies the kept rows into one page, in address order so that ties keep their order. */
    private void compact()
    {
        long[] kept = Arrays.copyOf(heap, heapSize);
        Arrays.sort(kept);
        Page page = index.gather(kept, 0, kept.length);
        index.clear();
        comparator.clear();
        Arrays.fill(rowsPerPage, 0);
        heapSize = 0;
        int pageIndex = index.addPage(page);
        comparator.addPage(page);
        for (int position = 0; position < page.positionCount(); position++) {
            push(PagesIndex.address(pageIndex, position));
        }
    }

    @Override
    public Page getOutput()
    {
        if (!finishing || done) {
            return null;
        }
        if (sorted == null) {
            sorted = Arrays.copyOf(heap, heapSize);
            sortByTieBreak(sorted);
        }
        if (nextOutput >= sorted.length) {
            finishOutput();
            return null;
        }
        int from = nextOutput;
        int to = Math.min(sorted.length, from + PageBuilder.DEFAULT_MAX_POSITIONS);
        nextOutput = to;
        Page page = index.gather(sorted, from, to);
        if (nextOutput >= sorted.length) {
            finishOutput();
        }
        return page;
    }

    private void sortByTieBreak(long[] addresses)
    {
        // addresses in arrival order first, so that the stable sort breaks ties by arrival
        Arrays.sort(addresses);
        AddressSort.sort(addresses, comparator);
    }

    private void finishOutput()
    {
        done = true;
        index.clear();
        comparator.clear();
        heap = new long[0];
        heapSize = 0;
        sorted = null;
        operatorContext.memory().setBytes(0);
    }

    @Override
    public void finish()
    {
        finishing = true;
    }

    @Override
    public boolean isFinished()
    {
        return done || count == 0;
    }

    @Override
    public void close()
    {
        index.clear();
        comparator.clear();
        heap = new long[0];
        heapSize = 0;
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final List<Type> types;
        private final long count;
        private final int[] sortChannels;
        private final List<SortOrder> sortOrders;

        public Factory(int operatorId, PlanNodeId planNodeId, List<Type> types, long count, int[] sortChannels, List<SortOrder> sortOrders)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.types = List.copyOf(requireNonNull(types, "types is null"));
            this.count = count;
            this.sortChannels = sortChannels.clone();
            this.sortOrders = List.copyOf(requireNonNull(sortOrders, "sortOrders is null"));
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            OperatorContext context = driverContext.addOperatorContext(operatorId, planNodeId, TopNOperator.class.getSimpleName());
            return new TopNOperator(context, types, count, sortChannels, sortOrders);
        }

        @Override
        public void noMoreOperators() {}
    }
}

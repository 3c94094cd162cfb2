package io.strata.core.execution.operator.window;

import io.strata.core.execution.expression.Blocks;
import io.strata.core.execution.operator.aggregation.AggregationFunction;
import io.strata.core.execution.operator.aggregation.AggregationFunctions;
import io.strata.core.execution.operator.aggregation.GroupedAccumulator;
import io.strata.core.execution.operator.sort.PagesIndex;
import io.strata.core.planner.plan.WindowFrameSpec.BoundType;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;
import io.strata.spi.type.Type;

import java.util.List;
import java.util.OptionalInt;

/**
 * Computes one window function over sorted rows {@code [0, n)} whose partitions and peer groups are known:
 * ranking functions as primitive loops, value functions as one gather of their argument column, aggregates by
 * feeding each distinct frame to the aggregation's grouped accumulator as one group.
 */
final class WindowFunctionEvaluator
{
    private static final int AGGREGATION_BATCH = 8192;

    private WindowFunctionEvaluator() {}

    static Block evaluate(WindowFunctionDefinition function, Page input, WindowPartitions partitions)
    {
        if (function.aggregate()) {
            return aggregate(function, input, partitions);
        }
        int[] channels = function.argumentChannels();
        switch (function.name()) {
            case "row_number":
                return rowNumber(partitions);
            case "rank":
                return rank(partitions);
            case "dense_rank":
                return denseRank(partitions);
            case "percent_rank":
                return percentRank(partitions);
            case "cume_dist":
                return cumeDist(partitions);
            case "ntile":
                return ntile(partitions, input.getBlock(channels[0]));
            case "lag":
            case "lead":
                return lagLead(function, input, partitions);
            case "first_value":
            case "last_value":
            case "nth_value":
                return frameValue(function, input, partitions);
            default:
                throw new StrataException(ErrorCode.FUNCTION_IMPLEMENTATION_MISSING, "No window function " + function.name());
        }
    }

    private static Block rowNumber(WindowPartitions partitions)
    {
        int n = partitions.rowCount();
        int[] partitionStart = partitions.partitionStart();
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = i - partitionStart[i] + 1;
        }
        return new LongArrayBlock(n, null, values);
    }

    private static Block rank(WindowPartitions partitions)
    {
        int n = partitions.rowCount();
        int[] partitionStart = partitions.partitionStart();
        int[] peerStart = partitions.peerStart();
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = peerStart[i] - partitionStart[i] + 1;
        }
        return new LongArrayBlock(n, null, values);
    }

    private static Block denseRank(WindowPartitions partitions)
    {
        int n = partitions.rowCount();
        int[] partitionStart = partitions.partitionStart();
        int[] peerStart = partitions.peerStart();
        long[] values = new long[n];
        long rank = 0;
        for (int i = 0; i < n; i++) {
            if (i == partitionStart[i]) {
                rank = 1;
            }
            else if (i == peerStart[i]) {
                rank++;
            }
            values[i] = rank;
        }
        return new LongArrayBlock(n, null, values);
    }

    private static Block percentRank(WindowPartitions partitions)
    {
        int n = partitions.rowCount();
        int[] partitionStart = partitions.partitionStart();
        int[] partitionEnd = partitions.partitionEnd();
        int[] peerStart = partitions.peerStart();
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            int size = partitionEnd[i] - partitionStart[i];
            values[i] = size == 1 ? 0 : (double) (peerStart[i] - partitionStart[i]) / (size - 1);
        }
        return new DoubleArrayBlock(n, null, values);
    }

    private static Block cumeDist(WindowPartitions partitions)
    {
        int n = partitions.rowCount();
        int[] partitionStart = partitions.partitionStart();
        int[] partitionEnd = partitions.partitionEnd();
        int[] peerEnd = partitions.peerEnd();
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (double) (peerEnd[i] - partitionStart[i]) / (partitionEnd[i] - partitionStart[i]);
        }
        return new DoubleArrayBlock(n, null, values);
    }

    private static Block ntile(WindowPartitions partitions, Block bucketBlock)
    {
        int n = partitions.rowCount();
        int[] partitionStart = partitions.partitionStart();
        int[] partitionEnd = partitions.partitionEnd();
        long[] buckets = ((LongArrayBlock) bucketBlock).rawValues();
        boolean[] bucketNulls = Blocks.rawNulls(bucketBlock);
        long[] values = new long[n];
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            if (bucketNulls != null && bucketNulls[i]) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
                continue;
            }
            long bucketCount = buckets[i];
            if (bucketCount <= 0) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Buckets must be greater than 0");
            }
            long size = partitionEnd[i] - partitionStart[i];
            long row = i - partitionStart[i];
            if (bucketCount >= size) {
                values[i] = row + 1;
                continue;
            }
            // the first (size % buckets) buckets hold one row more than the others
            long perBucket = size / bucketCount;
            long larger = size % bucketCount;
            long largerRows = larger * (perBucket + 1);
            values[i] = row < largerRows ? row / (perBucket + 1) + 1 : (row - largerRows) / perBucket + larger + 1;
        }
        return new LongArrayBlock(n, nulls, values);
    }

    /** lag(x, offset, default) and lead(...): x of the row {@code offset} before (after), else the default. */
    private static Block lagLead(WindowFunctionDefinition function, Page input, WindowPartitions partitions)
    {
        int n = partitions.rowCount();
        int[] channels = function.argumentChannels();
        Block values = input.getBlock(channels[0]);
        Block defaults = channels.length == 3 ? input.getBlock(channels[2]) : Blocks.nullBlock(function.outputType(), n);
        boolean lag = function.name().equals("lag");
        long[] offsets = null;
        boolean[] offsetNulls = null;
        if (channels.length >= 2) {
            Block offsetBlock = input.getBlock(channels[1]);
            offsets = ((LongArrayBlock) offsetBlock).rawValues();
            offsetNulls = Blocks.rawNulls(offsetBlock);
        }
        int[] partitionStart = partitions.partitionStart();
        int[] partitionEnd = partitions.partitionEnd();
        long[] addresses = new long[n];
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            long offset = 1;
            if (offsets != null) {
                if (offsetNulls != null && offsetNulls[i]) {
                    if (nulls == null) {
                        nulls = new boolean[n];
                    }
                    nulls[i] = true;
                    addresses[i] = PagesIndex.address(1, i);
                    continue;
                }
                offset = offsets[i];
                if (offset < 0) {
                    throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Offset must be at least 0");
                }
            }
            long target = lag ? i - offset : i + offset;
            addresses[i] = target >= partitionStart[i] && target < partitionEnd[i] ? PagesIndex.address(0, (int) target) : PagesIndex.address(1, i);
        }
        return Blocks.withNulls(gather(function.outputType(), values, defaults, addresses), nulls);
    }

    /** first_value, last_value and nth_value over each row's frame; null where the frame has no such row. */
    private static Block frameValue(WindowFunctionDefinition function, Page input, WindowPartitions partitions)
    {
        int n = partitions.rowCount();
        int[] channels = function.argumentChannels();
        Frames frames = Frames.compute(function, input, partitions);
        long[] nths = null;
        boolean[] nthNulls = null;
        if (function.name().equals("nth_value")) {
            Block nthBlock = input.getBlock(channels[1]);
            nths = ((LongArrayBlock) nthBlock).rawValues();
            nthNulls = Blocks.rawNulls(nthBlock);
        }
        long[] addresses = new long[n];
        for (int i = 0; i < n; i++) {
            int start = frames.start()[i];
            int end = frames.end()[i];
            long target;
            if (function.name().equals("first_value")) {
                target = start;
            }
            else if (function.name().equals("last_value")) {
                target = end;
            }
            else if (nthNulls != null && nthNulls[i]) {
                target = -1;
            }
            else {
                if (nths[i] <= 0) {
                    throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Offset must be at least 1");
                }
                target = start + nths[i] - 1;
            }
            addresses[i] = start <= end && target >= start && target <= end ? PagesIndex.address(0, (int) target) : PagesIndex.address(1, i);
        }
        return gather(function.outputType(), input.getBlock(channels[0]), Blocks.nullBlock(function.outputType(), n), addresses);
    }

    /** Rows of {@code values} (page 0) or {@code fallback} (page 1), by address. */
    private static Block gather(Type type, Block values, Block fallback, long[] addresses)
    {
        PagesIndex index = new PagesIndex(List.of(type));
        index.addPage(new Page(values.positionCount(), values));
        index.addPage(new Page(fallback.positionCount(), fallback));
        return index.gather(addresses, 0, addresses.length).getBlock(0);
    }

    /**
     * An aggregate over each row's frame: consecutive rows with the same frame (peers, or a whole partition)
     * share one group of the accumulator, whose rows are fed once; rows then take their group's value.
     */
    private static Block aggregate(WindowFunctionDefinition function, Page input, WindowPartitions partitions)
    {
        if (function.startType() == BoundType.UNBOUNDED_PRECEDING && function.endType() != BoundType.PRECEDING) {
            return runningAggregate(function, input, partitions);
        }
        int n = partitions.rowCount();
        Frames frames = Frames.compute(function, input, partitions);
        int[] channels = function.argumentChannels();
        Block[] arguments = new Block[channels.length];
        for (int i = 0; i < channels.length; i++) {
            arguments[i] = input.getBlock(channels[i]);
        }
        PagesIndex argumentIndex = new PagesIndex(function.argumentTypes());
        argumentIndex.addPage(new Page(n, arguments));

        AggregationFunction aggregation = AggregationFunctions.resolve(function.name(), function.argumentTypes(), function.outputType());
        GroupedAccumulator accumulator = aggregation.createAccumulator();
        int[] groupOfRow = new int[n];
        int[] groupIds = new int[AGGREGATION_BATCH];
        long[] addresses = new long[AGGREGATION_BATCH];
        int batched = 0;
        int groupCount = 0;
        int[] start = frames.start();
        int[] end = frames.end();
        for (int i = 0; i < n; i++) {
            if (i > 0 && start[i] == start[i - 1] && end[i] == end[i - 1]) {
                groupOfRow[i] = groupCount - 1;
                continue;
            }
            int group = groupCount++;
            groupOfRow[i] = group;
            accumulator.ensureCapacity(groupCount);
            for (int row = start[i]; row <= end[i]; row++) {
                if (batched == AGGREGATION_BATCH) {
                    addBatch(accumulator, argumentIndex, groupIds, addresses, batched);
                    batched = 0;
                }
                groupIds[batched] = group;
                addresses[batched] = PagesIndex.address(0, row);
                batched++;
            }
        }
        accumulator.ensureCapacity(groupCount);
        if (batched > 0) {
            addBatch(accumulator, argumentIndex, groupIds, addresses, batched);
        }
        Block perGroup = accumulator.evaluateFinal(0, groupCount);
        long[] rowAddresses = new long[n];
        for (int i = 0; i < n; i++) {
            rowAddresses[i] = PagesIndex.address(0, groupOfRow[i]);
        }
        PagesIndex resultIndex = new PagesIndex(List.of(function.outputType()));
        resultIndex.addPage(new Page(groupCount, perGroup));
        return resultIndex.gather(rowAddresses, 0, n).getBlock(0);
    }

    /**
     * An aggregate over frames that start at the partition's first row and end at or after the current row:
     * ends only grow within a partition, so each distinct end is a segment fed only the rows it adds (linear),
     * and each segment's value is the merge of the segments before it in its partition, computed as a prefix
     * scan over intermediate states in log2(segments) whole-array rounds (not a quadratic refeeding).
     */
    private static Block runningAggregate(WindowFunctionDefinition function, Page input, WindowPartitions partitions)
    {
        int n = partitions.rowCount();
        Frames frames = Frames.compute(function, input, partitions);
        int[] end = frames.end();
        int[] partitionStart = partitions.partitionStart();
        int[] segmentOfRow = new int[n];
        int segments = 0;
        int[] segmentFirst = new int[n];
        int[] rowGroup = new int[n];
        int[] fedRows = new int[n];
        int fed = 0;
        int lastEnd = -1;
        int partitionFirstSegment = 0;
        for (int i = 0; i < n; i++) {
            boolean newPartition = i == partitionStart[i];
            if (newPartition || end[i] != end[i - 1]) {
                int segment = segments++;
                if (newPartition) {
                    partitionFirstSegment = segment;
                    lastEnd = partitionStart[i] - 1;
                }
                segmentFirst[segment] = partitionFirstSegment;
                for (int row = lastEnd + 1; row <= end[i]; row++) {
                    rowGroup[fed] = segment;
                    fedRows[fed] = row;
                    fed++;
                }
                lastEnd = end[i];
            }
            segmentOfRow[i] = segments - 1;
        }
        int[] channels = function.argumentChannels();
        Block[] arguments = new Block[channels.length];
        for (int i = 0; i < channels.length; i++) {
            arguments[i] = input.getBlock(channels[i]).copyPositions(fedRows, 0, fed);
        }
        AggregationFunction aggregation = AggregationFunctions.resolve(function.name(), function.argumentTypes(), function.outputType());
        GroupedAccumulator increments = aggregation.createAccumulator();
        increments.ensureCapacity(segments);
        increments.addInput(rowGroup, arguments, fed);
        Block[] state = increments.evaluateIntermediate(0, segments);

        int[] identity = new int[segments];
        for (int i = 0; i < segments; i++) {
            identity[i] = i;
        }
        int[] targets = new int[segments];
        int[] sources = new int[segments];
        for (int distance = 1; distance < segments; distance *= 2) {
            int count = 0;
            for (int segment = distance; segment < segments; segment++) {
                if (segment - distance >= segmentFirst[segment]) {
                    targets[count] = segment;
                    sources[count] = segment - distance;
                    count++;
                }
            }
            if (count == 0) {
                break;
            }
            GroupedAccumulator round = aggregation.createAccumulator();
            round.ensureCapacity(segments);
            round.addIntermediate(identity, state, segments);
            Block[] shifted = new Block[state.length];
            for (int i = 0; i < state.length; i++) {
                shifted[i] = state[i].copyPositions(sources, 0, count);
            }
            round.addIntermediate(targets, shifted, count);
            state = round.evaluateIntermediate(0, segments);
        }
        GroupedAccumulator result = aggregation.createAccumulator();
        result.ensureCapacity(segments);
        result.addIntermediate(identity, state, segments);
        Block perSegment = result.evaluateFinal(0, segments);
        long[] rowAddresses = new long[n];
        for (int i = 0; i < n; i++) {
            rowAddresses[i] = PagesIndex.address(0, segmentOfRow[i]);
        }
        PagesIndex resultIndex = new PagesIndex(List.of(function.outputType()));
        resultIndex.addPage(new Page(segments, perSegment));
        return resultIndex.gather(rowAddresses, 0, n).getBlock(0);
    }

    private static void addBatch(GroupedAccumulator accumulator, PagesIndex argumentIndex, int[] groupIds, long[] addresses, int count)
    {
        Page batch = argumentIndex.gather(addresses, 0, count);
        Block[] blocks = new Block[batch.channelCount()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = batch.getBlock(i);
        }
        accumulator.addInput(groupIds, blocks, count);
    }

    /** Each row's frame as inclusive row bounds; an empty frame has {@code start > end}. */
    record Frames(int[] start, int[] end)
    {
        static Frames compute(WindowFunctionDefinition function, Page input, WindowPartitions partitions)
        {
            int n = partitions.rowCount();
            int[] start = new int[n];
            int[] end = new int[n];
            long[] startOffsets = offsets(function.startChannel(), input);
            long[] endOffsets = offsets(function.endChannel(), input);
            for (int i = 0; i < n; i++) {
                int partitionStart = partitions.partitionStart()[i];
                int partitionLast = partitions.partitionEnd()[i] - 1;
                long first = Math.max(bound(function.startType(), function.rows(), startOffsets, i, partitions, true), partitionStart);
                long last = Math.min(bound(function.endType(), function.rows(), endOffsets, i, partitions, false), partitionLast);
                if (first > last) {
                    start[i] = 0;
                    end[i] = -1;
                }
                else {
                    start[i] = (int) first;
                    end[i] = (int) last;
                }
            }
            return new Frames(start, end);
        }

        private static long bound(BoundType type, boolean rows, long[] offsets, int row, WindowPartitions partitions, boolean isStart)
        {
            switch (type) {
                case UNBOUNDED_PRECEDING:
                    return partitions.partitionStart()[row];
                case PRECEDING:
                    return (long) row - offsets[row];
                case CURRENT_ROW:
                    if (rows) {
                        return row;
                    }
                    return isStart ? partitions.peerStart()[row] : partitions.peerEnd()[row] - 1;
                case FOLLOWING:
                    return (long) row + offsets[row];
                case UNBOUNDED_FOLLOWING:
                    return partitions.partitionEnd()[row] - 1;
            }
            throw new IllegalArgumentException("unknown bound " + type);
        }

        private static long[] offsets(OptionalInt channel, Page input)
        {
            if (channel.isEmpty()) {
                return null;
            }
            Block block = input.getBlock(channel.getAsInt());
            long[] values = ((LongArrayBlock) block).rawValues();
            boolean[] nulls = Blocks.rawNulls(block);
            for (int i = 0; i < block.positionCount(); i++) {
                if (nulls != null && nulls[i]) {
                    throw new StrataException(ErrorCode.INVALID_WINDOW_FRAME, "Window frame offset value must not be null");
                }
                if (values[i] < 0) {
                    throw new StrataException(ErrorCode.INVALID_WINDOW_FRAME, "Window frame offset value must not be negative (" + values[i] + ")");
                }
            }
            return values;
        }
    }
}

package io.strata.core.execution.operator;

import io.strata.core.execution.buffer.OutputBuffer;
import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.execution.operator.join.JoinHash;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Block;
import io.strata.spi.block.Page;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * The sink of a task whose output goes to several consumer tasks: each row to the consumer its key columns hash to
 * (a repartitioning exchange), or every page to every consumer (a replicating one). Rows with a null key all go to
 * consumer 0: they join nothing, and rows of one null group must meet in one task. Keys hash as join keys do
 * ({@link JoinHash#hashKeys}), so both sides of a partitioned join agree on every row's consumer.
 */
public final class PartitionedOutputOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final OutputBuffer outputBuffer;
    private final int[] outputChannels;
    private final int[] keyChannels;
    private final int partitionCount;
    private final int[] partitionSizes;
    private long[] hashes = new long[0];
    private boolean[] nullKeys = new boolean[0];
    private int[] partitions = new int[0];
    private int[] positions = new int[0];
    private boolean finished;

    /** @param keyChannels the input channels to hash; none replicates every page to every partition */
    public PartitionedOutputOperator(OperatorContext operatorContext, OutputBuffer outputBuffer, int[] outputChannels, int[] keyChannels)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.outputBuffer = requireNonNull(outputBuffer, "outputBuffer is null");
        this.outputChannels = outputChannels.clone();
        this.keyChannels = keyChannels.clone();
        this.partitionCount = outputBuffer.partitionCount();
        this.partitionSizes = new int[partitionCount + 1];
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public CompletableFuture<Void> isBlocked()
    {
        return outputBuffer.isFull();
    }

    @Override
    public boolean needsInput()
    {
        return !finished && outputBuffer.isFull().isDone();
    }

    @Override
    public void addInput(Page page)
    {
        Page output = page.selectChannels(outputChannels);
        if (keyChannels.length == 0) {
            for (int partition = 0; partition < partitionCount; partition++) {
                outputBuffer.enqueue(partition, output);
            }
            return;
        }
        if (partitionCount == 1) {
            outputBuffer.enqueue(0, output);
            return;
        }
        int positionCount = page.positionCount();
        ensureCapacity(positionCount);
        Block[] keys = new Block[keyChannels.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = page.getBlock(keyChannels[i]);
        }
        JoinHash.hashKeys(keys, positionCount, hashes, nullKeys);
        // counting sort of the positions by partition, then one page per partition
        Arrays.fill(partitionSizes, 0);
        for (int position = 0; position < positionCount; position++) {
            int partition = nullKeys[position] ? 0 : partition(hashes[position]);
            partitions[position] = partition;
            partitionSizes[partition + 1]++;
        }
        for (int partition = 0; partition < partitionCount; partition++) {
            partitionSizes[partition + 1] += partitionSizes[partition];
        }
        int[] next = partitionSizes.clone();
        for (int position = 0; position < positionCount; position++) {
            positions[next[partitions[position]]++] = position;
        }
        for (int partition = 0; partition < partitionCount; partition++) {
            int start = partitionSizes[partition];
            int length = partitionSizes[partition + 1] - start;
            if (length == positionCount) {
                outputBuffer.enqueue(partition, output);
            }
            else if (length > 0) {
                outputBuffer.enqueue(partition, output.copyPositions(positions, start, length));
            }
        }
    }

    private int partition(long hash)
    {
        // the join hash's low bits pick hash table buckets on the consumer; mix before taking the remainder
        long mixed = hash ^ (hash >>> 33);
        mixed *= 0xFF51AFD7ED558CCDL;
        mixed ^= mixed >>> 33;
        return (int) Long.remainderUnsigned(mixed, partitionCount);
    }

    private void ensureCapacity(int positionCount)
    {
        if (hashes.length < positionCount) {
            hashes = new long[positionCount];
            nullKeys = new boolean[positionCount];
            partitions = new int[positionCount];
            positions = new int[positionCount];
        }
    }

    @Override
    public Page getOutput()
    {
        return null;
    }

    @Override
    public void finish()
    {
        finished = true;
    }

    @Override
    public boolean isFinished()
    {
        return finished;
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final OutputBuffer outputBuffer;
        private final int[] outputChannels;
        private final int[] keyChannels;

        public Factory(int operatorId, PlanNodeId planNodeId, OutputBuffer outputBuffer, int[] outputChannels, int[] keyChannels)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.outputBuffer = requireNonNull(outputBuffer, "outputBuffer is null");
            this.outputChannels = outputChannels.clone();
            this.keyChannels = keyChannels.clone();
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            OperatorContext context = driverContext.addOperatorContext(operatorId, planNodeId, PartitionedOutputOperator.class.getSimpleName());
            return new PartitionedOutputOperator(context, outputBuffer, outputChannels, keyChannels);
        }

        @Override
        public void noMoreOperators() {}
    }
}

package io.strata.core.execution.operator.aggregation;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.airlift.slice.XxHash64;
import io.strata.core.execution.expression.Blocks;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;

import java.util.Arrays;

/**
 * {@code approx_distinct(x[, max_standard_error])}: the number of distinct non-null values, estimated with a
 * HyperLogLog sketch per group (default standard error 0.023, Presto's). Values are hashed with XxHash64.
 * A group starts sparse: an exact set of its values' hashes (so small cardinalities are exact), and turns into
 * dense registers ({@link HyperLogLog}) once the set outgrows {@link #SPARSE_LIMIT} hashes. Never null: 0 for
 * an empty group.
 * <p>
 * Intermediate: one varchar (raw bytes) per group, null for an empty group, else
 * {@code [format byte: 0 sparse, 1 dense][index bits byte]} followed by the sparse hashes (8 bytes each, little
 * endian) or the {@code 2^p} dense registers.
 */
final class ApproxDistinctAccumulator
        implements GroupedAccumulator
{
    private static final int SPARSE_LIMIT = 256;
    private static final byte SPARSE = 0;
    private static final byte DENSE = 1;
    private static final int HEADER_BYTES = 2;

    private final boolean errorArgument;
    private int indexBits;
    private long[][] sparseSets = new long[16][];
    private int[] sparseCounts = new int[16];
    private byte[][] denseRegisters = new byte[16][];
    private long stateBytes;

    /** @param errorArgument whether the second argument gives the maximum standard error */
    ApproxDistinctAccumulator(boolean errorArgument)
    {
        this.errorArgument = errorArgument;
        this.indexBits = errorArgument ? -1 : HyperLogLog.indexBitsForStandardError(HyperLogLog.DEFAULT_STANDARD_ERROR);
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (sparseCounts.length < groupCount) {
            int capacity = Math.max(groupCount, sparseCounts.length * 2);
            sparseSets = Arrays.copyOf(sparseSets, capacity);
            sparseCounts = Arrays.copyOf(sparseCounts, capacity);
            denseRegisters = Arrays.copyOf(denseRegisters, capacity);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        if (positionCount == 0) {
            return;
        }
        if (errorArgument) {
            readStandardError(arguments[1], positionCount);
        }
        Block block = arguments[0];
        long[] hashes = hashes(block, positionCount);
        boolean[] nulls = Blocks.rawNulls(block);
        for (int i = 0; i < positionCount; i++) {
            if (nulls == null || !nulls[i]) {
                add(groupIds[i], hashes[i]);
            }
        }
    }

    /** The standard error is a constant argument: every row carries the same value; it fixes the sketch size. */
    private void readStandardError(Block errors, int positionCount)
    {
        double[] values = ((DoubleArrayBlock) errors).rawValues();
        for (int i = 0; i < positionCount; i++) {
            if (errors.isNull(i)) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Max standard error cannot be null");
            }
            int bits = HyperLogLog.indexBitsForStandardError(values[i]);
            if (indexBits == -1) {
                indexBits = bits;
            }
            else if (bits != indexBits) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Max standard error must be constant for approx_distinct");
            }
        }
    }

    private static long[] hashes(Block block, int positionCount)
    {
        long[] hashes = new long[positionCount];
        if (block instanceof LongArrayBlock) {
            long[] values = ((LongArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                hashes[i] = XxHash64.hash(values[i]);
            }
        }
        else if (block instanceof IntArrayBlock) {
            int[] values = ((IntArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                hashes[i] = XxHash64.hash(values[i]);
            }
        }
        else if (block instanceof ByteArrayBlock) {
            byte[] values = ((ByteArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                hashes[i] = XxHash64.hash(values[i]);
            }
        }
        else if (block instanceof DoubleArrayBlock) {
            double[] values = ((DoubleArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                // -0.0 equals 0.0, and every NaN is one value (doubleToLongBits collapses NaNs)
                double value = values[i] == 0 ? 0 : values[i];
                hashes[i] = XxHash64.hash(Double.doubleToLongBits(value));
            }
        }
        else if (block instanceof Int128ArrayBlock) {
            long[] values = ((Int128ArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                hashes[i] = XxHash64.hash(XxHash64.hash(values[2 * i]), values[2 * i + 1]);
            }
        }
        else {
            VariableWidthBlock variableWidth = (VariableWidthBlock) block;
            Slice data = variableWidth.rawSlice();
            int[] offsets = variableWidth.rawOffsets();
            for (int i = 0; i < positionCount; i++) {
                hashes[i] = XxHash64.hash(data, offsets[i], offsets[i + 1] - offsets[i]);
            }
        }
        return hashes;
    }

    private void add(int group, long hash)
    {
        byte[] registers = denseRegisters[group];
        if (registers != null) {
            HyperLogLog.add(registers, indexBits, hash);
            return;
        }
        if (!addSparse(group, hash)) {
            return;
        }
        if (sparseCounts[group] > SPARSE_LIMIT) {
            toDense(group);
        }
    }

    /**
     * Adds a hash to the group's open-addressing set (0 marks an empty slot, so a hash of 0 is stored as 1: one
     * value in 2^64 shares a slot with another).
     *
     * @return whether the hash was new
     */
    private boolean addSparse(int group, long hash)
    {
        long key = hash == 0 ? 1 : hash;
        long[] set = sparseSets[group];
        if (set == null) {
            set = new long[8];
            sparseSets[group] = set;
            stateBytes += set.length * (long) Long.BYTES;
        }
        else if (sparseCounts[group] * 2 >= set.length) {
            set = rehash(set, set.length * 2);
            stateBytes += set.length / 2 * (long) Long.BYTES;
            sparseSets[group] = set;
        }
        int mask = set.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (set[slot] != 0) {
            if (set[slot] == key) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        set[slot] = key;
        sparseCounts[group]++;
        return true;
    }

    private static long[] rehash(long[] set, int capacity)
    {
        long[] larger = new long[capacity];
        int mask = capacity - 1;
        for (long key : set) {
            if (key != 0) {
                int slot = (int) (key ^ (key >>> 32)) & mask;
                while (larger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                larger[slot] = key;
            }
        }
        return larger;
    }

    private void toDense(int group)
    {
        byte[] registers = new byte[1 << indexBits];
        long[] set = sparseSets[group];
        if (set != null) {
            for (long key : set) {
                if (key != 0) {
                    HyperLogLog.add(registers, indexBits, key);
                }
            }
            stateBytes -= set.length * (long) Long.BYTES;
        }
        sparseSets[group] = null;
        sparseCounts[group] = 0;
        denseRegisters[group] = registers;
        stateBytes += registers.length;
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount)
    {
        VariableWidthBlock block = (VariableWidthBlock) intermediate[0];
        Slice data = block.rawSlice();
        int[] offsets = block.rawOffsets();
        for (int i = 0; i < positionCount; i++) {
            if (block.isNull(i)) {
                continue;
            }
            int group = groupIds[i];
            int start = offsets[i];
            int end = offsets[i + 1];
            byte format = data.getByte(start);
            int bits = data.getByte(start + 1);
            if (indexBits == -1) {
                indexBits = bits;
            }
            else if (bits != indexBits) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Max standard error must be constant for approx_distinct");
            }
            if (format == SPARSE) {
                for (int offset = start + HEADER_BYTES; offset < end; offset += Long.BYTES) {
                    add(group, data.getLong(offset));
                }
                continue;
            }
            if (denseRegisters[group] == null) {
                toDense(group);
            }
            HyperLogLog.merge(denseRegisters[group], data.byteArray(), data.byteArrayOffset() + start + HEADER_BYTES);
        }
    }

    @Override
    public Block[] evaluateIntermediate(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        boolean[] nulls = new boolean[count];
        int[] offsets = new int[count + 1];
        for (int i = 0; i < count; i++) {
            int group = fromGroup + i;
            int length;
            if (denseRegisters[group] != null) {
                length = HEADER_BYTES + denseRegisters[group].length;
            }
            else if (sparseCounts[group] > 0) {
                length = HEADER_BYTES + sparseCounts[group] * Long.BYTES;
            }
            else {
                nulls[i] = true;
                length = 0;
            }
            offsets[i + 1] = offsets[i] + length;
        }
        Slice data = Slices.allocate(offsets[count]);
        for (int i = 0; i < count; i++) {
            int group = fromGroup + i;
            if (nulls[i]) {
                continue;
            }
            int offset = offsets[i];
            data.setByte(offset + 1, indexBits);
            byte[] registers = denseRegisters[group];
            if (registers != null) {
                data.setByte(offset, DENSE);
                data.setBytes(offset + HEADER_BYTES, registers);
                continue;
            }
            data.setByte(offset, SPARSE);
            int position = offset + HEADER_BYTES;
            for (long key : sparseSets[group]) {
                if (key != 0) {
                    data.setLong(position, key);
                    position += Long.BYTES;
                }
            }
        }
        return new Block[] {new VariableWidthBlock(count, nulls, data, offsets)};
    }

    @Override
    public Block evaluateFinal(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        long[] estimates = new long[count];
        for (int i = 0; i < count; i++) {
            int group = fromGroup + i;
            byte[] registers = denseRegisters[group];
            estimates[i] = registers == null ? sparseCounts[group] : Math.round(HyperLogLog.estimate(registers, indexBits));
        }
        return new LongArrayBlock(count, null, estimates);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) sparseCounts.length * (Integer.BYTES + 2L * 16) + stateBytes;
    }
}

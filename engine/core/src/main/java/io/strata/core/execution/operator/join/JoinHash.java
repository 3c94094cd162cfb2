package io.strata.core.execution.operator.join;

import io.airlift.slice.Slice;
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
import io.strata.spi.block.Page;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.Type;
import io.strata.spi.type.ValueLayout;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The build side of a hash join: every build row in one page (a block per channel), the 64-bit hash of each
 * row's keys, and chains of rows per hash bucket ({@code buckets[slot]} is a chain's first row, {@code next[row]}
 * the following one, {@code -1} ends it). Rows with a null key are in no chain: a null key never matches. With no
 * keys every row is in one chain, which makes a nested-loop join. Immutable once built; probed by many threads.
 * <p>
 * Probing is columnar: {@link #hashKeys} hashes a whole page's keys, the probe walks chains comparing hashes only,
 * and {@link #keepEqualKeys} then compares the candidate pairs' keys a column at a time.
 */
public final class JoinHash
{
    private static final long SEED = 0x9E3779B97F4A7C15L;

    private final Page build;
    private final List<Type> types;
    private final int[] keyChannels;
    private final ValueLayout[] keyLayouts;
    private final long[] hashes;
    private final int[] buckets;
    private final int[] next;
    private final int mask;
    private final boolean hasNullKey;

    private JoinHash(Page build, List<Type> types, int[] keyChannels, long[] hashes, int[] buckets, int[] next, boolean hasNullKey)
    {
        this.build = build;
        this.types = types;
        this.keyChannels = keyChannels;
        this.keyLayouts = new ValueLayout[keyChannels.length];
        for (int i = 0; i < keyChannels.length; i++) {
            keyLayouts[i] = types.get(keyChannels[i]).layout();
        }
        this.hashes = hashes;
        this.buckets = buckets;
        this.next = next;
        this.mask = buckets.length - 1;
        this.hasNullKey = hasNullKey;
    }

    /** Builds the table over the pages (all of {@code types}), keyed by {@code keyChannels}. */
    public static JoinHash create(List<Page> pages, List<Type> types, int[] keyChannels)
    {
        requireNonNull(pages, "pages is null");
        requireNonNull(types, "types is null");
        Page build = concatenate(pages, types);
        int rows = build.positionCount();
        long[] hashes = new long[rows];
        boolean[] nullKey = new boolean[rows];
        Block[] keys = new Block[keyChannels.length];
        for (int i = 0; i < keyChannels.length; i++) {
            keys[i] = build.getBlock(keyChannels[i]);
        }
        hashKeys(keys, rows, hashes, nullKey);
        int capacity = Integer.highestOneBit(Math.max(1, rows) * 2 - 1) << 1;
        int[] buckets = new int[capacity];
        Arrays.fill(buckets, -1);
        int[] next = new int[rows];
        int bucketMask = capacity - 1;
        boolean hasNullKey = false;
        // link in reverse so that each chain lists its rows in build order
        for (int row = rows - 1; row >= 0; row--) {
            if (nullKey[row]) {
                hasNullKey = true;
                next[row] = -1;
                continue;
            }
            int slot = (int) hashes[row] & bucketMask;
            next[row] = buckets[slot];
            buckets[slot] = row;
        }
        return new JoinHash(build, List.copyOf(types), keyChannels.clone(), hashes, buckets, next, hasNullKey);
    }

    private static Page concatenate(List<Page> pages, List<Type> types)
    {
        if (pages.size() == 1) {
            return pages.get(0);
        }
        int total = 0;
        for (Page page : pages) {
            total += page.positionCount();
        }
        Block[] blocks = new Block[types.size()];
        for (int channel = 0; channel < blocks.length; channel++) {
            if (pages.isEmpty()) {
                blocks[channel] = Blocks.nullBlock(types.get(channel), 0);
                continue;
            }
            Block[] parts = new Block[pages.size()];
            int[][] indexes = new int[pages.size()][];
            int[] counts = new int[pages.size()];
            int offset = 0;
            for (int k = 0; k < parts.length; k++) {
                Page page = pages.get(k);
                parts[k] = page.getBlock(channel);
                counts[k] = page.positionCount();
                int[] index = new int[counts[k]];
                for (int j = 0; j < index.length; j++) {
                    index[j] = offset + j;
                }
                indexes[k] = index;
                offset += counts[k];
            }
            blocks[channel] = Blocks.merge(types.get(channel), total, parts, indexes, counts);
        }
        return new Page(total, blocks);
    }

    /** All build rows, one block per build channel. */
    public Page page()
    {
        return build;
    }

    public List<Type> types()
    {
        return types;
    }

    public int rowCount()
    {
        return build.positionCount();
    }

    /** Whether some build row has a null key (what a null-aware IN needs to know). */
    public boolean hasNullKey()
    {
        return hasNullKey;
    }

    /** The first row of the chain where rows with this hash are, or -1. */
    public int firstRow(long hash)
    {
        return buckets[(int) hash & mask];
    }

    /** The row after {@code row} in its chain, or -1. */
    public int nextRow(int row)
    {
        return next[row];
    }

    public long hash(int row)
    {
        return hashes[row];
    }

    /**
     * Hashes the keys of the first {@code positionCount} positions into {@code hashes}, and flags in
     * {@code nullKey} the positions with a null key. Probe and build sides hash equal keys of equal types alike.
     */
    public static void hashKeys(Block[] keys, int positionCount, long[] hashes, boolean[] nullKey)
    {
        Arrays.fill(hashes, 0, positionCount, SEED);
        Arrays.fill(nullKey, 0, positionCount, false);
        for (Block key : keys) {
            boolean[] nulls = Blocks.rawNulls(key);
            if (nulls != null) {
                for (int i = 0; i < positionCount; i++) {
                    nullKey[i] |= nulls[i];
                }
            }
            hashColumn(key, positionCount, hashes);
        }
    }

    private static void hashColumn(Block block, int positionCount, long[] hashes)
    {
        if (block instanceof LongArrayBlock longs) {
            long[] values = longs.rawValues();
            for (int i = 0; i < positionCount; i++) {
                hashes[i] = combine(hashes[i], values[i]);
            }
        }
        else if (block instanceof IntArrayBlock ints) {
            int[] values = ints.rawValues();
            for (int i = 0; i < positionCount; i++) {
                hashes[i] = combine(hashes[i], values[i]);
            }
        }
        else if (block instanceof ByteArrayBlock bytes) {
            byte[] values = bytes.rawValues();
            for (int i = 0; i < positionCount; i++) {
                hashes[i] = combine(hashes[i], values[i]);
            }
        }
        else if (block instanceof DoubleArrayBlock doubles) {
            double[] values = doubles.rawValues();
            for (int i = 0; i < positionCount; i++) {
                // 0.0 and -0.0 are equal, so they hash alike
                double value = values[i];
                hashes[i] = combine(hashes[i], value == 0 ? 0L : Double.doubleToLongBits(value));
            }
        }
        else if (block instanceof Int128ArrayBlock int128s) {
            long[] values = int128s.rawValues();
            for (int i = 0; i < positionCount; i++) {
                hashes[i] = combine(combine(hashes[i], values[2 * i]), values[2 * i + 1]);
            }
        }
        else if (!(block instanceof VariableWidthBlock)) {
            throw new StrataException(ErrorCode.NOT_SUPPORTED, "Joins on array, map and row keys are not supported yet");
        }
        else {
            VariableWidthBlock strings = (VariableWidthBlock) block;
            Slice data = strings.rawSlice();
            int[] offsets = strings.rawOffsets();
            for (int i = 0; i < positionCount; i++) {
                hashes[i] = combine(hashes[i], XxHash64.hash(data, offsets[i], offsets[i + 1] - offsets[i]));
            }
        }
    }

    private static long combine(long hash, long value)
    {
        long mixed = (hash ^ value) * 0xC2B2AE3D27D4EB4FL;
        return Long.rotateLeft(mixed, 31) * SEED + 0x165667B19E3779F9L;
    }

    /**
     * Keeps the pairs {@code (probePositions[i], buildRows[i])} whose keys are equal (compacting both arrays in
     * place); returns how many are left. The probe keys must be of the build keys' types; neither side's key is
     * null in the pairs given.
     */
    public int keepEqualKeys(Block[] probeKeys, int[] probePositions, int[] buildRows, int count)
    {
        int kept = count;
        for (int k = 0; k < keyChannels.length && kept > 0; k++) {
            kept = keepEqual(probeKeys[k], build.getBlock(keyChannels[k]), keyLayouts[k], probePositions, buildRows, kept);
        }
        return kept;
    }

    private static int keepEqual(Block probe, Block build, ValueLayout layout, int[] probePositions, int[] buildRows, int count)
    {
        int kept = 0;
        switch (layout) {
            case ARRAY:
            case MAP:
            case ROW:
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "This operation is not supported yet for arrays, maps and rows");
            case LONG: {
                long[] left = ((LongArrayBlock) probe).rawValues();
                long[] right = ((LongArrayBlock) build).rawValues();
                for (int i = 0; i < count; i++) {
                    probePositions[kept] = probePositions[i];
                    buildRows[kept] = buildRows[i];
                    kept += left[probePositions[i]] == right[buildRows[i]] ? 1 : 0;
                }
                return kept;
            }
            case INT: {
                int[] left = ((IntArrayBlock) probe).rawValues();
                int[] right = ((IntArrayBlock) build).rawValues();
                for (int i = 0; i < count; i++) {
                    probePositions[kept] = probePositions[i];
                    buildRows[kept] = buildRows[i];
                    kept += left[probePositions[i]] == right[buildRows[i]] ? 1 : 0;
                }
                return kept;
            }
            case BYTE: {
                byte[] left = ((ByteArrayBlock) probe).rawValues();
                byte[] right = ((ByteArrayBlock) build).rawValues();
                for (int i = 0; i < count; i++) {
                    probePositions[kept] = probePositions[i];
                    buildRows[kept] = buildRows[i];
                    kept += left[probePositions[i]] == right[buildRows[i]] ? 1 : 0;
                }
                return kept;
            }
            case DOUBLE: {
                double[] left = ((DoubleArrayBlock) probe).rawValues();
                double[] right = ((DoubleArrayBlock) build).rawValues();
                for (int i = 0; i < count; i++) {
                    probePositions[kept] = probePositions[i];
                    buildRows[kept] = buildRows[i];
                    kept += left[probePositions[i]] == right[buildRows[i]] ? 1 : 0;
                }
                return kept;
            }
            case INT128: {
                long[] left = ((Int128ArrayBlock) probe).rawValues();
                long[] right = ((Int128ArrayBlock) build).rawValues();
                for (int i = 0; i < count; i++) {
                    int l = probePositions[i];
                    int r = buildRows[i];
                    probePositions[kept] = l;
                    buildRows[kept] = r;
                    kept += left[2 * l] == right[2 * r] && left[2 * l + 1] == right[2 * r + 1] ? 1 : 0;
                }
                return kept;
            }
            case VARIABLE_WIDTH: {
                VariableWidthBlock left = (VariableWidthBlock) probe;
                VariableWidthBlock right = (VariableWidthBlock) build;
                byte[] leftData = left.rawSlice().byteArray();
                int leftBase = left.rawSlice().byteArrayOffset();
                int[] leftOffsets = left.rawOffsets();
                byte[] rightData = right.rawSlice().byteArray();
                int rightBase = right.rawSlice().byteArrayOffset();
                int[] rightOffsets = right.rawOffsets();
                for (int i = 0; i < count; i++) {
                    int l = probePositions[i];
                    int r = buildRows[i];
                    int leftStart = leftBase + leftOffsets[l];
                    int leftEnd = leftBase + leftOffsets[l + 1];
                    int rightStart = rightBase + rightOffsets[r];
                    int rightEnd = rightBase + rightOffsets[r + 1];
                    probePositions[kept] = l;
                    buildRows[kept] = r;
                    kept += Arrays.equals(leftData, leftStart, leftEnd, rightData, rightStart, rightEnd) ? 1 : 0;
                }
                return kept;
            }
        }
        throw new IllegalArgumentException("unknown layout " + layout);
    }

    /** Bytes the table holds (memory accounting). */
    public long retainedSizeInBytes()
    {
        return build.retainedSizeInBytes() + (long) hashes.length * Long.BYTES + (long) buckets.length * Integer.BYTES + (long) next.length * Integer.BYTES;
    }
}

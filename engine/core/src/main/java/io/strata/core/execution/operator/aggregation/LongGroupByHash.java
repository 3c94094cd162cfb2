package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.Blocks;
import io.strata.spi.block.Block;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;
import io.strata.spi.type.ValueLayout;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A group-by hash on one key of a {@code long} or {@code int} layout (bigint, integer, date, short decimal):
 * open addressing over the key values themselves, the null key being a group of its own.
 */
final class LongGroupByHash
        implements GroupByHash
{
    private static final int EMPTY = -1;

    private final Type keyType;
    private final boolean intLayout;
    /** Bits of the value that are not part of its identity: a timestamp with time zone groups by instant, not by zone. */
    private final int ignoredLowBits;
    private int[] table;
    private int mask;
    private long[] values;
    private int groupCount;
    private int nullGroup = -1;
    private int[] groupIds = new int[0];

    LongGroupByHash(Type keyType, int expectedGroups)
    {
        this.keyType = requireNonNull(keyType, "keyType is null");
        this.intLayout = keyType.layout() == ValueLayout.INT;
        this.ignoredLowBits = keyType instanceof TimestampWithTimeZoneType ? 12 : 0;
        int capacity = tableSize(expectedGroups);
        this.table = new int[capacity];
        Arrays.fill(table, EMPTY);
        this.mask = capacity - 1;
        this.values = new long[Math.max(16, expectedGroups)];
    }

    static int tableSize(int expectedGroups)
    {
        return Integer.highestOneBit(Math.max(16, expectedGroups) * 2 - 1) << 1;
    }

    @Override
    public List<Type> keyTypes()
    {
        return List.of(keyType);
    }

    @Override
    public int[] groupIds(Block[] keys, int positionCount)
    {
        if (groupIds.length < positionCount) {
            groupIds = new int[positionCount];
        }
        boolean[] nulls = Blocks.rawNulls(keys[0]);
        if (intLayout) {
            int[] keyValues = ((IntArrayBlock) keys[0]).rawValues();
            for (int i = 0; i < positionCount; i++) {
                groupIds[i] = nulls != null && nulls[i] ? nullGroup() : putIfAbsent(keyValues[i]);
            }
        }
        else {
            long[] keyValues = ((LongArrayBlock) keys[0]).rawValues();
            for (int i = 0; i < positionCount; i++) {
                groupIds[i] = nulls != null && nulls[i] ? nullGroup() : putIfAbsent(keyValues[i]);
            }
        }
        return groupIds;
    }

    private int nullGroup()
    {
        if (nullGroup < 0) {
            nullGroup = addGroup(0);
        }
        return nullGroup;
    }

    private int putIfAbsent(long value)
    {
        int slot = (int) mix(value >> ignoredLowBits) & mask;
        while (true) {
            int group = table[slot];
            if (group == EMPTY) {
                group = addGroup(value);
                table[slot] = group;
                if (groupCount * 2 > table.length) {
                    rehash();
                }
                return group;
            }
            if (values[group] >> ignoredLowBits == value >> ignoredLowBits) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int addGroup(long value)
    {
        if (groupCount == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[groupCount] = value;
        return groupCount++;
    }

    private void rehash()
    {
        int capacity = table.length * 2;
        int[] newTable = new int[capacity];
        Arrays.fill(newTable, EMPTY);
        int newMask = capacity - 1;
        for (int group = 0; group < groupCount; group++) {
            if (group == nullGroup) {
                continue;
            }
            int slot = (int) mix(values[group] >> ignoredLowBits) & newMask;
            while (newTable[slot] != EMPTY) {
                slot = (slot + 1) & newMask;
            }
            newTable[slot] = group;
        }
        table = newTable;
        mask = newMask;
    }

    static long mix(long value)
    {
        long hash = value * 0x9E3779B97F4A7C15L;
        return hash ^ (hash >>> 29);
    }

    @Override
    public int groupCount()
    {
        return groupCount;
    }

    @Override
    public Block[] keys(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        boolean[] nulls = null;
        if (nullGroup >= fromGroup && nullGroup < toGroup) {
            nulls = new boolean[count];
            nulls[nullGroup - fromGroup] = true;
        }
        if (intLayout) {
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = (int) values[fromGroup + i];
            }
            return new Block[] {new IntArrayBlock(count, nulls, out)};
        }
        return new Block[] {new LongArrayBlock(count, nulls, Arrays.copyOfRange(values, fromGroup, toGroup))};
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) table.length * Integer.BYTES + (long) values.length * Long.BYTES + (long) groupIds.length * Integer.BYTES;
    }
}

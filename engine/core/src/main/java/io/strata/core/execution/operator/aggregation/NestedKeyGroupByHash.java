package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.NestedValues;
import io.strata.spi.block.Block;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.strata.spi.type.IntegerType.INTEGER;

/**
 * A group-by hash over keys that include arrays, maps or rows: each nested key column is first mapped to a
 * dense integer id by a dictionary of its distinct values (equal values, nulls inside included, get the same
 * id, as GROUP BY and DISTINCT compare them), and the ids group in an ordinary flat hash. The keys of a group
 * are read back from the dictionaries.
 */
final class NestedKeyGroupByHash
        implements GroupByHash
{
    private final List<Type> keyTypes;
    private final ValueDictionary[] dictionaries;
    private final GroupByHash ids;

    NestedKeyGroupByHash(List<Type> keyTypes, int expectedGroups)
    {
        this.keyTypes = List.copyOf(keyTypes);
        this.dictionaries = new ValueDictionary[keyTypes.size()];
        List<Type> idTypes = new ArrayList<>();
        for (int i = 0; i < keyTypes.size(); i++) {
            Type type = keyTypes.get(i);
            if (type.layout().isNested()) {
                dictionaries[i] = new ValueDictionary(type);
                idTypes.add(INTEGER);
            }
            else {
                idTypes.add(type);
            }
        }
        this.ids = GroupByHash.create(idTypes, expectedGroups);
    }

    @Override
    public List<Type> keyTypes()
    {
        return keyTypes;
    }

    @Override
    public int[] groupIds(Block[] keys, int positionCount)
    {
        Block[] translated = keys.clone();
        for (int i = 0; i < keys.length; i++) {
            if (dictionaries[i] != null) {
                translated[i] = dictionaries[i].ids(keys[i], positionCount);
            }
        }
        return ids.groupIds(translated, positionCount);
    }

    @Override
    public int groupCount()
    {
        return ids.groupCount();
    }

    @Override
    public Block[] keys(int fromGroup, int toGroup)
    {
        Block[] keys = ids.keys(fromGroup, toGroup);
        for (int i = 0; i < keys.length; i++) {
            if (dictionaries[i] != null) {
                keys[i] = dictionaries[i].values((IntArrayBlock) keys[i]);
            }
        }
        return keys;
    }

    @Override
    public long retainedSizeInBytes()
    {
        long size = ids.retainedSizeInBytes();
        for (ValueDictionary dictionary : dictionaries) {
            if (dictionary != null) {
                size += dictionary.retainedSizeInBytes();
            }
        }
        return size;
    }

    /** The distinct values of one nested column, each with its id (its index); open addressing on the value hash. */
    private static final class ValueDictionary
    {
        private static final int EMPTY = -1;

        private final Type type;
        private final List<Block> values = new ArrayList<>();
        private long valueBytes;
        private int[] table = new int[64];
        private long[] hashes = new long[64];

        ValueDictionary(Type type)
        {
            this.type = type;
            Arrays.fill(table, EMPTY);
        }

        IntArrayBlock ids(Block block, int positionCount)
        {
            int[] out = new int[positionCount];
            for (int position = 0; position < positionCount; position++) {
                out[position] = idOf(block, position);
            }
            return new IntArrayBlock(positionCount, null, out);
        }

        private int idOf(Block block, int position)
        {
            long hash = NestedValues.hash(type, block, position);
            int mask = table.length - 1;
            int slot = (int) (hash ^ (hash >>> 29)) & mask;
            while (table[slot] != EMPTY) {
                int id = table[slot];
                if (hashes[id] == hash && NestedValues.identical(type, values.get(id), 0, block, position)) {
                    return id;
                }
                slot = (slot + 1) & mask;
            }
            int id = values.size();
            // one small block per distinct value: allocated per new group, never per row
            Block value = block.copyPositions(new int[] {position}, 0, 1);
            values.add(value);
            valueBytes += value.retainedSizeInBytes();
            if (id >= hashes.length) {
                hashes = Arrays.copyOf(hashes, hashes.length * 2);
            }
            hashes[id] = hash;
            table[slot] = id;
            if (values.size() * 2 > table.length) {
                rehash();
            }
            return id;
        }

        private void rehash()
        {
            int[] newTable = new int[table.length * 2];
            Arrays.fill(newTable, EMPTY);
            int mask = newTable.length - 1;
            for (int id = 0; id < values.size(); id++) {
                long hash = hashes[id];
                int slot = (int) (hash ^ (hash >>> 29)) & mask;
                while (newTable[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                newTable[slot] = id;
            }
            table = newTable;
        }

        Block values(IntArrayBlock ids)
        {
            BlockBuilder builder = type.createBlockBuilder(ids.positionCount());
            int[] raw = ids.rawValues();
            for (int i = 0; i < ids.positionCount(); i++) {
                builder.appendFrom(values.get(raw[i]), 0);
            }
            return builder.build();
        }

        long retainedSizeInBytes()
        {
            return valueBytes + (long) table.length * 4 + (long) hashes.length * 8;
        }
    }
}

package io.strata.core.execution.operator.aggregation;

import io.strata.spi.block.Block;
import io.strata.spi.type.Type;
import io.strata.spi.type.ValueLayout;

import java.util.List;

/**
 * Assigns dense group ids (0, 1, 2, ... in order of first appearance) to the distinct key tuples of its
 * input. Nulls are keys like any value (all nulls of a column group together). Not thread-safe.
 */
public interface GroupByHash
{
    static GroupByHash create(List<Type> keyTypes, int expectedGroups)
    {
        if (keyTypes.stream().anyMatch(type -> type.layout().isNested())) {
            return new NestedKeyGroupByHash(keyTypes, expectedGroups);
        }
        if (keyTypes.size() == 1 && (keyTypes.get(0).layout() == ValueLayout.LONG || keyTypes.get(0).layout() == ValueLayout.INT)) {
            return new LongGroupByHash(keyTypes.get(0), expectedGroups);
        }
        return new FlatGroupByHash(keyTypes, expectedGroups);
    }

    List<Type> keyTypes();

    /**
     * The group id of each position of the key blocks (one block per key, in order), adding new groups.
     *
     * @return an array of at least {@code positionCount} ids (it may be reused by the next call)
     */
    int[] groupIds(Block[] keys, int positionCount);

    int groupCount();

    /** The keys of groups {@code [fromGroup, toGroup)}, one block per key. */
    Block[] keys(int fromGroup, int toGroup);

    /** Bytes this hash holds (memory accounting). */
    long retainedSizeInBytes();
}

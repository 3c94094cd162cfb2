package io.strata.core.execution.expression;

import static java.util.Objects.requireNonNull;

/**
 * Positions of a page to evaluate: a range {@code [offset, offset + size)} or a list
 * {@code positions[0..size)} in increasing order. Evaluators return dense blocks: position {@code i} of the
 * result is the value at the {@code i}-th selected position.
 */
public final class SelectedPositions
{
    private static final int[] EMPTY = new int[0];

    private final boolean list;
    private final int[] positions;
    private final int offset;
    private final int size;

    private SelectedPositions(boolean list, int[] positions, int offset, int size)
    {
        this.list = list;
        this.positions = requireNonNull(positions, "positions is null");
        this.offset = offset;
        this.size = size;
    }

    public static SelectedPositions positionsRange(int offset, int size)
    {
        if (offset < 0 || size < 0) {
            throw new IllegalArgumentException("bad range: " + offset + ", " + size);
        }
        return new SelectedPositions(false, EMPTY, offset, size);
    }

    /** The first {@code size} entries of {@code positions} (not copied: the caller must not change them). */
    public static SelectedPositions positionsList(int[] positions, int size)
    {
        if (size < 0 || size > positions.length) {
            throw new IllegalArgumentException("bad size: " + size);
        }
        return new SelectedPositions(true, positions, 0, size);
    }

    public boolean isList()
    {
        return list;
    }

    public boolean isEmpty()
    {
        return size == 0;
    }

    public int size()
    {
        return size;
    }

    /** The start of the range; only for a range. */
    public int offset()
    {
        return offset;
    }

    /** The positions; only for a list, and only the first {@link #size()} are selected. */
    public int[] positions()
    {
        return positions;
    }

    /** The page position of the {@code index}-th selected position (slow path). */
    public int position(int index)
    {
        return list ? positions[index] : offset + index;
    }

    /**
     * The page positions of the given indexes of this selection ({@code indexes[0..count)}): a
     * sub-selection, for evaluating a branch over the rows that reach it.
     */
    public SelectedPositions subset(int[] indexes, int count)
    {
        int[] result = new int[count];
        if (list) {
            for (int i = 0; i < count; i++) {
                result[i] = positions[indexes[i]];
            }
        }
        else {
            for (int i = 0; i < count; i++) {
                result[i] = offset + indexes[i];
            }
        }
        return positionsList(result, count);
    }
}

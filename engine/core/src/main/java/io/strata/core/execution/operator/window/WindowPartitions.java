package io.strata.core.execution.operator.window;

import static java.util.Objects.requireNonNull;

/**
 * The partition and peer-group structure of sorted rows {@code [0, n)}: for each row the first and the
 * one-past-last row of its partition and of its peer group (rows equal on partition and order keys).
 */
record WindowPartitions(int[] partitionStart, int[] partitionEnd, int[] peerStart, int[] peerEnd)
{
    WindowPartitions
    {
        requireNonNull(partitionStart, "partitionStart is null");
        requireNonNull(partitionEnd, "partitionEnd is null");
        requireNonNull(peerStart, "peerStart is null");
        requireNonNull(peerEnd, "peerEnd is null");
    }

    int rowCount()
    {
        return partitionStart.length;
    }

    /**
     * From run boundaries: {@code newPartition[i]} and {@code newPeerGroup[i]} say whether row {@code i} starts a
     * partition and a peer group (a new partition always starts a new peer group).
     */
    static WindowPartitions fromBoundaries(boolean[] newPartition, boolean[] newPeerGroup)
    {
        int n = newPartition.length;
        int[] partitionStart = new int[n];
        int[] partitionEnd = new int[n];
        int[] peerStart = new int[n];
        int[] peerEnd = new int[n];
        fill(newPartition, partitionStart, partitionEnd);
        fill(newPeerGroup, peerStart, peerEnd);
        return new WindowPartitions(partitionStart, partitionEnd, peerStart, peerEnd);
    }

    private static void fill(boolean[] newRun, int[] start, int[] end)
    {
        int n = newRun.length;
        int runStart = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && newRun[i]) {
                runStart = i;
            }
            start[i] = runStart;
        }
        int runEnd = n;
        for (int i = n - 1; i >= 0; i--) {
            end[i] = runEnd;
            if (newRun[i]) {
                runEnd = i;
            }
        }
    }
}

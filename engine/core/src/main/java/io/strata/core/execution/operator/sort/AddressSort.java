package io.strata.core.execution.operator.sort;

/**
 * A stable merge sort of row addresses (primitive longs, no boxing): equal rows keep their order.
 */
public final class AddressSort
{
    private static final int INSERTION_SORT_THRESHOLD = 16;

    private AddressSort() {}

    public static void sort(long[] addresses, RowComparator comparator)
    {
        long[] buffer = addresses.clone();
        mergeSort(buffer, addresses, 0, addresses.length, comparator);
    }

    /** Sorts {@code source[from, to)} into {@code target[from, to)}; both start with the same contents. */
    private static void mergeSort(long[] source, long[] target, int from, int to, RowComparator comparator)
    {
        int length = to - from;
        if (length <= INSERTION_SORT_THRESHOLD) {
            for (int i = from + 1; i < to; i++) {
                long value = target[i];
                int j = i - 1;
                while (j >= from && comparator.compare(target[j], value) > 0) {
                    target[j + 1] = target[j];
                    j--;
                }
                target[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(target, source, from, middle, comparator);
        mergeSort(target, source, middle, to, comparator);
        if (comparator.compare(source[middle - 1], source[middle]) <= 0) {
            System.arraycopy(source, from, target, from, length);
            return;
        }
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || (left < middle && comparator.compare(source[left], source[right]) <= 0)) {
                target[i] = source[left++];
            }
            else {
                target[i] = source[right++];
            }
        }
    }
}

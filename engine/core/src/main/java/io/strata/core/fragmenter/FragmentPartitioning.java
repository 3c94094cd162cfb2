package io.strata.core.fragmenter;

/**
 * How a fragment's work is spread over tasks.
 */
public enum FragmentPartitioning
{
    /** One task sees all rows (the root of a query, a final aggregation or sort over a gathering exchange). */
    SINGLE,
    /** Tasks are driven by the splits of the fragment's table scans: any number of tasks, each some splits. */
    SOURCE,
    /** One task on the coordinator, fed the splits of tables whose rows only the coordinator holds (memory, system tables). */
    COORDINATOR_ONLY,
    /** A fixed number of tasks, each reading the rows whose partition keys hash to it from a repartitioning exchange. */
    HASH,
}

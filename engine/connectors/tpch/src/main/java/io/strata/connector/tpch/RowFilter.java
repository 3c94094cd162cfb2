package io.strata.connector.tpch;

import io.trino.tpch.TpchEntity;

/**
 * One column's pushed-down domain, compiled for a batch of generated rows.
 */
@FunctionalInterface
interface RowFilter<E extends TpchEntity>
{
    /**
     * Keeps, in order at the front of {@code positions}, those of the first {@code count} positions (indexes
     * into {@code rows}) whose row passes.
     *
     * @return how many positions were kept
     */
    int apply(E[] rows, int[] positions, int count);
}

/**
 * Sorting: a {@link io.strata.core.execution.operator.sort.PagesIndex} keeps input pages and addresses rows as
 * {@code (page, position)} longs; a {@link io.strata.core.execution.operator.sort.RowComparator} compares two
 * addresses on the sort channels through per-layout key columns over the pages' raw arrays. ORDER BY sorts
 * all addresses with a stable merge sort; top-N keeps the best {@code n} addresses in a bounded heap and
 * compacts the pages it retains.
 * <p>
 * Takes pages; hands on pages in order once its input is finished.
 */
package io.strata.core.execution.operator.sort;

/**
 * Benchmarks run by hand, never in CI: TPC-H queries on Strata beside DuckDB loaded with the same generated
 * rows, in the same run, reported as medians and ratios.
 */
package io.strata.bench;

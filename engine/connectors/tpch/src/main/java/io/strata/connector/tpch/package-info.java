/**
 * The TPC-H connector: catalog {@code connector.name=tpch} serves the eight TPC-H tables in schemas
 * {@code tiny} (scale factor 0.01) and {@code sfN} (scale factor N), generated on the fly by the
 * {@code io.trino.tpch} data generator, deterministically, so that every split of a table can be produced on
 * any node. It takes in table handles (narrowed by pushed-down {@link io.strata.spi.connector.TupleDomain}
 * filters), splits (one generator part each) and the requested columns, and hands on pages of only those
 * columns, holding only the rows that pass the pushed-down filter. Column names and types follow Trino's
 * tpch connector with standard naming and decimal mapping: keys {@code bigint}, money {@code decimal(12,2)},
 * dates {@code date}, text {@code varchar(n)} at the TPC-H widths.
 */
package io.strata.connector.tpch;

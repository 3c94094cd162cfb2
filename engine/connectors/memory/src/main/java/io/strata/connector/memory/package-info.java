/**
 * The memory connector: catalog {@code connector.name=memory} keeps tables in this process's heap as the
 * columnar pages INSERT and CREATE TABLE AS wrote (no row objects). It takes in DDL through its metadata and
 * rows through page sinks, and hands on splits over ranges of a table's stored pages, so that several drivers
 * scan one table in parallel. An insert becomes visible atomically when it finishes; readers see the pages
 * that were committed when their query asked for splits. All data together stays under
 * {@code memory.max-data-per-node}.
 */
package io.strata.connector.memory;

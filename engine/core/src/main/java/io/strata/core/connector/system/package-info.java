/**
 * The system connector: catalog {@code system} with {@code system.jdbc.*} (the tables the Presto and Trino
 * JDBC drivers' {@code DatabaseMetaData} read) and {@code system.runtime.queries}, {@code nodes} and {@code tasks}, and {@code information_schema}
 * in every catalog. It takes in table handles narrowed by pushed-down filters on catalog, schema and table name
 * columns, and hands on pages of metadata rows built from {@link io.strata.core.metadata.CatalogManager}'s
 * catalogs, listing only the catalogs, schemas and tables those filters let through.
 */
package io.strata.core.connector.system;

/**
 * Catalogs and what the engine knows of them: the connectors behind catalog names
 * ({@link io.strata.core.metadata.CatalogManager}), table and column resolution with the session's defaults
 * ({@link io.strata.core.metadata.Metadata}), the functions and operators with Presto's typing and coercions
 * ({@link io.strata.core.metadata.FunctionResolver}, {@link io.strata.core.metadata.TypeCoercion}), and the
 * session properties ({@link io.strata.core.metadata.SessionPropertyManager}).
 */
package io.strata.core.metadata;

/**
 * The analyzer: takes a parsed statement and the session, resolves every name (catalogs, tables, columns,
 * functions) and type, checks the statement's semantics, and hands on an immutable, bound
 * {@link io.strata.core.analyzer.Analysis} in which no AST node remains: expressions are IR
 * ({@code io.strata.core.expression}) over the fields of the relation they read, each reference an
 * {@link io.strata.core.expression.InputReference} to a field's position.
 */
package io.strata.core.analyzer;

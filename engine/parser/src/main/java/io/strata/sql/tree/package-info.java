/**
 * The syntax tree of a statement: what the parser hands on to the analyzer.
 * <p>
 * Nodes are records in closed hierarchies: {@link io.strata.sql.tree.Statement},
 * {@link io.strata.sql.tree.Relation} (with {@link io.strata.sql.tree.QueryBody}),
 * {@link io.strata.sql.tree.Expression} (with {@link io.strata.sql.tree.Literal}),
 * {@link io.strata.sql.tree.SelectItem}, {@link io.strata.sql.tree.GroupingElement},
 * {@link io.strata.sql.tree.JoinCriteria} and clause nodes such as {@link io.strata.sql.tree.Select}. Walk
 * them with an {@link io.strata.sql.tree.AstVisitor} (Java 17 has no pattern {@code switch}) or with
 * {@link io.strata.sql.tree.DefaultTraversalVisitor}. Every node knows where it was written
 * ({@link io.strata.sql.tree.Node#location()}) for error messages, and equality ignores that location.
 * The tree is syntax only: names are not resolved, types not checked, literals not converted.
 */
package io.strata.sql.tree;

/**
 * AST back to SQL text: {@link io.strata.sql.formatter.SqlFormatter} writes a statement, expression or
 * type so that parsing the text again gives an equal tree. EXPLAIN, views and prepared statements use it.
 */
package io.strata.sql.formatter;

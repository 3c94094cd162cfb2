/**
 * The parser: SQL text in, AST ({@code io.strata.sql.tree}) out.
 * <p>
 * {@link io.strata.sql.parser.SqlParser} is the entry point. The grammar ({@code SqlBase.g4}) is compiled by
 * ANTLR into {@code SqlBaseLexer} and {@code SqlBaseParser} in this package; {@code AstBuilder} turns
 * their parse tree into the AST and {@code ErrorHandler} turns ANTLR's errors into Presto-style messages.
 * Errors are {@link io.strata.spi.StrataException}s with {@code SYNTAX_ERROR} and a line and column.
 */
package io.strata.sql.parser;

/**
 * The {@code sql} command: takes SQL text (from {@code --execute}, {@code --file}, standard input or the
 * interactive JLine prompt), splits it into statements, runs each through the statement client of
 * {@code jdbc-driver/client}, keeps the session changes a statement returns ({@code USE}, {@code SET
 * SESSION}) for the next one, and hands rows to an {@link io.strata.launcher.cli.OutputPrinter} in the
 * chosen {@link io.strata.launcher.cli.OutputFormat}.
 */
package io.strata.launcher.cli;

/**
 * The one entry point of every Strata process: {@link io.strata.launcher.Main} takes the command line
 * ({@code server}, {@code sql}, {@code cluster}, {@code demo}) and hands it to the sub-package that does the
 * work: {@code config} turns a Presto-style {@code etc/} directory into the server's configuration,
 * {@code cli} runs SQL through the statement client, {@code cluster} starts and stops local multi-process
 * clusters. The small {@link io.strata.launcher.CommandLine} parser is shared by all of them.
 */
package io.strata.launcher;

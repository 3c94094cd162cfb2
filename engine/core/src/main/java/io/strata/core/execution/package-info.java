/**
 * Running plans: tasks over plan fragments, drivers moving pages between operators, output buffers, and
 * the {@link io.strata.core.execution.QueryEngine} the server drives.
 */
package io.strata.core.execution;

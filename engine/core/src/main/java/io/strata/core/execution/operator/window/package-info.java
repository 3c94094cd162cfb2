/**
 * The window operator: takes every row of its input, sorts it once by partition and order keys, and hands on
 * the rows with one appended column per window function, each computed over whole partitions with arrays.
 */
package io.strata.core.execution.operator.window;

/**
 * Columnar blocks and pages. Blocks are immutable, flat and start at position 0, so kernels read their
 * primitive arrays directly; builders create them. A page is a row of blocks with one position count.
 */
package io.strata.spi.block;

/**
 * The engine: statement text in, pages out. Stages in order: {@code parser} (module strata-parser) →
 * {@code analyzer} → {@code planner} → {@code optimizer} → {@code fragmenter} → {@code execution};
 * {@code metadata} resolves catalogs, tables and functions; {@code session} carries what the client sent.
 */
package io.strata.core;

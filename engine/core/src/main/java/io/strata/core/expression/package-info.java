/**
 * Bound, typed expressions (the IR): what the analyzer produces from AST expressions and what execution
 * compiles into block-at-a-time kernels. Every function and operator is resolved; every coercion is an
 * explicit {@link io.strata.core.expression.SpecialForm.Form#CAST}.
 */
package io.strata.core.expression;

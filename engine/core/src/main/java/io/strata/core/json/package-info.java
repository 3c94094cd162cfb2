/**
 * JSON for what a coordinator sends a worker: plan fragments, row expressions, types, connector handles, splits and
 * sessions, all defined in {@link io.strata.core.json.PlanJson}.
 */
package io.strata.core.json;

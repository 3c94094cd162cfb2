/**
 * Keeping track of a coordinator's queries for their clients: {@link io.strata.server.query.QueryIdGenerator}
 * names them ({@code YYYYMMDD_HHMMSS_NNNNN_<coordinatorId>}) and {@link io.strata.server.query.QueryTracker}
 * holds them by id, fails those whose client went away ({@code ABANDONED_QUERY}) and forgets finished ones
 * after a while. It takes in {@link io.strata.server.query.TrackedQuery} objects from the protocol layer and
 * knows nothing of HTTP.
 */
package io.strata.server.query;

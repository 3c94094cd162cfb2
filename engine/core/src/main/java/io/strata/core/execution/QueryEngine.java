package io.strata.core.execution;

import io.strata.core.session.Session;

/**
 * The engine's entry point for the server: turns a statement into a {@link QueryExecution}.
 */
public interface QueryEngine
{
    /** Creates a query in state {@code QUEUED}; nothing runs until {@link QueryExecution#start()}. */
    QueryExecution createQuery(Session session, String sql);
}

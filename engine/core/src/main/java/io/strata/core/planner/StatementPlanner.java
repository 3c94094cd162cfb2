package io.strata.core.planner;

import io.strata.core.session.Session;

/**
 * The front end of the engine: parses, analyzes, plans and optimizes one statement.
 */
public interface StatementPlanner
{
    /**
     * @throws io.strata.spi.StrataException for every user error (syntax with line and column, unknown
     * table, type mismatch, ...)
     */
    PlannedStatement plan(Session session, String sql);
}

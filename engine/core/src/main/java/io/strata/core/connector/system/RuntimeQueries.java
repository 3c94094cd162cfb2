package io.strata.core.connector.system;

import io.strata.core.execution.scheduler.QueryScheduler;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The queries a coordinator knows of, for {@code system.runtime.queries}, and their tasks, for
 * {@code system.runtime.tasks}; the server implements it over its query tracking. Thread-safe.
 */
@FunctionalInterface
public interface RuntimeQueries
{
    RuntimeQueries NONE = List::of;

    List<QueryInfo> queries();

    /** The tasks of the same queries as their schedulers last saw them; none by default. */
    default List<QueryScheduler.TaskSnapshot> tasks()
    {
        return List.of();
    }

    /**
     * One query as {@code system.runtime.queries} shows it.
     *
     * @param state the protocol's state name ({@code QUEUED}, {@code RUNNING}, {@code FINISHED}, {@code FAILED}, ...)
     * @param errorCode the error's name when the query failed
     */
    record QueryInfo(
            String queryId,
            String state,
            String user,
            Optional<String> source,
            String query,
            Instant created,
            Optional<Instant> started,
            Optional<Instant> end,
            Optional<String> errorType,
            Optional<String> errorCode)
    {
        public QueryInfo
        {
            requireNonNull(queryId, "queryId is null");
            requireNonNull(state, "state is null");
            requireNonNull(user, "user is null");
            requireNonNull(source, "source is null");
            requireNonNull(query, "query is null");
            requireNonNull(created, "created is null");
            requireNonNull(started, "started is null");
            requireNonNull(end, "end is null");
            requireNonNull(errorType, "errorType is null");
            requireNonNull(errorCode, "errorCode is null");
        }
    }
}

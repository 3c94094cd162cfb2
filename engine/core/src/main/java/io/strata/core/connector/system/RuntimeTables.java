package io.strata.core.connector.system;

import io.strata.spi.connector.SchemaTableName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static io.strata.core.connector.system.JdbcTables.row;
import static io.strata.core.connector.system.JdbcTables.utf8;
import static io.strata.core.connector.system.JdbcTables.varchars;

/**
 * {@code system.runtime.queries}: the queries the coordinator tracks. Times are ISO-8601 instants in text
 * until the engine has a timestamp with time zone type.
 */
final class RuntimeTables
{
    static final String SCHEMA = "runtime";

    private RuntimeTables() {}

    static List<SystemTable> create(Supplier<RuntimeQueries> queries)
    {
        return List.of(new ComputedTable(new SchemaTableName(SCHEMA, "queries"),
                varchars("query_id", "state", "user", "source", "query", "created", "started", "end", "error_type", "error_code"),
                (session, filter) -> {
                    List<RuntimeQueries.QueryInfo> infos = new ArrayList<>(queries.get().queries());
                    infos.sort(Comparator.comparing(RuntimeQueries.QueryInfo::created).thenComparing(RuntimeQueries.QueryInfo::queryId));
                    List<List<Object>> rows = new ArrayList<>();
                    for (RuntimeQueries.QueryInfo info : infos) {
                        if (!filter.allows("query_id", info.queryId())) {
                            continue;
                        }
                        rows.add(row(
                                utf8(info.queryId()),
                                utf8(info.state()),
                                utf8(info.user()),
                                info.source().map(JdbcTables::utf8).orElse(null),
                                utf8(info.query()),
                                utf8(info.created().toString()),
                                text(info.started()),
                                text(info.end()),
                                info.errorType().map(JdbcTables::utf8).orElse(null),
                                info.errorCode().map(JdbcTables::utf8).orElse(null)));
                    }
                    return rows;
                }));
    }

    private static Object text(Optional<Instant> instant)
    {
        return instant.map(value -> (Object) utf8(value.toString())).orElse(null);
    }
}

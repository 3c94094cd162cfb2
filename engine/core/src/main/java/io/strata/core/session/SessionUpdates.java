package io.strata.core.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a statement changes in the client's session; the server renders each as a response header
 * ({@code X-Presto-Set-Catalog}, {@code -Set-Session}, {@code -Added-Prepare}, ...).
 *
 * @param setProperties properties to set, keyed by their full name ({@code name} or {@code catalog.name})
 * @param resetProperties full names of properties to clear
 */
public record SessionUpdates(
        Optional<String> setCatalog,
        Optional<String> setSchema,
        Map<String, String> setProperties,
        List<String> resetProperties,
        Map<String, String> addedPreparedStatements,
        List<String> deallocatedPreparedStatements,
        Optional<String> startedTransactionId,
        boolean clearTransactionId)
{
    public static final SessionUpdates NONE = new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(), List.of(), Map.of(), List.of(), Optional.empty(), false);

    public SessionUpdates
    {
        requireNonNull(setCatalog, "setCatalog is null");
        requireNonNull(setSchema, "setSchema is null");
        setProperties = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(setProperties, "setProperties is null")));
        resetProperties = List.copyOf(requireNonNull(resetProperties, "resetProperties is null"));
        addedPreparedStatements = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(addedPreparedStatements, "addedPreparedStatements is null")));
        deallocatedPreparedStatements = List.copyOf(requireNonNull(deallocatedPreparedStatements, "deallocatedPreparedStatements is null"));
        requireNonNull(startedTransactionId, "startedTransactionId is null");
    }
}

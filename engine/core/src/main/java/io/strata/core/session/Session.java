package io.strata.core.session;

import io.strata.spi.connector.ConnectorSession;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One statement's session: who runs it, where, and with which settings. Built by the server from request
 * headers; never changed by the statement (changes go out as {@link SessionUpdates}).
 *
 * @param systemProperties {@code SET SESSION name = value} properties without a catalog, in order
 * @param catalogProperties per catalog, {@code SET SESSION catalog.name = value} properties
 * @param preparedStatements name to SQL text, as the client holds them
 */
public record Session(
        String queryId,
        String user,
        Optional<String> source,
        Optional<String> catalog,
        Optional<String> schema,
        ZoneId timeZone,
        Optional<String> language,
        List<String> clientTags,
        Optional<String> clientInfo,
        Optional<String> traceToken,
        Map<String, String> systemProperties,
        Map<String, Map<String, String>> catalogProperties,
        Map<String, String> preparedStatements,
        Optional<String> transactionId,
        Instant start)
{
    public Session
    {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(user, "user is null");
        requireNonNull(source, "source is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(timeZone, "timeZone is null");
        requireNonNull(language, "language is null");
        clientTags = List.copyOf(requireNonNull(clientTags, "clientTags is null"));
        requireNonNull(clientInfo, "clientInfo is null");
        requireNonNull(traceToken, "traceToken is null");
        systemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(systemProperties, "systemProperties is null")));
        Map<String, Map<String, String>> catalogCopy = new LinkedHashMap<>();
        requireNonNull(catalogProperties, "catalogProperties is null")
                .forEach((catalogName, properties) -> catalogCopy.put(catalogName, Collections.unmodifiableMap(new LinkedHashMap<>(properties))));
        catalogProperties = Collections.unmodifiableMap(catalogCopy);
        preparedStatements = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(preparedStatements, "preparedStatements is null")));
        requireNonNull(transactionId, "transactionId is null");
        requireNonNull(start, "start is null");
    }

    /** A session for tests and internal statements: the given user, catalog and schema, UTC, nothing else. */
    public static Session simple(String queryId, String user, Optional<String> catalog, Optional<String> schema)
    {
        return new Session(queryId, user, Optional.empty(), catalog, schema, ZoneId.of("UTC"), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Map.of(), Map.of(), Map.of(), Optional.empty(), Instant.now());
    }

    public ConnectorSession toConnectorSession()
    {
        return new ConnectorSession(queryId, user, timeZone, start);
    }
}

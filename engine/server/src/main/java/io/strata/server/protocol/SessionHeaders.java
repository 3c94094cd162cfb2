package io.strata.server.protocol;

import io.strata.core.session.Session;
import io.strata.core.session.SessionUpdates;
import io.strata.protocol.Dialect;
import io.strata.protocol.ProtocolHeaders;
import io.strata.server.http.HttpException;
import io.strata.server.http.RequestHeaders;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Locale.ENGLISH;

/**
 * The client's session as it travels in request headers, and the changes a statement made to it as
 * response headers, both spelled in the request's {@link Dialect} (client-protocol.md §1.7). The server
 * keeps no session between statements: the client sends all of it with every statement.
 * <p>
 * Request headers read: {@code User} (else Trino's {@code Original-User}), {@code Source}, {@code Catalog},
 * {@code Schema}, {@code Time-Zone} (UTC when absent), {@code Language}, {@code Client-Tags},
 * {@code Client-Info}, {@code Trace-Token}, {@code Session} ({@code name=urlEncoded(value)}, one header per
 * property or comma-separated; {@code catalog.name} for catalog properties), {@code Prepared-Statement}
 * ({@code urlEncoded(name)=urlEncoded(sql)}, likewise) and {@code Transaction-Id} ({@code NONE} = none).
 * Anything malformed is a 400 naming the header.
 */
public final class SessionHeaders
{
    private SessionHeaders() {}

    /**
     * The session of a new statement from its request headers.
     *
     * @throws HttpException 400 for a missing user or a malformed header
     */
    public static Session parseSession(RequestHeaders headers, Dialect dialect, String queryId, Instant start)
    {
        ProtocolHeaders names = dialect.headers();
        String user = nonBlank(headers, names.requestUser())
                .or(() -> nonBlank(headers, names.requestOriginalUser()))
                .orElseThrow(() -> HttpException.badRequest("User must be set (header " + names.requestUser() + ")"));
        Optional<String> catalog = nonBlank(headers, names.requestCatalog());
        Optional<String> schema = nonBlank(headers, names.requestSchema());
        if (schema.isPresent() && catalog.isEmpty()) {
            throw HttpException.badRequest("Schema is set but catalog is not (header " + names.requestSchema() + " without " + names.requestCatalog() + ")");
        }

        Map<String, String> systemProperties = new LinkedHashMap<>();
        Map<String, Map<String, String>> catalogProperties = new LinkedHashMap<>();
        for (Map.Entry<String, String> property : parseNameValueList(headers, names.requestSession(), false).entrySet()) {
            String name = property.getKey();
            int dot = name.indexOf('.');
            if (dot < 0) {
                systemProperties.put(name, property.getValue());
                continue;
            }
            if (dot == 0 || dot == name.length() - 1) {
                throw HttpException.badRequest("Invalid " + names.requestSession() + " header: bad property name '" + name + "'");
            }
            catalogProperties.computeIfAbsent(name.substring(0, dot), ignored -> new LinkedHashMap<>())
                    .put(name.substring(dot + 1), property.getValue());
        }

        return new Session(
                queryId,
                user,
                nonBlank(headers, names.requestSource()),
                catalog,
                schema,
                parseTimeZone(headers, names.requestTimeZone()),
                nonBlank(headers, names.requestLanguage()),
                parseClientTags(headers, names.requestClientTags()),
                nonBlank(headers, names.requestClientInfo()),
                nonBlank(headers, names.requestTraceToken()),
                systemProperties,
                catalogProperties,
                parseNameValueList(headers, names.requestPreparedStatement(), true),
                parseTransactionId(headers, names.requestTransactionId()),
                start);
    }

    /** The response headers announcing {@code updates}, in a fixed order. */
    public static List<Map.Entry<String, String>> responseHeaders(SessionUpdates updates, Dialect dialect)
    {
        ProtocolHeaders names = dialect.headers();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        updates.setCatalog().ifPresent(catalog -> headers.add(Map.entry(names.responseSetCatalog(), catalog)));
        updates.setSchema().ifPresent(schema -> headers.add(Map.entry(names.responseSetSchema(), schema)));
        updates.setProperties().forEach((name, value) -> headers.add(Map.entry(names.responseSetSession(), name + "=" + urlEncode(value))));
        updates.resetProperties().forEach(name -> headers.add(Map.entry(names.responseClearSession(), name)));
        updates.addedPreparedStatements().forEach((name, sql) -> headers.add(Map.entry(names.responseAddedPrepare(), urlEncode(name) + "=" + urlEncode(sql))));
        updates.deallocatedPreparedStatements().forEach(name -> headers.add(Map.entry(names.responseDeallocatedPrepare(), urlEncode(name))));
        updates.startedTransactionId().ifPresent(id -> headers.add(Map.entry(names.responseStartedTransactionId(), id)));
        if (updates.clearTransactionId()) {
            headers.add(Map.entry(names.responseClearTransactionId(), "true"));
        }
        return headers;
    }

    private static Optional<String> nonBlank(RequestHeaders headers, String name)
    {
        return headers.get(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static ZoneId parseTimeZone(RequestHeaders headers, String name)
    {
        Optional<String> value = nonBlank(headers, name);
        if (value.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(value.get());
        }
        catch (DateTimeException e) {
            throw HttpException.badRequest("Invalid " + name + " header: unknown time zone '" + value.get() + "'");
        }
    }

    private static List<String> parseClientTags(RequestHeaders headers, String name)
    {
        List<String> tags = new ArrayList<>();
        for (String value : headers.getAll(name)) {
            for (String tag : value.split(",", -1)) {
                String stripped = tag.strip();
                if (!stripped.isEmpty() && !tags.contains(stripped)) {
                    tags.add(stripped);
                }
            }
        }
        return tags;
    }

    private static Optional<String> parseTransactionId(RequestHeaders headers, String name)
    {
        return nonBlank(headers, name).filter(value -> !value.toUpperCase(ENGLISH).equals("NONE"));
    }

    /**
     * {@code name=urlEncoded(value)} entries, from every header of that name, each a comma-separated list
     * (a comma inside a name or value is URL-encoded); a later entry of the same name wins.
     */
    private static Map<String, String> parseNameValueList(RequestHeaders headers, String headerName, boolean encodedNames)
    {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String value : headers.getAll(headerName)) {
            for (String entry : value.split(",", -1)) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.indexOf('=');
                if (equals < 0) {
                    throw HttpException.badRequest("Invalid " + headerName + " header: '" + entry.strip() + "' is not name=value");
                }
                String name = entry.substring(0, equals).strip();
                if (encodedNames) {
                    name = urlDecode(headerName, name);
                }
                if (name.isEmpty()) {
                    throw HttpException.badRequest("Invalid " + headerName + " header: empty name in '" + entry.strip() + "'");
                }
                entries.put(name, urlDecode(headerName, entry.substring(equals + 1).strip()));
            }
        }
        return entries;
    }

    private static String urlDecode(String headerName, String value)
    {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            throw HttpException.badRequest("Invalid " + headerName + " header: bad URL encoding in '" + value + "'");
        }
    }

    private static String urlEncode(String value)
    {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

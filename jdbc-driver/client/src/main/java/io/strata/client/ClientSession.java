package io.strata.client;

import io.strata.protocol.Dialect;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Everything a statement carries to the coordinator besides its text: the server, the user, the current
 * catalog and schema, session properties, prepared statements, the open transaction. The server keeps no
 * session between statements; it announces changes in response headers, which
 * {@link #withUpdates(SessionUpdates)} folds into the session for the next statement.
 * <p>
 * Values sent as plain header values (user, source, catalog, schema, client info, trace token, tags) must be
 * printable ASCII; session property values and prepared statements are URL-encoded on the wire and may hold
 * anything. Session properties and prepared statements keep their insertion order.
 */
public final class ClientSession
{
    public static final String DEFAULT_SOURCE = "strata-client";
    /** How long one request, including its retries, may take before the client gives up. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final URI server;
    private final String user;
    private final String source;
    private final Optional<String> catalog;
    private final Optional<String> schema;
    private final ZoneId timeZone;
    private final Locale locale;
    private final Set<String> clientTags;
    private final Optional<String> clientInfo;
    private final Optional<String> traceToken;
    private final Map<String, String> properties;
    private final Map<String, String> preparedStatements;
    private final Optional<String> transactionId;
    private final Dialect dialect;
    private final Duration requestTimeout;

    private ClientSession(Builder builder)
    {
        this.server = requireNonNull(builder.server, "server is null");
        this.user = requireNonNull(builder.user, "user is null");
        this.source = requireNonNull(builder.source, "source is null");
        this.catalog = requireNonNull(builder.catalog, "catalog is null");
        this.schema = requireNonNull(builder.schema, "schema is null");
        this.timeZone = requireNonNull(builder.timeZone, "timeZone is null");
        this.locale = requireNonNull(builder.locale, "locale is null");
        this.clientTags = Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(builder.clientTags, "clientTags is null")));
        this.clientInfo = requireNonNull(builder.clientInfo, "clientInfo is null");
        this.traceToken = requireNonNull(builder.traceToken, "traceToken is null");
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(builder.properties, "properties is null")));
        this.preparedStatements = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(builder.preparedStatements, "preparedStatements is null")));
        this.transactionId = requireNonNull(builder.transactionId, "transactionId is null");
        this.dialect = requireNonNull(builder.dialect, "dialect is null");
        this.requestTimeout = requireNonNull(builder.requestTimeout, "requestTimeout is null");

        String scheme = server.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || server.getHost() == null) {
            throw new IllegalArgumentException("server must be an http or https URI with a host: " + server);
        }
        checkHeaderValue("user", user);
        if (user.isEmpty()) {
            throw new IllegalArgumentException("user is empty");
        }
        checkHeaderValue("source", source);
        catalog.ifPresent(value -> checkHeaderValue("catalog", value));
        schema.ifPresent(value -> checkHeaderValue("schema", value));
        if (schema.isPresent() && catalog.isEmpty()) {
            throw new IllegalArgumentException("schema is set without a catalog");
        }
        clientInfo.ifPresent(value -> checkHeaderValue("clientInfo", value));
        traceToken.ifPresent(value -> checkHeaderValue("traceToken", value));
        transactionId.ifPresent(value -> checkHeaderValue("transactionId", value));
        for (String tag : clientTags) {
            checkHeaderValue("client tag", tag);
            if (tag.isEmpty() || tag.contains(",")) {
                throw new IllegalArgumentException("client tag must be non-empty and contain no comma: '" + tag + "'");
            }
        }
        for (Map.Entry<String, String> property : properties.entrySet()) {
            checkHeaderValue("session property name", property.getKey());
            if (property.getKey().isEmpty() || property.getKey().contains("=")) {
                throw new IllegalArgumentException("session property name must be non-empty and contain no '=': '" + property.getKey() + "'");
            }
            requireNonNull(property.getValue(), "session property value is null");
        }
        for (Map.Entry<String, String> statement : preparedStatements.entrySet()) {
            if (statement.getKey().isEmpty()) {
                throw new IllegalArgumentException("prepared statement name is empty");
            }
            requireNonNull(statement.getValue(), "prepared statement is null");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
    }

    private static void checkHeaderValue(String name, String value)
    {
        requireNonNull(value, name + " is null");
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            if (character < 0x20 || character > 0x7E) {
                throw new IllegalArgumentException(name + " must be printable ASCII: '" + value + "'");
            }
        }
    }

    public static Builder builder(URI server, String user)
    {
        return new Builder(server, user);
    }

    public Builder toBuilder()
    {
        return new Builder(this);
    }

    /**
     * This session with the changes one statement announced: catalog and schema set, session properties set
     * and reset, statements prepared and deallocated, a transaction started or ended. If a statement both
     * ended a transaction and started one, the new one wins.
     */
    public ClientSession withUpdates(SessionUpdates updates)
    {
        requireNonNull(updates, "updates is null");
        if (updates.isEmpty()) {
            return this;
        }
        Builder builder = toBuilder();
        updates.setCatalog().ifPresent(builder::catalog);
        updates.setSchema().ifPresent(builder::schema);

        Map<String, String> newProperties = new LinkedHashMap<>(properties);
        newProperties.keySet().removeAll(updates.resetSessionProperties());
        newProperties.putAll(updates.setSessionProperties());
        builder.properties(newProperties);

        Map<String, String> newPreparedStatements = new LinkedHashMap<>(preparedStatements);
        newPreparedStatements.keySet().removeAll(updates.deallocatedPreparedStatements());
        newPreparedStatements.putAll(updates.addedPreparedStatements());
        builder.preparedStatements(newPreparedStatements);

        if (updates.clearTransactionId()) {
            builder.transactionId(Optional.empty());
        }
        if (updates.startedTransactionId().isPresent()) {
            builder.transactionId(updates.startedTransactionId());
        }
        return builder.build();
    }

    /** The coordinator's base URI, e.g. {@code http://coordinator:8080}; statements go to {@code /v1/statement}. */
    public URI server()
    {
        return server;
    }

    public String user()
    {
        return user;
    }

    public String source()
    {
        return source;
    }

    public Optional<String> catalog()
    {
        return catalog;
    }

    public Optional<String> schema()
    {
        return schema;
    }

    public ZoneId timeZone()
    {
        return timeZone;
    }

    public Locale locale()
    {
        return locale;
    }

    public Set<String> clientTags()
    {
        return clientTags;
    }

    public Optional<String> clientInfo()
    {
        return clientInfo;
    }

    public Optional<String> traceToken()
    {
        return traceToken;
    }

    /** Session properties, name to value, in the order they were set. */
    public Map<String, String> properties()
    {
        return properties;
    }

    /** Prepared statements, name to SQL text, in the order they were prepared. */
    public Map<String, String> preparedStatements()
    {
        return preparedStatements;
    }

    public Optional<String> transactionId()
    {
        return transactionId;
    }

    /** The header spelling used on the wire ({@code X-Presto-} by default). */
    public Dialect dialect()
    {
        return dialect;
    }

    /** How long one request, including its retries, may take. */
    public Duration requestTimeout()
    {
        return requestTimeout;
    }

    @Override
    public String toString()
    {
        return "ClientSession{" + user + "@" + server +
                catalog.map(value -> ", catalog " + value).orElse("") +
                schema.map(value -> ", schema " + value).orElse("") +
                transactionId.map(value -> ", transaction " + value).orElse("") + "}";
    }

    public static final class Builder
    {
        private URI server;
        private String user;
        private String source = DEFAULT_SOURCE;
        private Optional<String> catalog = Optional.empty();
        private Optional<String> schema = Optional.empty();
        private ZoneId timeZone = ZoneId.systemDefault();
        private Locale locale = Locale.getDefault();
        private Set<String> clientTags = new LinkedHashSet<>();
        private Optional<String> clientInfo = Optional.empty();
        private Optional<String> traceToken = Optional.empty();
        private Map<String, String> properties = new LinkedHashMap<>();
        private Map<String, String> preparedStatements = new LinkedHashMap<>();
        private Optional<String> transactionId = Optional.empty();
        private Dialect dialect = Dialect.PRESTO;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private Builder(URI server, String user)
        {
            this.server = requireNonNull(server, "server is null");
            this.user = requireNonNull(user, "user is null");
        }

        private Builder(ClientSession session)
        {
            this.server = session.server;
            this.user = session.user;
            this.source = session.source;
            this.catalog = session.catalog;
            this.schema = session.schema;
            this.timeZone = session.timeZone;
            this.locale = session.locale;
            this.clientTags = new LinkedHashSet<>(session.clientTags);
            this.clientInfo = session.clientInfo;
            this.traceToken = session.traceToken;
            this.properties = new LinkedHashMap<>(session.properties);
            this.preparedStatements = new LinkedHashMap<>(session.preparedStatements);
            this.transactionId = session.transactionId;
            this.dialect = session.dialect;
            this.requestTimeout = session.requestTimeout;
        }

        public Builder server(URI server)
        {
            this.server = requireNonNull(server, "server is null");
            return this;
        }

        public Builder user(String user)
        {
            this.user = requireNonNull(user, "user is null");
            return this;
        }

        public Builder source(String source)
        {
            this.source = requireNonNull(source, "source is null");
            return this;
        }

        public Builder catalog(String catalog)
        {
            return catalog(Optional.of(catalog));
        }

        public Builder catalog(Optional<String> catalog)
        {
            this.catalog = requireNonNull(catalog, "catalog is null");
            return this;
        }

        public Builder schema(String schema)
        {
            return schema(Optional.of(schema));
        }

        public Builder schema(Optional<String> schema)
        {
            this.schema = requireNonNull(schema, "schema is null");
            return this;
        }

        public Builder timeZone(ZoneId timeZone)
        {
            this.timeZone = requireNonNull(timeZone, "timeZone is null");
            return this;
        }

        public Builder locale(Locale locale)
        {
            this.locale = requireNonNull(locale, "locale is null");
            return this;
        }

        public Builder clientTags(Set<String> clientTags)
        {
            this.clientTags = new LinkedHashSet<>(requireNonNull(clientTags, "clientTags is null"));
            return this;
        }

        public Builder clientInfo(Optional<String> clientInfo)
        {
            this.clientInfo = requireNonNull(clientInfo, "clientInfo is null");
            return this;
        }

        public Builder traceToken(Optional<String> traceToken)
        {
            this.traceToken = requireNonNull(traceToken, "traceToken is null");
            return this;
        }

        public Builder properties(Map<String, String> properties)
        {
            this.properties = new LinkedHashMap<>(requireNonNull(properties, "properties is null"));
            return this;
        }

        public Builder property(String name, String value)
        {
            this.properties.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
            return this;
        }

        public Builder preparedStatements(Map<String, String> preparedStatements)
        {
            this.preparedStatements = new LinkedHashMap<>(requireNonNull(preparedStatements, "preparedStatements is null"));
            return this;
        }

        public Builder preparedStatement(String name, String sql)
        {
            this.preparedStatements.put(requireNonNull(name, "name is null"), requireNonNull(sql, "sql is null"));
            return this;
        }

        public Builder transactionId(Optional<String> transactionId)
        {
            this.transactionId = requireNonNull(transactionId, "transactionId is null");
            return this;
        }

        public Builder dialect(Dialect dialect)
        {
            this.dialect = requireNonNull(dialect, "dialect is null");
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout)
        {
            this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
            return this;
        }

        /** The session; throws {@link IllegalArgumentException} if a value cannot be sent, see {@link ClientSession}. */
        public ClientSession build()
        {
            return new ClientSession(this);
        }
    }
}

package io.strata.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The session changes one statement announced in its response headers ({@code X-Presto-Set-Catalog},
 * {@code X-Presto-Added-Prepare}, ...), decoded. Apply them with {@link ClientSession#withUpdates}.
 * Within one statement a later announcement wins: a property set and then reset is only reset.
 */
public final class SessionUpdates
{
    private static final SessionUpdates NONE = builder().build();

    private final Optional<String> setCatalog;
    private final Optional<String> setSchema;
    private final Map<String, String> setSessionProperties;
    private final Set<String> resetSessionProperties;
    private final Map<String, String> addedPreparedStatements;
    private final Set<String> deallocatedPreparedStatements;
    private final Optional<String> startedTransactionId;
    private final boolean clearTransactionId;

    private SessionUpdates(Builder builder)
    {
        this.setCatalog = builder.setCatalog;
        this.setSchema = builder.setSchema;
        this.setSessionProperties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.setSessionProperties));
        this.resetSessionProperties = Collections.unmodifiableSet(new LinkedHashSet<>(builder.resetSessionProperties));
        this.addedPreparedStatements = Collections.unmodifiableMap(new LinkedHashMap<>(builder.addedPreparedStatements));
        this.deallocatedPreparedStatements = Collections.unmodifiableSet(new LinkedHashSet<>(builder.deallocatedPreparedStatements));
        this.startedTransactionId = builder.startedTransactionId;
        this.clearTransactionId = builder.clearTransactionId;
    }

    public static SessionUpdates none()
    {
        return NONE;
    }

    public static Builder builder()
    {
        return new Builder();
    }

    public Builder toBuilder()
    {
        Builder builder = new Builder();
        builder.setCatalog = setCatalog;
        builder.setSchema = setSchema;
        builder.setSessionProperties.putAll(setSessionProperties);
        builder.resetSessionProperties.addAll(resetSessionProperties);
        builder.addedPreparedStatements.putAll(addedPreparedStatements);
        builder.deallocatedPreparedStatements.addAll(deallocatedPreparedStatements);
        builder.startedTransactionId = startedTransactionId;
        builder.clearTransactionId = clearTransactionId;
        return builder;
    }

    public Optional<String> setCatalog()
    {
        return setCatalog;
    }

    public Optional<String> setSchema()
    {
        return setSchema;
    }

    public Map<String, String> setSessionProperties()
    {
        return setSessionProperties;
    }

    public Set<String> resetSessionProperties()
    {
        return resetSessionProperties;
    }

    /** Statements prepared, name to SQL text. */
    public Map<String, String> addedPreparedStatements()
    {
        return addedPreparedStatements;
    }

    public Set<String> deallocatedPreparedStatements()
    {
        return deallocatedPreparedStatements;
    }

    public Optional<String> startedTransactionId()
    {
        return startedTransactionId;
    }

    /** Whether the statement ended the session's transaction (commit, rollback or abort). */
    public boolean clearTransactionId()
    {
        return clearTransactionId;
    }

    public boolean isEmpty()
    {
        return setCatalog.isEmpty() &&
                setSchema.isEmpty() &&
                setSessionProperties.isEmpty() &&
                resetSessionProperties.isEmpty() &&
                addedPreparedStatements.isEmpty() &&
                deallocatedPreparedStatements.isEmpty() &&
                startedTransactionId.isEmpty() &&
                !clearTransactionId;
    }

    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SessionUpdates)) {
            return false;
        }
        SessionUpdates that = (SessionUpdates) other;
        return clearTransactionId == that.clearTransactionId &&
                setCatalog.equals(that.setCatalog) &&
                setSchema.equals(that.setSchema) &&
                setSessionProperties.equals(that.setSessionProperties) &&
                resetSessionProperties.equals(that.resetSessionProperties) &&
                addedPreparedStatements.equals(that.addedPreparedStatements) &&
                deallocatedPreparedStatements.equals(that.deallocatedPreparedStatements) &&
                startedTransactionId.equals(that.startedTransactionId);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(setCatalog, setSchema, setSessionProperties, resetSessionProperties,
                addedPreparedStatements, deallocatedPreparedStatements, startedTransactionId, clearTransactionId);
    }

    @Override
    public String toString()
    {
        StringBuilder text = new StringBuilder("SessionUpdates{");
        setCatalog.ifPresent(value -> text.append(" catalog=").append(value));
        setSchema.ifPresent(value -> text.append(" schema=").append(value));
        if (!setSessionProperties.isEmpty()) {
            text.append(" set=").append(setSessionProperties.keySet());
        }
        if (!resetSessionProperties.isEmpty()) {
            text.append(" reset=").append(resetSessionProperties);
        }
        if (!addedPreparedStatements.isEmpty()) {
            text.append(" prepared=").append(addedPreparedStatements.keySet());
        }
        if (!deallocatedPreparedStatements.isEmpty()) {
            text.append(" deallocated=").append(deallocatedPreparedStatements);
        }
        startedTransactionId.ifPresent(value -> text.append(" startedTransaction=").append(value));
        if (clearTransactionId) {
            text.append(" clearTransaction");
        }
        return text.append(" }").toString();
    }

    /** Collects announcements in the order they arrive; a later one for the same name replaces an earlier one. */
    public static final class Builder
    {
        private Optional<String> setCatalog = Optional.empty();
        private Optional<String> setSchema = Optional.empty();
        private final Map<String, String> setSessionProperties = new LinkedHashMap<>();
        private final Set<String> resetSessionProperties = new LinkedHashSet<>();
        private final Map<String, String> addedPreparedStatements = new LinkedHashMap<>();
        private final Set<String> deallocatedPreparedStatements = new LinkedHashSet<>();
        private Optional<String> startedTransactionId = Optional.empty();
        private boolean clearTransactionId;

        private Builder() {}

        public Builder setCatalog(String catalog)
        {
            this.setCatalog = Optional.of(catalog);
            return this;
        }

        public Builder setSchema(String schema)
        {
            this.setSchema = Optional.of(schema);
            return this;
        }

        public Builder setSessionProperty(String name, String value)
        {
            resetSessionProperties.remove(name);
            setSessionProperties.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
            return this;
        }

        public Builder resetSessionProperty(String name)
        {
            setSessionProperties.remove(name);
            resetSessionProperties.add(requireNonNull(name, "name is null"));
            return this;
        }

        public Builder addPreparedStatement(String name, String sql)
        {
            deallocatedPreparedStatements.remove(name);
            addedPreparedStatements.put(requireNonNull(name, "name is null"), requireNonNull(sql, "sql is null"));
            return this;
        }

        public Builder deallocatePreparedStatement(String name)
        {
            addedPreparedStatements.remove(name);
            deallocatedPreparedStatements.add(requireNonNull(name, "name is null"));
            return this;
        }

        public Builder startedTransactionId(String transactionId)
        {
            this.startedTransactionId = Optional.of(transactionId);
            return this;
        }

        public Builder clearTransactionId()
        {
            this.clearTransactionId = true;
            return this;
        }

        public SessionUpdates build()
        {
            return new SessionUpdates(this);
        }
    }
}

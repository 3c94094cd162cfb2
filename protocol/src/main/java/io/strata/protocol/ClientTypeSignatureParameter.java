package io.strata.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * One argument of a {@link ClientTypeSignature}: a type ({@code array(bigint)}), a row field
 * ({@code row(x bigint)}) or a number ({@code varchar(5)}). On the wire it is {@code {kind, value}}; the
 * kind's name and the shape of a row field depend on the {@link Dialect}:
 * <table>
 * <caption>Kind names</caption>
 * <tr><th>Kind</th><th>Presto</th><th>Trino</th></tr>
 * <tr><td>{@link Kind#TYPE}</td><td>{@code TYPE_SIGNATURE}</td><td>{@code TYPE}</td></tr>
 * <tr><td>{@link Kind#NAMED_TYPE}</td><td>{@code NAMED_TYPE_SIGNATURE}</td><td>{@code NAMED_TYPE}</td></tr>
 * <tr><td>{@link Kind#LONG}</td><td>{@code LONG_LITERAL}</td><td>{@code LONG}</td></tr>
 * </table>
 * Both drivers read both spellings of the kind; they do not read each other's row fields.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "value"})
public final class ClientTypeSignatureParameter
{
    /** What an argument is. Presto's other kinds (VARIABLE, enums, distinct types) never reach clients from Strata. */
    public enum Kind
    {
        TYPE("TYPE_SIGNATURE", "TYPE"),
        NAMED_TYPE("NAMED_TYPE_SIGNATURE", "NAMED_TYPE"),
        LONG("LONG_LITERAL", "LONG");

        private final String prestoName;
        private final String trinoName;

        Kind(String prestoName, String trinoName)
        {
            this.prestoName = prestoName;
            this.trinoName = trinoName;
        }

        /** The kind's name on the wire in one dialect. */
        public String jsonName(Dialect dialect)
        {
            switch (requireNonNull(dialect, "dialect is null")) {
                case PRESTO:
                    return prestoName;
                case TRINO:
                    return trinoName;
            }
            throw new IllegalArgumentException("Unknown dialect: " + dialect);
        }

        /** The kind named {@code jsonName} in either dialect. */
        public static Kind fromJsonName(String jsonName)
        {
            requireNonNull(jsonName, "jsonName is null");
            for (Kind kind : values()) {
                if (kind.prestoName.equals(jsonName) || kind.trinoName.equals(jsonName)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unsupported type signature parameter kind: " + jsonName);
        }

        /** The dialect a kind name is spelled in; the two spellings never coincide. */
        static Dialect dialectOf(String jsonName)
        {
            for (Kind kind : values()) {
                if (kind.trinoName.equals(jsonName)) {
                    return Dialect.TRINO;
                }
            }
            return Dialect.PRESTO;
        }
    }

    private final Kind kind;
    // a ClientTypeSignature, a NamedClientTypeSignature or a Long, as kind says
    private final Object value;
    private final Dialect dialect;

    private ClientTypeSignatureParameter(Kind kind, Object value, Dialect dialect)
    {
        this.kind = requireNonNull(kind, "kind is null");
        this.value = requireNonNull(value, "value is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    /** A type argument, rendering in the dialect of {@code typeSignature}. */
    public static ClientTypeSignatureParameter ofType(ClientTypeSignature typeSignature)
    {
        return new ClientTypeSignatureParameter(Kind.TYPE, typeSignature, typeSignature.dialect());
    }

    /** A row field, rendering in the dialect of its type signature. */
    public static ClientTypeSignatureParameter ofNamedType(NamedClientTypeSignature namedTypeSignature)
    {
        return new ClientTypeSignatureParameter(Kind.NAMED_TYPE, namedTypeSignature, namedTypeSignature.typeSignature().dialect());
    }

    /** A number argument, rendering in {@link Dialect#PRESTO} until its signature says otherwise. */
    public static ClientTypeSignatureParameter ofLong(long value)
    {
        return new ClientTypeSignatureParameter(Kind.LONG, value, Dialect.PRESTO);
    }

    /**
     * Reads a parameter in either dialect. Jackson hands over {@code value} as it decoded it (a map, a string
     * or a number), because its shape depends on {@code kind}.
     */
    @JsonCreator
    public static ClientTypeSignatureParameter fromJson(@JsonProperty("kind") String kindName, @JsonProperty("value") Object value)
    {
        requireNonNull(kindName, "kind is null");
        requireNonNull(value, "value is null");
        Kind kind = Kind.fromJsonName(kindName);
        Dialect dialect = Kind.dialectOf(kindName);
        switch (kind) {
            case TYPE:
                return ofType(ClientTypeSignature.fromJsonObject(asObject(value, kindName)).withDialect(dialect));
            case NAMED_TYPE:
                return ofNamedType(NamedClientTypeSignature.fromJsonObject(asObject(value, kindName)).withDialect(dialect));
            case LONG:
                if (value instanceof Number) {
                    return ofLong(((Number) value).longValue()).withDialect(dialect);
                }
                if (value instanceof String) {
                    return ofLong(Long.parseLong((String) value)).withDialect(dialect);
                }
                throw new IllegalArgumentException("Expected a number as value of a " + kindName + " parameter: " + value);
        }
        throw new IllegalArgumentException("Unsupported type signature parameter kind: " + kindName);
    }

    public Kind kind()
    {
        return kind;
    }

    /** The kind's name on the wire, in this parameter's dialect. */
    @JsonProperty("kind")
    public String kindName()
    {
        return kind.jsonName(dialect);
    }

    /** The value as it is written on the wire: a {@link ClientTypeSignature}, a {@link NamedClientTypeSignature} or a {@link Long}. */
    @JsonProperty("value")
    public Object value()
    {
        return value;
    }

    /** The type of a {@link Kind#TYPE} parameter; throws {@link IllegalStateException} for other kinds. */
    public ClientTypeSignature typeSignature()
    {
        checkKind(Kind.TYPE);
        return (ClientTypeSignature) value;
    }

    /** The field of a {@link Kind#NAMED_TYPE} parameter; throws {@link IllegalStateException} for other kinds. */
    public NamedClientTypeSignature namedTypeSignature()
    {
        checkKind(Kind.NAMED_TYPE);
        return (NamedClientTypeSignature) value;
    }

    /** The number of a {@link Kind#LONG} parameter; throws {@link IllegalStateException} for other kinds. */
    public long longValue()
    {
        checkKind(Kind.LONG);
        return (Long) value;
    }

    /** The dialect this parameter is written in. */
    public Dialect dialect()
    {
        return dialect;
    }

    /** This parameter, written in {@code dialect} (its kind and nested signatures alike). */
    public ClientTypeSignatureParameter withDialect(Dialect dialect)
    {
        requireNonNull(dialect, "dialect is null");
        if (dialect == this.dialect) {
            return this;
        }
        switch (kind) {
            case TYPE:
                return ofType(((ClientTypeSignature) value).withDialect(dialect));
            case NAMED_TYPE:
                return ofNamedType(((NamedClientTypeSignature) value).withDialect(dialect));
            case LONG:
                return new ClientTypeSignatureParameter(kind, value, dialect);
        }
        throw new IllegalStateException("Unknown kind: " + kind);
    }

    private void checkKind(Kind expected)
    {
        if (kind != expected) {
            throw new IllegalStateException("Parameter kind is " + kind + ", not " + expected);
        }
    }

    private static Map<?, ?> asObject(Object value, String kindName)
    {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("Expected an object as value of a " + kindName + " parameter: " + value);
        }
        return (Map<?, ?>) value;
    }

    /** Equality ignores the dialect, which only changes how the parameter is written. */
    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ClientTypeSignatureParameter)) {
            return false;
        }
        ClientTypeSignatureParameter that = (ClientTypeSignatureParameter) other;
        return kind == that.kind && value.equals(that.value);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(kind, value);
    }

    /** The argument as it appears in a type string: {@code bigint}, {@code x bigint}, {@code 5}. */
    @Override
    public String toString()
    {
        return value.toString();
    }
}

package io.strata.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * A result column: {@code {name, type, typeSignature}}. presto-jdbc decodes values by the {@code type}
 * string; trino-jdbc by the {@code typeSignature}; both must therefore describe the same type.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "type", "typeSignature"})
public final class Column
{
    private final String name;
    private final String type;
    private final ClientTypeSignature typeSignature;

    public Column(String name, String type, ClientTypeSignature typeSignature)
    {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.typeSignature = requireNonNull(typeSignature, "typeSignature is null");
    }

    /** A column whose signature is parsed from {@code type} and renders in {@code dialect}. */
    public static Column of(String name, String type, Dialect dialect)
    {
        return new Column(name, type, ClientTypeSignature.parse(type).withDialect(dialect));
    }

    /** Reads a column; one from a server that sends no {@code typeSignature} gets it parsed from {@code type}. */
    @JsonCreator
    public static Column fromJson(
            @JsonProperty("name") String name,
            @JsonProperty("type") String type,
            @JsonProperty("typeSignature") ClientTypeSignature typeSignature)
    {
        requireNonNull(type, "type is null");
        return new Column(name, type, typeSignature == null ? ClientTypeSignature.parse(type) : typeSignature);
    }

    @JsonProperty("name")
    public String name()
    {
        return name;
    }

    @JsonProperty("type")
    public String type()
    {
        return type;
    }

    @JsonProperty("typeSignature")
    public ClientTypeSignature typeSignature()
    {
        return typeSignature;
    }

    public Column withDialect(Dialect dialect)
    {
        return new Column(name, type, typeSignature.withDialect(dialect));
    }

    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Column)) {
            return false;
        }
        Column that = (Column) other;
        return name.equals(that.name) && type.equals(that.type) && typeSignature.equals(that.typeSignature);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(name, type, typeSignature);
    }

    @Override
    public String toString()
    {
        return name + " " + type;
    }
}

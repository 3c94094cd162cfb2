package io.strata.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A row field in a type signature: an optional name and the field's type. The two dialects disagree on its
 * JSON, and neither driver reads the other's (verified against presto-jdbc 0.296 and trino-jdbc 453/484):
 * <pre>
 * Presto: {"fieldName": {"name": "x", "delimited": false}, "typeSignature": "bigint"}
 * Trino:  {"fieldName": {"name": "x"}, "typeSignature": {"rawType": "bigint", "arguments": []}}
 * </pre>
 * An anonymous field writes {@code "fieldName": null} in both: the drivers' constructors reject a missing
 * one. The dialect is the one of {@link #typeSignature()}.
 */
@JsonPropertyOrder({"fieldName", "typeSignature"})
public final class NamedClientTypeSignature
{
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Optional<String> name;
    private final boolean delimited;
    private final ClientTypeSignature typeSignature;

    /**
     * @param delimited whether the name was a quoted identifier; Presto then quotes it in type strings
     */
    public NamedClientTypeSignature(Optional<String> name, boolean delimited, ClientTypeSignature typeSignature)
    {
        this.name = requireNonNull(name, "name is null");
        this.delimited = delimited;
        this.typeSignature = requireNonNull(typeSignature, "typeSignature is null");
        if (name.isEmpty() && delimited) {
            throw new IllegalArgumentException("An anonymous field cannot be delimited");
        }
    }

    public static NamedClientTypeSignature named(String name, ClientTypeSignature typeSignature)
    {
        return new NamedClientTypeSignature(Optional.of(name), false, typeSignature);
    }

    public static NamedClientTypeSignature anonymous(ClientTypeSignature typeSignature)
    {
        return new NamedClientTypeSignature(Optional.empty(), false, typeSignature);
    }

    /** Reads either dialect's JSON, as Jackson decoded it into maps; a string {@code typeSignature} is parsed. */
    static NamedClientTypeSignature fromJsonObject(Map<?, ?> json)
    {
        Object fieldName = json.get("fieldName");
        Optional<String> name = Optional.empty();
        boolean delimited = false;
        if (fieldName instanceof Map) {
            Map<?, ?> fieldNameObject = (Map<?, ?>) fieldName;
            Object nameValue = fieldNameObject.get("name");
            if (!(nameValue instanceof String)) {
                throw new IllegalArgumentException("Row field name is not a string: " + nameValue);
            }
            name = Optional.of((String) nameValue);
            delimited = Boolean.TRUE.equals(fieldNameObject.get("delimited"));
        }
        else if (fieldName != null) {
            throw new IllegalArgumentException("Row field name is not an object: " + fieldName);
        }

        Object typeSignature = json.get("typeSignature");
        if (typeSignature instanceof String) {
            return new NamedClientTypeSignature(name, delimited, ClientTypeSignature.parse((String) typeSignature));
        }
        if (typeSignature instanceof Map) {
            return new NamedClientTypeSignature(name, delimited, ClientTypeSignature.fromJsonObject((Map<?, ?>) typeSignature));
        }
        throw new IllegalArgumentException("Row field type signature is neither a string nor an object: " + typeSignature);
    }

    public Optional<String> name()
    {
        return name;
    }

    public boolean delimited()
    {
        return delimited;
    }

    public ClientTypeSignature typeSignature()
    {
        return typeSignature;
    }

    public NamedClientTypeSignature withDialect(Dialect dialect)
    {
        return new NamedClientTypeSignature(name, delimited, typeSignature.withDialect(dialect));
    }

    /** {@code {name, delimited}} for Presto, {@code {name}} for Trino, {@code null} for an anonymous field. */
    @JsonProperty("fieldName")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public Map<String, Object> jsonFieldName()
    {
        if (name.isEmpty()) {
            return null;
        }
        Map<String, Object> fieldName = new LinkedHashMap<>();
        fieldName.put("name", name.get());
        if (typeSignature.dialect() == Dialect.PRESTO) {
            fieldName.put("delimited", delimited);
        }
        return fieldName;
    }

    /** The type string for Presto, the signature object for Trino. */
    @JsonProperty("typeSignature")
    public Object jsonTypeSignature()
    {
        switch (typeSignature.dialect()) {
            case PRESTO:
                return typeSignature.toString();
            case TRINO:
                return typeSignature;
        }
        throw new IllegalStateException("Unknown dialect: " + typeSignature.dialect());
    }

    /** Equality ignores the dialect, which only changes how the field is written. */
    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof NamedClientTypeSignature)) {
            return false;
        }
        NamedClientTypeSignature that = (NamedClientTypeSignature) other;
        return delimited == that.delimited &&
                name.equals(that.name) &&
                typeSignature.equals(that.typeSignature);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(name, delimited, typeSignature);
    }

    /**
     * The field as it appears in a row type string: {@code x bigint}, {@code "a b" bigint} or {@code bigint}.
     * A name is quoted if it was delimited, as Presto does, or if it would not read back unquoted (a name
     * from a Trino signature, which has lost the flag).
     */
    @Override
    public String toString()
    {
        if (name.isEmpty()) {
            return typeSignature.toString();
        }
        String fieldName = name.get();
        if (delimited || !PLAIN_IDENTIFIER.matcher(fieldName).matches()) {
            fieldName = '"' + fieldName.replace("\"", "\"\"") + '"';
        }
        return fieldName + " " + typeSignature;
    }
}

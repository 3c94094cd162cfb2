package io.strata.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * The structured form of a column's type, {@code {rawType, arguments}}, as clients read it from
 * {@link Column#typeSignature()}. Each signature renders in one {@link Dialect}:
 * <ul>
 * <li>{@link Dialect#PRESTO} writes Presto's kind names, a row field's type as a type string, and also
 * Presto's deprecated {@code typeArguments} and {@code literalArguments}, which Presto servers still emit;
 * <li>{@link Dialect#TRINO} writes Trino's kind names and a row field's type as an object.
 * </ul>
 * Either way, a {@code varchar} always carries its length argument, {@value #UNBOUNDED_VARCHAR_LENGTH} when
 * unbounded: trino-jdbc fails on a varchar without one. The dialect changes the JSON only, not equality.
 * <p>
 * {@link #parse(String)} builds a signature from a type string such as {@code row(x bigint,y varchar(5))}
 * and {@link #toString()} writes it back the way Presto servers write the {@code type} of a column.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"rawType", "arguments", "typeArguments", "literalArguments"})
public final class ClientTypeSignature
{
    /** The length argument of an unbounded {@code varchar}. */
    public static final long UNBOUNDED_VARCHAR_LENGTH = Integer.MAX_VALUE;

    private static final Pattern BAD_RAW_TYPE = Pattern.compile(".*[<>,()\"].*");
    // the type names with a space that can stand alone as an anonymous row field
    private static final Pattern MULTI_WORD_TYPE = Pattern.compile(
            "(?i)(time|timestamp)(\\s*\\(\\s*\\d+\\s*\\))?\\s+with(out)?\\s+time\\s+zone|interval\\s+(year\\s+to\\s+month|day\\s+to\\s+second)|double\\s+precision");

    private final String rawType;
    private final List<ClientTypeSignatureParameter> arguments;
    private final Dialect dialect;

    /** A signature rendering in {@link Dialect#PRESTO}; see {@link #withDialect(Dialect)}. */
    public ClientTypeSignature(String rawType, List<ClientTypeSignatureParameter> arguments)
    {
        this(rawType, arguments, Dialect.PRESTO);
    }

    private ClientTypeSignature(String rawType, List<ClientTypeSignatureParameter> arguments, Dialect dialect)
    {
        this.rawType = requireNonNull(rawType, "rawType is null");
        requireNonNull(arguments, "arguments is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        if (rawType.isEmpty() || BAD_RAW_TYPE.matcher(rawType).matches()) {
            throw new IllegalArgumentException("Bad raw type: '" + rawType + "'");
        }
        List<ClientTypeSignatureParameter> copy = new ArrayList<>(arguments.size());
        for (ClientTypeSignatureParameter argument : arguments) {
            copy.add(argument.withDialect(dialect));
        }
        this.arguments = Collections.unmodifiableList(copy);
    }

    public static ClientTypeSignature of(String rawType, ClientTypeSignatureParameter... arguments)
    {
        return new ClientTypeSignature(rawType, Arrays.asList(arguments));
    }

    /**
     * Reads a signature in either dialect: one written with Presto's {@code typeArguments} is a Presto
     * signature, one without is a Trino signature; it renders back the way it came.
     */
    @JsonCreator
    public static ClientTypeSignature fromJson(
            @JsonProperty("rawType") String rawType,
            @JsonProperty("arguments") List<ClientTypeSignatureParameter> arguments,
            @JsonProperty("typeArguments") List<Object> legacyTypeArguments)
    {
        Dialect dialect = legacyTypeArguments == null ? Dialect.TRINO : Dialect.PRESTO;
        return new ClientTypeSignature(rawType, arguments == null ? List.of() : arguments, dialect);
    }

    /** Reads a signature nested in a parameter's value, which Jackson decoded into maps. */
    static ClientTypeSignature fromJsonObject(Map<?, ?> json)
    {
        Object rawType = json.get("rawType");
        if (!(rawType instanceof String)) {
            throw new IllegalArgumentException("Type signature without a rawType: " + json);
        }
        List<ClientTypeSignatureParameter> arguments = new ArrayList<>();
        Object argumentsValue = json.get("arguments");
        if (argumentsValue instanceof List) {
            for (Object argument : (List<?>) argumentsValue) {
                if (!(argument instanceof Map)) {
                    throw new IllegalArgumentException("Type signature argument is not an object: " + argument);
                }
                Map<?, ?> argumentObject = (Map<?, ?>) argument;
                Object kind = argumentObject.get("kind");
                if (!(kind instanceof String)) {
                    throw new IllegalArgumentException("Type signature argument without a kind: " + argument);
                }
                arguments.add(ClientTypeSignatureParameter.fromJson((String) kind, argumentObject.get("value")));
            }
        }
        else if (argumentsValue != null) {
            throw new IllegalArgumentException("Type signature arguments are not a list: " + argumentsValue);
        }
        Dialect dialect = json.containsKey("typeArguments") ? Dialect.PRESTO : Dialect.TRINO;
        return new ClientTypeSignature((String) rawType, arguments, dialect);
    }

    /**
     * Parses a type string as servers write it: {@code bigint}, {@code varchar} (unbounded, given its length
     * argument here), {@code decimal(10,2)}, {@code array(bigint)}, {@code map(varchar,bigint)},
     * {@code row(x bigint,"y z" varchar)}, {@code timestamp(3) with time zone}. The result renders in
     * {@link Dialect#PRESTO}.
     *
     * @throws IllegalArgumentException if the string is not a type
     */
    public static ClientTypeSignature parse(String type)
    {
        requireNonNull(type, "type is null");
        try {
            return parseType(type.trim());
        }
        catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("Bad type: '" + type + "'", e);
        }
    }

    private static ClientTypeSignature parseType(String type)
    {
        int open = type.indexOf('(');
        if (open < 0) {
            String rawType = type.trim();
            List<ClientTypeSignatureParameter> arguments = new ArrayList<>();
            if (rawType.equalsIgnoreCase("varchar")) {
                arguments.add(ClientTypeSignatureParameter.ofLong(UNBOUNDED_VARCHAR_LENGTH));
            }
            return new ClientTypeSignature(rawType, arguments);
        }
        int close = matchingParenthesis(type, open);
        String base = type.substring(0, open).trim();
        String suffix = type.substring(close + 1).trim();
        String rawType = suffix.isEmpty() ? base : base + " " + suffix;
        boolean row = base.equalsIgnoreCase("row");
        List<ClientTypeSignatureParameter> arguments = new ArrayList<>();
        for (String argument : splitArguments(type.substring(open + 1, close))) {
            if (row) {
                arguments.add(ClientTypeSignatureParameter.ofNamedType(parseField(argument.trim())));
            }
            else if (argument.trim().matches("-?\\d+")) {
                arguments.add(ClientTypeSignatureParameter.ofLong(Long.parseLong(argument.trim())));
            }
            else {
                arguments.add(ClientTypeSignatureParameter.ofType(parseType(argument.trim())));
            }
        }
        return new ClientTypeSignature(rawType, arguments);
    }

    private static NamedClientTypeSignature parseField(String field)
    {
        if (field.startsWith("\"")) {
            StringBuilder name = new StringBuilder();
            int position = 1;
            while (true) {
                char character = field.charAt(position);
                if (character == '"') {
                    if (position + 1 < field.length() && field.charAt(position + 1) == '"') {
                        name.append('"');
                        position += 2;
                        continue;
                    }
                    break;
                }
                name.append(character);
                position++;
            }
            String fieldType = field.substring(position + 1).trim();
            if (fieldType.isEmpty()) {
                throw new IllegalArgumentException("Row field without a type: " + field);
            }
            return new NamedClientTypeSignature(Optional.of(name.toString()), true, parseType(fieldType));
        }
        int space = firstTopLevelSpace(field);
        if (space < 0 || MULTI_WORD_TYPE.matcher(field).matches()) {
            return NamedClientTypeSignature.anonymous(parseType(field));
        }
        return NamedClientTypeSignature.named(field.substring(0, space), parseType(field.substring(space + 1).trim()));
    }

    private static int matchingParenthesis(String type, int open)
    {
        int depth = 0;
        boolean quoted = false;
        for (int position = open; position < type.length(); position++) {
            char character = type.charAt(position);
            if (character == '"') {
                quoted = !quoted;
            }
            else if (!quoted && character == '(') {
                depth++;
            }
            else if (!quoted && character == ')') {
                depth--;
                if (depth == 0) {
                    return position;
                }
            }
        }
        throw new IllegalArgumentException("Unbalanced parentheses");
    }

    private static List<String> splitArguments(String arguments)
    {
        List<String> result = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int position = 0; position < arguments.length(); position++) {
            char character = arguments.charAt(position);
            if (character == '"') {
                quoted = !quoted;
            }
            else if (!quoted && character == '(') {
                depth++;
            }
            else if (!quoted && character == ')') {
                depth--;
            }
            else if (!quoted && depth == 0 && character == ',') {
                result.add(arguments.substring(start, position));
                start = position + 1;
            }
        }
        result.add(arguments.substring(start));
        for (String argument : result) {
            if (argument.isBlank()) {
                throw new IllegalArgumentException("Empty type argument");
            }
        }
        return result;
    }

    private static int firstTopLevelSpace(String field)
    {
        int depth = 0;
        for (int position = 0; position < field.length(); position++) {
            char character = field.charAt(position);
            if (character == '(') {
                depth++;
            }
            else if (character == ')') {
                depth--;
            }
            else if (depth == 0 && Character.isWhitespace(character)) {
                return position;
            }
        }
        return -1;
    }

    @JsonProperty("rawType")
    public String rawType()
    {
        return rawType;
    }

    @JsonProperty("arguments")
    public List<ClientTypeSignatureParameter> arguments()
    {
        return arguments;
    }

    public Dialect dialect()
    {
        return dialect;
    }

    /** This signature, rendering in {@code dialect} down to its innermost arguments. */
    public ClientTypeSignature withDialect(Dialect dialect)
    {
        if (dialect == this.dialect) {
            return this;
        }
        return new ClientTypeSignature(rawType, arguments, dialect);
    }

    /**
     * Presto's deprecated {@code typeArguments}, written in the Presto dialect only: the type of each
     * {@code TYPE} or row field argument, or an empty list if some argument is a number.
     */
    @JsonProperty("typeArguments")
    public Optional<List<ClientTypeSignature>> legacyTypeArguments()
    {
        if (dialect != Dialect.PRESTO) {
            return Optional.empty();
        }
        List<ClientTypeSignature> result = new ArrayList<>();
        for (ClientTypeSignatureParameter argument : arguments) {
            switch (argument.kind()) {
                case TYPE:
                    result.add(argument.typeSignature());
                    break;
                case NAMED_TYPE:
                    result.add(argument.namedTypeSignature().typeSignature());
                    break;
                case LONG:
                    return Optional.of(List.of());
            }
        }
        return Optional.of(Collections.unmodifiableList(result));
    }

    /**
     * Presto's deprecated {@code literalArguments}, written in the Presto dialect only: the field names of a
     * row ({@code null} for an anonymous field), or an empty list for any other type.
     */
    @JsonProperty("literalArguments")
    public Optional<List<String>> legacyLiteralArguments()
    {
        if (dialect != Dialect.PRESTO) {
            return Optional.empty();
        }
        List<String> result = new ArrayList<>();
        for (ClientTypeSignatureParameter argument : arguments) {
            if (argument.kind() != ClientTypeSignatureParameter.Kind.NAMED_TYPE) {
                return Optional.of(List.of());
            }
            result.add(argument.namedTypeSignature().name().orElse(null));
        }
        return Optional.of(Collections.unmodifiableList(result));
    }

    /** Equality ignores the dialect, which only changes how the signature is written. */
    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ClientTypeSignature)) {
            return false;
        }
        ClientTypeSignature that = (ClientTypeSignature) other;
        return rawType.equals(that.rawType) && arguments.equals(that.arguments);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(rawType, arguments);
    }

    /**
     * The type string, as a Presto server writes a column's {@code type}: {@code varchar} when unbounded,
     * {@code varchar(5)}, {@code row(x bigint,"y z" varchar)}, {@code timestamp(3) with time zone}.
     */
    @Override
    public String toString()
    {
        if (arguments.isEmpty() || isUnboundedVarchar()) {
            return rawType;
        }
        StringBuilder argumentList = new StringBuilder("(");
        for (int index = 0; index < arguments.size(); index++) {
            if (index > 0) {
                argumentList.append(',');
            }
            argumentList.append(arguments.get(index));
        }
        argumentList.append(')');
        // a parametric type with a space in its name takes its arguments after the first word
        int space = rawType.indexOf(' ');
        if (space > 0) {
            return rawType.substring(0, space) + argumentList + rawType.substring(space);
        }
        return rawType + argumentList;
    }

    private boolean isUnboundedVarchar()
    {
        return rawType.toLowerCase(ENGLISH).equals("varchar") &&
                arguments.size() == 1 &&
                arguments.get(0).kind() == ClientTypeSignatureParameter.Kind.LONG &&
                arguments.get(0).longValue() == UNBOUNDED_VARCHAR_LENGTH;
    }
}

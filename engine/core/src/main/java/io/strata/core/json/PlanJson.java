package io.strata.core.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.strata.core.expression.Constant;
import io.strata.core.expression.RowExpression;
import io.strata.core.planner.plan.PlanNode;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.Range;
import io.strata.spi.connector.TupleDomain;
import io.strata.spi.type.Type;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The one place where the JSON form of what a coordinator sends a worker (a {@code TaskUpdateRequest}: session,
 * plan fragment, splits, output buffers) is defined, so the records stay plain. Records map by their components
 * (the build compiles with {@code -parameters}); on top of that:
 * <ul>
 *     <li>plan nodes and row expressions carry an {@code "@type"} naming their class ({@code "FilterNode"},
 *     {@code "Call"}), found from the sealed interfaces' permitted subclasses, so a new node needs no registration;</li>
 *     <li>connector handles and splits carry their class name (their SPI interfaces say so), and only classes of
 *     {@code io.strata} may be named;</li>
 *     <li>a type is its signature string ({@link TypeSignatures}); constants and domain bounds tag their values'
 *     classes ({@link ConstantValues}); a {@link TupleDomain} is a list of column and domain pairs;</li>
 *     <li>reading is strict: an unknown property, type id or enum constant, a missing property or a null primitive
 *     fails with a {@link JsonProcessingException} naming the problem and its path.</li>
 * </ul>
 */
public final class PlanJson
{
    private static final ObjectMapper MAPPER = newObjectMapper();

    private PlanJson() {}

    /** A new mapper configured as described above (its own instance: configure it further as you like). */
    public static ObjectMapper newObjectMapper()
    {
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(planModule())
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder().allowIfSubType("io.strata.").build())
                // records map by their components; isNone(), isNull()... are no properties
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public static String toJson(Object value)
    {
        try {
            return MAPPER.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads what {@link #toJson} wrote; bad JSON is an {@link IllegalArgumentException} saying what and where. */
    public static <T> T fromJson(String json, Class<T> type)
    {
        requireNonNull(json, "json is null");
        try {
            return MAPPER.readValue(json, type);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid " + type.getSimpleName() + " JSON: " + e.getMessage(), e);
        }
    }

    private static SimpleModule planModule()
    {
        SimpleModule module = new SimpleModule("strata-plan");
        module.setMixInAnnotation(PlanNode.class, TypedByName.class);
        module.setMixInAnnotation(RowExpression.class, TypedByName.class);
        for (Class<?> node : PlanNode.class.getPermittedSubclasses()) {
            module.registerSubtypes(new NamedType(node, node.getSimpleName()));
        }
        for (Class<?> expression : RowExpression.class.getPermittedSubclasses()) {
            module.registerSubtypes(new NamedType(expression, expression.getSimpleName()));
        }
        module.addSerializer(Type.class, new TypeSerializerBySignature());
        module.addDeserializer(Type.class, new TypeDeserializerBySignature());
        module.addSerializer(Constant.class, new ConstantSerializer());
        module.addDeserializer(Constant.class, new ConstantDeserializer());
        module.addSerializer(Range.class, new RangeSerializer());
        module.addDeserializer(Range.class, new RangeDeserializer());
        module.setMixInAnnotation(TupleDomain.class, TupleDomainAsColumnDomains.class);
        module.addSerializer(ZoneId.class, ToStringSerializer.instance);
        module.addDeserializer(ZoneId.class, new FromText<>(ZoneId.class) {
            @Override
            ZoneId parse(String text)
            {
                return ZoneId.of(text);
            }
        });
        module.addSerializer(Instant.class, ToStringSerializer.instance);
        module.addDeserializer(Instant.class, new FromText<>(Instant.class) {
            @Override
            Instant parse(String text)
            {
                return Instant.parse(text);
            }
        });
        return module;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    private interface TypedByName {}

    @JsonSerialize(converter = TupleDomainToJson.class)
    @JsonDeserialize(converter = TupleDomainFromJson.class)
    private abstract static class TupleDomainAsColumnDomains {}

    /** A {@link TupleDomain}: empty {@code columnDomains} for NONE (no row), an empty list for ALL. */
    record TupleDomainJson(Optional<List<ColumnDomain>> columnDomains) {}

    record ColumnDomain(ColumnHandle column, Domain domain) {}

    static final class TupleDomainToJson
            extends StdConverter<TupleDomain, TupleDomainJson>
    {
        @Override
        public TupleDomainJson convert(TupleDomain value)
        {
            return new TupleDomainJson(value.domains().map(domains -> domains.entrySet().stream()
                    .map(entry -> new ColumnDomain(entry.getKey(), entry.getValue()))
                    .toList()));
        }
    }

    static final class TupleDomainFromJson
            extends StdConverter<TupleDomainJson, TupleDomain>
    {
        @Override
        public TupleDomain convert(TupleDomainJson value)
        {
            requireNonNull(value.columnDomains(), "columnDomains is null");
            if (value.columnDomains().isEmpty()) {
                return TupleDomain.none();
            }
            Map<ColumnHandle, Domain> domains = new LinkedHashMap<>();
            for (ColumnDomain columnDomain : value.columnDomains().get()) {
                requireNonNull(columnDomain.column(), "column is null");
                requireNonNull(columnDomain.domain(), "domain is null");
                if (domains.put(columnDomain.column(), columnDomain.domain()) != null) {
                    throw new IllegalArgumentException("two domains for column " + columnDomain.column());
                }
            }
            return TupleDomain.withColumnDomains(domains);
        }
    }

    private static final class TypeSerializerBySignature
            extends StdSerializer<Type>
    {
        TypeSerializerBySignature()
        {
            super(Type.class);
        }

        @Override
        public void serialize(Type type, JsonGenerator generator, SerializerProvider provider)
                throws IOException
        {
            generator.writeString(TypeSignatures.signature(type));
        }
    }

    private static final class TypeDeserializerBySignature
            extends FromText<Type>
    {
        TypeDeserializerBySignature()
        {
            super(Type.class);
        }

        @Override
        Type parse(String text)
        {
            return TypeSignatures.parse(text);
        }
    }

    /** A value written as a string; a string that does not parse is a format error naming the string. */
    private abstract static class FromText<T>
            extends StdDeserializer<T>
    {
        private final Class<T> type;

        FromText(Class<T> type)
        {
            super(type);
            this.type = type;
        }

        abstract T parse(String text);

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context)
                throws IOException
        {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            String text = parser.getText();
            try {
                return parse(text);
            }
            catch (RuntimeException e) {
                throw context.weirdStringException(text, type, e.getMessage());
            }
        }
    }

    /** {@code {"@type": "Constant", "type": "decimal(12,2)", "value": ...}}, the value as {@link ConstantValues} writes it. */
    private static final class ConstantSerializer
            extends StdSerializer<Constant>
    {
        ConstantSerializer()
        {
            super(Constant.class);
        }

        @Override
        public void serialize(Constant constant, JsonGenerator generator, SerializerProvider provider)
                throws IOException
        {
            generator.writeStartObject();
            writeFields(constant, generator);
            generator.writeEndObject();
        }

        @Override
        public void serializeWithType(Constant constant, JsonGenerator generator, SerializerProvider provider, TypeSerializer typeSerializer)
                throws IOException
        {
            WritableTypeId typeId = typeSerializer.writeTypePrefix(generator, typeSerializer.typeId(constant, JsonToken.START_OBJECT));
            writeFields(constant, generator);
            typeSerializer.writeTypeSuffix(generator, typeId);
        }

        private static void writeFields(Constant constant, JsonGenerator generator)
                throws IOException
        {
            generator.writeStringField("type", TypeSignatures.signature(constant.type()));
            generator.writeFieldName("value");
            ConstantValues.write(generator, constant.value());
        }
    }

    private static final class ConstantDeserializer
            extends StdDeserializer<Constant>
    {
        ConstantDeserializer()
        {
            super(Constant.class);
        }

        @Override
        public Constant deserialize(JsonParser parser, DeserializationContext context)
                throws IOException
        {
            JsonNode node = context.readTree(parser);
            requireFields(parser, context, node, List.of("type", "value"), Constant.class);
            try {
                return new Constant(ConstantValues.read(node.get("value")), TypeSignatures.parse(textField(parser, context, node, "type", Constant.class)));
            }
            catch (IllegalArgumentException e) {
                throw context.instantiationException(Constant.class, e);
            }
        }
    }

    /** {@code {"low": value, "lowInclusive": b, "high": value, "highInclusive": b}}; null is an unbounded end. */
    private static final class RangeSerializer
            extends StdSerializer<Range>
    {
        RangeSerializer()
        {
            super(Range.class);
        }

        @Override
        public void serialize(Range range, JsonGenerator generator, SerializerProvider provider)
                throws IOException
        {
            generator.writeStartObject();
            generator.writeFieldName("low");
            ConstantValues.write(generator, range.low().orElse(null));
            generator.writeBooleanField("lowInclusive", range.lowInclusive());
            generator.writeFieldName("high");
            ConstantValues.write(generator, range.high().orElse(null));
            generator.writeBooleanField("highInclusive", range.highInclusive());
            generator.writeEndObject();
        }
    }

    private static final class RangeDeserializer
            extends StdDeserializer<Range>
    {
        RangeDeserializer()
        {
            super(Range.class);
        }

        @Override
        public Range deserialize(JsonParser parser, DeserializationContext context)
                throws IOException
        {
            JsonNode node = context.readTree(parser);
            requireFields(parser, context, node, List.of("low", "lowInclusive", "high", "highInclusive"), Range.class);
            try {
                return new Range(
                        Optional.ofNullable(ConstantValues.read(node.get("low"))),
                        booleanField(parser, context, node, "lowInclusive"),
                        Optional.ofNullable(ConstantValues.read(node.get("high"))),
                        booleanField(parser, context, node, "highInclusive"));
            }
            catch (IllegalArgumentException e) {
                throw context.instantiationException(Range.class, e);
            }
        }
    }

    private static void requireFields(JsonParser parser, DeserializationContext context, JsonNode node, List<String> names, Class<?> type)
            throws IOException
    {
        if (!node.isObject()) {
            throw context.wrongTokenException(parser, type, JsonToken.START_OBJECT, "a " + type.getSimpleName() + " is an object");
        }
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        for (String name : names) {
            if (!fields.contains(name)) {
                throw context.instantiationException(type, new IllegalArgumentException("missing property '" + name + "'"));
            }
        }
        for (String field : fields) {
            if (!names.contains(field)) {
                throw context.instantiationException(type, new IllegalArgumentException("unknown property '" + field + "'"));
            }
        }
    }

    private static String textField(JsonParser parser, DeserializationContext context, JsonNode node, String name, Class<?> type)
            throws IOException
    {
        JsonNode field = node.get(name);
        if (!field.isTextual()) {
            throw context.instantiationException(type, new IllegalArgumentException("'" + name + "' is a string"));
        }
        return field.textValue();
    }

    private static boolean booleanField(JsonParser parser, DeserializationContext context, JsonNode node, String name)
            throws IOException
    {
        JsonNode field = node.get(name);
        if (!field.isBoolean()) {
            throw context.instantiationException(Range.class, new IllegalArgumentException("'" + name + "' is a boolean"));
        }
        return field.booleanValue();
    }
}

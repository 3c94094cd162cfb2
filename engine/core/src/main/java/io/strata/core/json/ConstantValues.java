package io.strata.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.spi.type.Int128;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java values constants and domain bounds hold, as JSON that gives back an equal value of the same class.
 * A bigint-like {@link Long}, a {@link Boolean}, a {@link String} and null are plain JSON; everything else is an
 * object with one field naming its class: {@code {"double": "1.5"}} (as text, so NaN and infinities survive),
 * {@code {"int": 7}}, {@code {"real": "1.5"}} (a {@link Float}), {@code {"slice": base64}}, {@code {"int128": "digits"}},
 * {@code {"list": [...]}} (arrays and rows) and {@code {"map": [[key, value], ...]}} (in the map's order).
 */
final class ConstantValues
{
    private ConstantValues() {}

    static void write(JsonGenerator generator, Object value)
            throws IOException
    {
        if (value == null) {
            generator.writeNull();
        }
        else if (value instanceof Long longValue) {
            generator.writeNumber(longValue);
        }
        else if (value instanceof Boolean booleanValue) {
            generator.writeBoolean(booleanValue);
        }
        else if (value instanceof String string) {
            generator.writeString(string);
        }
        else if (value instanceof Double doubleValue) {
            tagged(generator, "double").writeString(doubleValue.toString());
            generator.writeEndObject();
        }
        else if (value instanceof Float floatValue) {
            tagged(generator, "real").writeString(floatValue.toString());
            generator.writeEndObject();
        }
        else if (value instanceof Integer intValue) {
            tagged(generator, "int").writeNumber(intValue);
            generator.writeEndObject();
        }
        else if (value instanceof Slice slice) {
            tagged(generator, "slice").writeString(Base64.getEncoder().encodeToString(slice.getBytes()));
            generator.writeEndObject();
        }
        else if (value instanceof Int128 int128) {
            tagged(generator, "int128").writeString(int128.toBigInteger().toString());
            generator.writeEndObject();
        }
        else if (value instanceof List<?> list) {
            tagged(generator, "list").writeStartArray();
            for (Object element : list) {
                write(generator, element);
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        else if (value instanceof Map<?, ?> map) {
            tagged(generator, "map").writeStartArray();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeStartArray();
                write(generator, entry.getKey());
                write(generator, entry.getValue());
                generator.writeEndArray();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        else {
            // a value no worker could rebuild must fail on the coordinator, not turn into something else
            throw new IllegalArgumentException("no JSON form for a constant of class " + value.getClass().getName());
        }
    }

    private static JsonGenerator tagged(JsonGenerator generator, String tag)
            throws IOException
    {
        generator.writeStartObject();
        generator.writeFieldName(tag);
        return generator;
    }

    static Object read(JsonNode node)
    {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (!node.isObject() || node.size() != 1) {
            throw new IllegalArgumentException("not a constant value: " + node);
        }
        Map.Entry<String, JsonNode> field = node.fields().next();
        JsonNode content = field.getValue();
        switch (field.getKey()) {
            case "double":
                return Double.valueOf(text(content, "double"));
            case "real":
                return Float.valueOf(text(content, "real"));
            case "int":
                if (!content.isInt()) {
                    throw new IllegalArgumentException("not an int: " + content);
                }
                return content.intValue();
            case "slice":
                return Slices.wrappedBuffer(Base64.getDecoder().decode(text(content, "slice")));
            case "int128":
                return Int128.valueOf(new BigInteger(text(content, "int128")));
            case "list":
                List<Object> list = new ArrayList<>();
                for (JsonNode element : array(content, "list")) {
                    list.add(read(element));
                }
                return list;
            case "map":
                Map<Object, Object> map = new LinkedHashMap<>();
                for (Iterator<JsonNode> entries = array(content, "map").elements(); entries.hasNext(); ) {
                    JsonNode entry = entries.next();
                    if (!entry.isArray() || entry.size() != 2) {
                        throw new IllegalArgumentException("not a map entry: " + entry);
                    }
                    map.put(read(entry.get(0)), read(entry.get(1)));
                }
                return map;
            default:
                throw new IllegalArgumentException("unknown kind of constant value: " + field.getKey());
        }
    }

    private static String text(JsonNode node, String kind)
    {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("a " + kind + " value is a string: " + node);
        }
        return node.textValue();
    }

    private static JsonNode array(JsonNode node, String kind)
    {
        if (!node.isArray()) {
            throw new IllegalArgumentException("a " + kind + " value is an array: " + node);
        }
        return node;
    }
}

package io.strata.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import java.io.UncheckedIOException;

import static java.util.Objects.requireNonNull;

/**
 * The process's one {@link ObjectMapper} (with {@link Jdk8Module}, for the protocol's {@code Optional}
 * fields), wrapped so that writing JSON does not throw checked exceptions.
 */
public final class JsonCodec
{
    private final ObjectMapper objectMapper;

    public JsonCodec(ObjectMapper objectMapper)
    {
        this.objectMapper = requireNonNull(objectMapper, "objectMapper is null");
    }

    /** The mapper every server component shares. */
    public static ObjectMapper createObjectMapper()
    {
        return new ObjectMapper()
                .registerModule(new Jdk8Module())
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    public ObjectMapper objectMapper()
    {
        return objectMapper;
    }

    public byte[] toJsonBytes(Object value)
    {
        try {
            return objectMapper.writeValueAsBytes(value);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON of " + value.getClass().getName(), e);
        }
    }

    public HttpResponse jsonResponse(int status, Object value)
    {
        return HttpResponse.json(status, toJsonBytes(value));
    }
}

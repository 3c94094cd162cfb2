package io.strata.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The JSON mapping of the protocol classes: {@code Optional}s through {@link Jdk8Module}, unknown fields
 * ignored (servers add fields), and no length limit on strings or numbers (a result page can carry a
 * large varchar, and Jackson's default limit would reject it).
 */
public final class ProtocolJson
{
    private ProtocolJson() {}

    public static ObjectMapper createObjectMapper()
    {
        JsonFactory jsonFactory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNumberLength(Integer.MAX_VALUE)
                        .build())
                .build();
        return JsonMapper.builder(jsonFactory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new Jdk8Module())
                .build();
    }
}

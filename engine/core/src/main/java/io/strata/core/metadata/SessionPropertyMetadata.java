package io.strata.core.metadata;

import io.strata.spi.type.Type;

import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A session property the engine understands: its SQL type, its default as text (as a client sends values),
 * and a check of values that returns what is wrong with one, if anything.
 */
public record SessionPropertyMetadata(String name, String description, Type type, String defaultValue, Function<String, Optional<String>> validator)
{
    public SessionPropertyMetadata
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(validator, "validator is null");
    }
}

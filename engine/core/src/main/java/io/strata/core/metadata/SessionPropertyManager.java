package io.strata.core.metadata;

import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The system session properties (those without a catalog prefix), in a fixed order for {@code SHOW SESSION}.
 * Connectors define no session properties yet, so {@code catalog.name} is always unknown.
 */
public final class SessionPropertyManager
{
    private final Map<String, SessionPropertyMetadata> systemProperties;

    public SessionPropertyManager(List<SessionPropertyMetadata> systemProperties)
    {
        Map<String, SessionPropertyMetadata> byName = new LinkedHashMap<>();
        for (SessionPropertyMetadata property : requireNonNull(systemProperties, "systemProperties is null")) {
            if (byName.put(property.name(), property) != null) {
                throw new IllegalArgumentException("two session properties are named " + property.name());
            }
        }
        this.systemProperties = Collections.unmodifiableMap(byName);
    }

    /** The system properties, sorted by name. */
    public List<SessionPropertyMetadata> systemProperties()
    {
        return systemProperties.values().stream()
                .sorted(Comparator.comparing(SessionPropertyMetadata::name))
                .toList();
    }

    public Optional<SessionPropertyMetadata> getSystemProperty(String name)
    {
        return Optional.ofNullable(systemProperties.get(name));
    }

    /**
     * The definition of the system property {@code name}.
     *
     * @throws StrataException {@code INVALID_SESSION_PROPERTY} when there is none
     */
    public SessionPropertyMetadata requireSystemProperty(String name, Optional<Location> location)
    {
        return getSystemProperty(name)
                .orElseThrow(() -> new StrataException(ErrorCode.INVALID_SESSION_PROPERTY, location, "Session property " + name + " does not exist", null));
    }

    /**
     * Checks a value for a property.
     *
     * @throws StrataException {@code INVALID_SESSION_PROPERTY} naming the property and what is wrong
     */
    public void validate(SessionPropertyMetadata property, String value, Optional<Location> location)
    {
        Optional<String> problem = property.validator().apply(value);
        if (problem.isPresent()) {
            throw new StrataException(ErrorCode.INVALID_SESSION_PROPERTY, location, "Invalid value '" + value + "' for session property " + property.name() + ": " + problem.get(), null);
        }
    }

    /** The value of a system property in a session: the one set, else the default. */
    public String getValue(Session session, String name)
    {
        SessionPropertyMetadata property = getSystemProperty(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown session property " + name));
        return session.systemProperties().getOrDefault(name, property.defaultValue());
    }
}

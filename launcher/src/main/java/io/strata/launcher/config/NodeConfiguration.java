package io.strata.launcher.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What a node's {@code etc/} says: the merged properties of {@code node.properties} and
 * {@code config.properties}, and the catalogs by name, each with the properties of its file. Both maps are
 * sorted by key, so that messages and listings come out the same on every JVM.
 */
public record NodeConfiguration(Path etcDirectory, Map<String, String> properties, Map<String, Map<String, String>> catalogs)
{
    public NodeConfiguration
    {
        requireNonNull(etcDirectory, "etcDirectory is null");
        properties = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(properties, "properties is null")));
        Map<String, Map<String, String>> catalogsCopy = new LinkedHashMap<>();
        new TreeMap<>(requireNonNull(catalogs, "catalogs is null"))
                .forEach((name, catalogProperties) -> catalogsCopy.put(name, Collections.unmodifiableMap(new TreeMap<>(catalogProperties))));
        catalogs = Collections.unmodifiableMap(catalogsCopy);
    }

    public Optional<String> property(String name)
    {
        return Optional.ofNullable(properties.get(requireNonNull(name, "name is null")));
    }
}

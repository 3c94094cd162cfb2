package io.strata.server.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * The headers of a request: names compared ignoring case, each name with its values in arrival order.
 * Immutable.
 */
public final class RequestHeaders
{
    private final Map<String, List<String>> values;
    private final List<String> names;

    private RequestHeaders(Map<String, List<String>> values, List<String> names)
    {
        this.values = values;
        this.names = names;
    }

    /** Headers from {@code name, value} pairs in arrival order; a name may repeat. */
    public static RequestHeaders of(List<Map.Entry<String, String>> entries)
    {
        requireNonNull(entries, "entries is null");
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries) {
            String key = entry.getKey().toLowerCase(ENGLISH);
            List<String> list = values.get(key);
            if (list == null) {
                list = new ArrayList<>();
                values.put(key, list);
                names.add(entry.getKey());
            }
            list.add(requireNonNull(entry.getValue(), "header value is null"));
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        values.forEach((key, list) -> frozen.put(key, List.copyOf(list)));
        return new RequestHeaders(Collections.unmodifiableMap(frozen), List.copyOf(names));
    }

    public static RequestHeaders of(String... namesAndValues)
    {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values do not pair up");
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            entries.add(Map.entry(namesAndValues[index], namesAndValues[index + 1]));
        }
        return of(entries);
    }

    /** The first value of the header, if present. */
    public Optional<String> get(String name)
    {
        List<String> list = values.get(name.toLowerCase(ENGLISH));
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    /** Every value of the header, in arrival order; empty if absent. */
    public List<String> getAll(String name)
    {
        return values.getOrDefault(name.toLowerCase(ENGLISH), List.of());
    }

    public boolean contains(String name)
    {
        return values.containsKey(name.toLowerCase(ENGLISH));
    }

    /** The distinct names as first spelled by the client, in arrival order. */
    public List<String> names()
    {
        return names;
    }

    @Override
    public String toString()
    {
        return "RequestHeaders" + names;
    }
}

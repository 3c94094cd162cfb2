package io.strata.launcher.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Text of result values as presto-cli shows them: the value as the client decoded it from JSON
 * ({@link Object#toString()}), lists as {@code [a, b]}, maps and rows-as-maps as {@code {k=v, ...}}, SQL
 * NULL as {@code NULL} inside them.
 */
final class Values
{
    private Values() {}

    static String format(Object value)
    {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            Iterator<?> iterator = list.iterator();
            while (iterator.hasNext()) {
                text.append(format(iterator.next()));
                if (iterator.hasNext()) {
                    text.append(", ");
                }
            }
            return text.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> iterator = map.entrySet().iterator();
            while (iterator.hasNext()) {
                Map.Entry<?, ?> entry = iterator.next();
                text.append(format(entry.getKey())).append('=').append(format(entry.getValue()));
                if (iterator.hasNext()) {
                    text.append(", ");
                }
            }
            return text.append('}').toString();
        }
        return value.toString();
    }
}

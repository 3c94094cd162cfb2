package io.strata.core.analyzer;

import io.strata.core.metadata.QualifiedObjectName;
import io.strata.spi.type.Type;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One column of a relation as SQL sees it: the name it goes by (absent for an unnamed expression), the
 * relation name that may qualify it ({@code orders} or {@code testing.sales.orders} for a table, the alias
 * for an aliased relation), its type, and the table column it comes from, if any.
 *
 * @param relationName the qualifying name's parts, lowercased; a reference {@code a.b.c} matches a field named
 * {@code c} whose relation name ends with {@code a.b}
 */
public record Field(
        Optional<List<String>> relationName,
        Optional<String> name,
        Type type,
        Optional<QualifiedObjectName> originTable,
        Optional<String> originColumn)
{
    public Field
    {
        relationName = requireNonNull(relationName, "relationName is null").map(List::copyOf);
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(originTable, "originTable is null");
        requireNonNull(originColumn, "originColumn is null");
    }

    public static Field unqualified(Optional<String> name, Type type)
    {
        return new Field(Optional.empty(), name, type, Optional.empty(), Optional.empty());
    }

    /** Whether the reference {@code prefix.name} (prefix possibly empty) denotes this field. */
    public boolean matches(List<String> prefix, String columnName)
    {
        if (name.isEmpty() || !name.get().equalsIgnoreCase(columnName)) {
            return false;
        }
        if (prefix.isEmpty()) {
            return true;
        }
        if (relationName.isEmpty() || relationName.get().size() < prefix.size()) {
            return false;
        }
        List<String> parts = relationName.get();
        return parts.subList(parts.size() - prefix.size(), parts.size()).equals(prefix);
    }

    /** This field under another relation name (and possibly another column name), as an alias gives it. */
    public Field withRelationName(Optional<List<String>> newRelationName, Optional<String> newName)
    {
        return new Field(newRelationName, newName, type, originTable, originColumn);
    }
}

package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toUnmodifiableList;

/**
 * A dotted name: {@code catalog.schema.table}, {@code t.column}, {@code catalog.property}, a function name.
 * Not a node: its identifiers carry the locations. Equality compares the identifiers as written
 * (quoted or not); {@link #parts()} is the normalized form names are looked up by.
 */
public record QualifiedName(List<Identifier> identifiers)
{
    public QualifiedName
    {
        identifiers = List.copyOf(requireNonNull(identifiers, "identifiers is null"));
        if (identifiers.isEmpty()) {
            throw new IllegalArgumentException("a qualified name needs at least one part");
        }
    }

    /** A name of unquoted parts; each part is lowercased. */
    public static QualifiedName of(String first, String... rest)
    {
        List<Identifier> identifiers = new ArrayList<>();
        identifiers.add(new Identifier(first.toLowerCase(ENGLISH)));
        Arrays.stream(rest).map(part -> new Identifier(part.toLowerCase(ENGLISH))).forEach(identifiers::add);
        return new QualifiedName(identifiers);
    }

    /**
     * The parts, each lowercased, quoted ones included: the form Presto matches catalog, schema, table,
     * column, function and session property names by.
     */
    public List<String> parts()
    {
        return identifiers.stream()
                .map(identifier -> identifier.value().toLowerCase(ENGLISH))
                .collect(toUnmodifiableList());
    }

    /** The last part, lowercased: the table of {@code schema.table}, the column of {@code t.column}. */
    public String suffix()
    {
        List<String> parts = parts();
        return parts.get(parts.size() - 1);
    }

    /** Everything before the last part, or empty for a name of one part. */
    public Optional<QualifiedName> prefix()
    {
        if (identifiers.size() == 1) {
            return Optional.empty();
        }
        return Optional.of(new QualifiedName(identifiers.subList(0, identifiers.size() - 1)));
    }

    /** Where the name starts, if it was parsed. */
    public Optional<Location> location()
    {
        return identifiers.get(0).location();
    }

    /** The normalized parts joined by dots, as error messages show the name. */
    @Override
    public String toString()
    {
        return parts().stream().collect(joining("."));
    }
}

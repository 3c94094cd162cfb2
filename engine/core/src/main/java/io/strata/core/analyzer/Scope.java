package io.strata.core.analyzer;

import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The names visible to an expression: the fields of the relation it reads and, for a correlated subquery
 * later, the scope of the query around it.
 */
public record Scope(RelationType relationType, Optional<Scope> outer)
{
    public Scope
    {
        requireNonNull(relationType, "relationType is null");
        requireNonNull(outer, "outer is null");
    }

    public static Scope of(RelationType relationType)
    {
        return new Scope(relationType, Optional.empty());
    }

    /** A field found by name: its index in this scope's relation. */
    public record ResolvedField(int index, Field field)
    {
        public ResolvedField
        {
            requireNonNull(field, "field is null");
        }
    }

    /**
     * The field that {@code parts} (a column name, possibly qualified) denotes in this scope.
     *
     * @throws StrataException {@code AMBIGUOUS_NAME} when several fields match; an outer scope is not searched
     * yet, so references to it are not found
     */
    public Optional<ResolvedField> tryResolve(List<String> parts, Optional<Location> location)
    {
        List<String> prefix = parts.subList(0, parts.size() - 1);
        String columnName = parts.get(parts.size() - 1);
        List<Integer> matches = relationType.resolve(prefix, columnName);
        if (matches.size() > 1) {
            throw new StrataException(ErrorCode.AMBIGUOUS_NAME, location, "Column '" + String.join(".", parts) + "' is ambiguous", null);
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedField(matches.get(0), relationType.field(matches.get(0))));
    }

    /**
     * Like {@link #tryResolve}, but a missing field is an error.
     *
     * @throws StrataException {@code COLUMN_NOT_FOUND} ("Column 'x' cannot be resolved")
     */
    public ResolvedField resolve(List<String> parts, Optional<Location> location)
    {
        return tryResolve(parts, location)
                .orElseThrow(() -> new StrataException(ErrorCode.COLUMN_NOT_FOUND, location, "Column '" + String.join(".", parts) + "' cannot be resolved", null));
    }
}

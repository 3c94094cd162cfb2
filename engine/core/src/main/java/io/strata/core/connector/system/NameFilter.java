package io.strata.core.connector.system;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.Range;
import io.strata.spi.connector.TupleDomain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The pushed-down filter of a system table scan, by column name: whether a catalog, schema or table name may
 * pass, so that listings skip what cannot. A column without a domain lets every name pass.
 */
final class NameFilter
{
    static final NameFilter ALL = new NameFilter(false, Map.of());

    private final boolean none;
    private final Map<String, Domain> domains;

    private NameFilter(boolean none, Map<String, Domain> domains)
    {
        this.none = none;
        this.domains = Map.copyOf(domains);
    }

    static NameFilter of(TupleDomain constraint)
    {
        requireNonNull(constraint, "constraint is null");
        if (constraint.isNone()) {
            return new NameFilter(true, Map.of());
        }
        Map<String, Domain> domains = new LinkedHashMap<>();
        for (Map.Entry<ColumnHandle, Domain> entry : constraint.domains().orElseThrow().entrySet()) {
            domains.put(((SystemColumnHandle) entry.getKey()).columnName(), entry.getValue());
        }
        return new NameFilter(false, domains);
    }

    /** Whether no row can pass: nothing needs listing at all. */
    boolean isNone()
    {
        return none;
    }

    /** Whether {@code value} may pass the domain of {@code column}. */
    boolean allows(String column, String value)
    {
        if (none) {
            return false;
        }
        Domain domain = domains.get(column);
        return domain == null || domain.includes(value == null ? null : Slices.utf8Slice(value));
    }

    /** The single values the column is restricted to, when its domain is a list of values (equality, IN). */
    Optional<List<String>> singleValues(String column)
    {
        Domain domain = domains.get(column);
        if (domain == null || domain.ranges().isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (Range range : domain.ranges()) {
            if (range.low().isEmpty() || range.high().isEmpty() || !range.lowInclusive() || !range.highInclusive() || !range.low().get().equals(range.high().get())) {
                return Optional.empty();
            }
            values.add(((Slice) range.low().get()).toStringUtf8());
        }
        return Optional.of(values);
    }
}

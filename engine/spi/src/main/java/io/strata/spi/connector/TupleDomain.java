package io.strata.spi.connector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A conjunction of per-column domains: a row passes when every column's value is in its domain. A column
 * without a domain is unconstrained. {@link #none()} passes no row.
 */
public final class TupleDomain
{
    private static final TupleDomain ALL = new TupleDomain(Optional.of(Map.of()));
    private static final TupleDomain NONE = new TupleDomain(Optional.empty());

    private final Optional<Map<ColumnHandle, Domain>> domains;

    private TupleDomain(Optional<Map<ColumnHandle, Domain>> domains)
    {
        this.domains = requireNonNull(domains, "domains is null");
    }

    public static TupleDomain all()
    {
        return ALL;
    }

    public static TupleDomain none()
    {
        return NONE;
    }

    public static TupleDomain withColumnDomains(Map<ColumnHandle, Domain> domains)
    {
        Map<ColumnHandle, Domain> copy = new LinkedHashMap<>();
        for (Map.Entry<ColumnHandle, Domain> entry : domains.entrySet()) {
            if (entry.getValue().isNone()) {
                return NONE;
            }
            if (!entry.getValue().isAll()) {
                copy.put(entry.getKey(), entry.getValue());
            }
        }
        return new TupleDomain(Optional.of(Collections.unmodifiableMap(copy)));
    }

    public boolean isAll()
    {
        return domains.isPresent() && domains.get().isEmpty();
    }

    public boolean isNone()
    {
        return domains.isEmpty();
    }

    /** The per-column domains, in insertion order; empty when this is {@link #none()}. */
    public Optional<Map<ColumnHandle, Domain>> domains()
    {
        return domains;
    }

    public TupleDomain intersect(TupleDomain other)
    {
        if (isNone() || other.isNone()) {
            return NONE;
        }
        Map<ColumnHandle, Domain> result = new LinkedHashMap<>(domains.get());
        for (Map.Entry<ColumnHandle, Domain> entry : other.domains.get().entrySet()) {
            result.merge(entry.getKey(), entry.getValue(), Domain::intersect);
        }
        return withColumnDomains(result);
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof TupleDomain && domains.equals(((TupleDomain) other).domains);
    }

    @Override
    public int hashCode()
    {
        return domains.hashCode();
    }

    @Override
    public String toString()
    {
        return isNone() ? "TupleDomain{NONE}" : "TupleDomain" + domains.get();
    }
}

package io.strata.core.analyzer;

import io.strata.core.metadata.WriteTarget;
import io.strata.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * INSERT or CREATE TABLE AS: the query whose rows are written, the target table's columns, and for each of them
 * the query column that fills it ({@code -1}: none, the column gets nulls). A query column's type coerces to its
 * table column's type.
 */
public record WriteAnalysis(String updateType, QueryAnalysis query, WriteTarget target, List<String> columnNames, List<Type> columnTypes, List<Integer> sourceChannels)
        implements Analysis
{
    public WriteAnalysis
    {
        requireNonNull(updateType, "updateType is null");
        requireNonNull(query, "query is null");
        requireNonNull(target, "target is null");
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        columnTypes = List.copyOf(requireNonNull(columnTypes, "columnTypes is null"));
        sourceChannels = List.copyOf(requireNonNull(sourceChannels, "sourceChannels is null"));
        if (columnNames.size() != columnTypes.size() || columnNames.size() != sourceChannels.size()) {
            throw new IllegalArgumentException("one name, type and source channel per column");
        }
    }
}

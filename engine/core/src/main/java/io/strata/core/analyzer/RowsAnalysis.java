package io.strata.core.analyzer;

import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A result known when the statement is analyzed ({@code SHOW TABLES}, {@code DESCRIBE}, ...): column names and
 * types, and rows of values in the Java classes of the types' layouts ({@code null} for SQL NULL).
 */
public record RowsAnalysis(List<String> columnNames, List<Type> columnTypes, List<List<Object>> rows)
        implements Analysis
{
    public RowsAnalysis
    {
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        columnTypes = List.copyOf(requireNonNull(columnTypes, "columnTypes is null"));
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : requireNonNull(rows, "rows is null")) {
            if (row.size() != columnNames.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values, expected " + columnNames.size());
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
        if (columnNames.size() != columnTypes.size()) {
            throw new IllegalArgumentException("one type per column");
        }
    }
}

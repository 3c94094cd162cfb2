package io.strata.launcher.cli;

import java.io.Writer;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The result formats of the {@code sql} command, named and written as presto-cli writes them.
 */
public enum OutputFormat
{
    /** A table with a centered header, a {@code ---+---} rule, numbers right-aligned, a {@code (N rows)} footer. */
    ALIGNED,
    /** Every value in double quotes ({@code "} doubled inside), NULL as {@code ""}, no header. */
    CSV,
    /** {@link #CSV} with a header line of the column names. */
    CSV_HEADER,
    /** Values separated by tabs, {@code \}, tab and newline escaped as {@code \\}, {@code \t}, {@code \n}; NULL as empty. */
    TSV,
    /** {@link #TSV} with a header line of the column names. */
    TSV_HEADER,
    /** One JSON object per row and line, fields in column order, values as the client received them. */
    JSON;

    public OutputPrinter createPrinter(List<String> columnNames, Writer writer)
    {
        requireNonNull(columnNames, "columnNames is null");
        requireNonNull(writer, "writer is null");
        return switch (this) {
            case ALIGNED -> new AlignedTablePrinter(columnNames, writer);
            case CSV -> DelimitedPrinter.csv(columnNames, writer, false);
            case CSV_HEADER -> DelimitedPrinter.csv(columnNames, writer, true);
            case TSV -> DelimitedPrinter.tsv(columnNames, writer, false);
            case TSV_HEADER -> DelimitedPrinter.tsv(columnNames, writer, true);
            case JSON -> new JsonPrinter(columnNames, writer);
        };
    }

    /** Parses a format name, case-insensitively; fails with the list of known names. */
    public static OutputFormat fromName(String name)
    {
        requireNonNull(name, "name is null");
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown output format '" + name + "', expected one of " + List.of(values()), e);
        }
    }
}

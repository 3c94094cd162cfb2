package io.strata.launcher.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * presto-cli's TSV: values separated by tabs, lines ended by {@code \n}, NULL as an empty field; a
 * backslash, tab or newline inside a value is written {@code \\}, {@code \t}, {@code \n}, so every row
 * stays on one line.
 */
final class TsvPrinter
        implements OutputPrinter
{
    private final List<String> columnNames;
    private final Writer writer;
    private boolean headerPending;

    TsvPrinter(List<String> columnNames, Writer writer, boolean header)
    {
        this.columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        this.writer = requireNonNull(writer, "writer is null");
        this.headerPending = header;
    }

    @Override
    public void printRows(List<List<Object>> rows)
            throws IOException
    {
        printHeaderIfPending();
        for (List<Object> row : rows) {
            List<String> fields = new ArrayList<>(row.size());
            for (Object value : row) {
                fields.add(value == null ? "" : Values.format(value));
            }
            printLine(fields);
        }
        writer.flush();
    }

    @Override
    public void finish()
            throws IOException
    {
        printHeaderIfPending();
        writer.flush();
    }

    private void printHeaderIfPending()
            throws IOException
    {
        if (headerPending) {
            headerPending = false;
            printLine(columnNames);
        }
    }

    private void printLine(List<String> fields)
            throws IOException
    {
        for (int index = 0; index < fields.size(); index++) {
            if (index > 0) {
                writer.write('\t');
            }
            writer.write(escape(fields.get(index)));
        }
        writer.write('\n');
    }

    private static String escape(String value)
    {
        return value.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n");
    }
}

package io.strata.launcher.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * presto-cli's delimited formats: one line per row ended by {@code \n}, NULL as an empty field, the header
 * line (when asked for) encoded like the values.
 * <ul>
 * <li>CSV: every field quoted, a {@code "} inside doubled;</li>
 * <li>TSV: fields separated by tabs; a backslash, tab or newline inside a value is written {@code \\},
 * {@code \t}, {@code \n}, so every row stays on one line.</li>
 * </ul>
 */
final class DelimitedPrinter
        implements OutputPrinter
{
    private final List<String> columnNames;
    private final Writer writer;
    private final char separator;
    private final UnaryOperator<String> fieldEncoder;
    private boolean headerPending;

    private DelimitedPrinter(List<String> columnNames, Writer writer, boolean header, char separator, UnaryOperator<String> fieldEncoder)
    {
        this.columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        this.writer = requireNonNull(writer, "writer is null");
        this.headerPending = header;
        this.separator = separator;
        this.fieldEncoder = requireNonNull(fieldEncoder, "fieldEncoder is null");
    }

    static DelimitedPrinter csv(List<String> columnNames, Writer writer, boolean header)
    {
        return new DelimitedPrinter(columnNames, writer, header, ',', field -> '"' + field.replace("\"", "\"\"") + '"');
    }

    static DelimitedPrinter tsv(List<String> columnNames, Writer writer, boolean header)
    {
        return new DelimitedPrinter(columnNames, writer, header, '\t', field -> field.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n"));
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
                writer.write(separator);
            }
            writer.write(fieldEncoder.apply(fields.get(index)));
        }
        writer.write('\n');
    }
}

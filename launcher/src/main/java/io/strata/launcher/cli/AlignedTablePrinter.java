package io.strata.launcher.cli;

import org.jline.utils.WCWidth;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * presto-cli's aligned table:
 * <pre>
 *   n_name   | n_regionkey
 * -----------+-------------
 *  ALGERIA   |           0
 *  ARGENTINA |           1
 * (2 rows)
 * </pre>
 * Column names are centered, numbers right-aligned, everything else left-aligned; widths count terminal
 * cells (a CJK character takes two); a value with line breaks spans several lines, each but the last
 * ending in {@code +}. Rows are buffered and printed in batches of {@value #BATCH_ROWS}, each batch with
 * its own column widths, so that a long result neither waits for its end nor fills the heap.
 */
final class AlignedTablePrinter
        implements OutputPrinter
{
    static final int BATCH_ROWS = 10_000;

    private final List<String> columnNames;
    private final Writer writer;
    private final List<List<Object>> buffer = new ArrayList<>();
    private boolean headerPrinted;
    private long rowCount;

    AlignedTablePrinter(List<String> columnNames, Writer writer)
    {
        this.columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        this.writer = requireNonNull(writer, "writer is null");
    }

    @Override
    public void printRows(List<List<Object>> rows)
            throws IOException
    {
        for (List<Object> row : rows) {
            buffer.add(row);
            if (buffer.size() >= BATCH_ROWS) {
                printBuffer(false);
            }
        }
    }

    @Override
    public void finish()
            throws IOException
    {
        printBuffer(true);
        writer.write("(" + rowCount + (rowCount == 1 ? " row)\n" : " rows)\n"));
        writer.flush();
    }

    private void printBuffer(boolean complete)
            throws IOException
    {
        rowCount += buffer.size();
        int columns = columnNames.size();
        int[] widths = new int[columns];
        for (int column = 0; column < columns; column++) {
            widths[column] = Math.max(1, width(columnNames.get(column)));
        }
        List<List<List<String>>> lines = new ArrayList<>(buffer.size());
        for (List<Object> row : buffer) {
            List<List<String>> rowLines = new ArrayList<>(columns);
            for (int column = 0; column < columns; column++) {
                List<String> valueLines = Arrays.asList(Values.format(row.get(column)).split("\n", -1));
                rowLines.add(valueLines);
                for (String line : valueLines) {
                    widths[column] = Math.max(widths[column], width(line));
                }
            }
            lines.add(rowLines);
        }

        if (!headerPrinted) {
            headerPrinted = true;
            for (int column = 0; column < columns; column++) {
                if (column > 0) {
                    writer.write('|');
                }
                writer.write(center(columnNames.get(column), widths[column]));
            }
            writer.write('\n');
            for (int column = 0; column < columns; column++) {
                if (column > 0) {
                    writer.write('+');
                }
                writer.write("-".repeat(widths[column] + 2));
            }
            writer.write('\n');
        }

        for (int rowIndex = 0; rowIndex < buffer.size(); rowIndex++) {
            List<Object> row = buffer.get(rowIndex);
            List<List<String>> rowLines = lines.get(rowIndex);
            int lineCount = 1;
            for (List<String> valueLines : rowLines) {
                lineCount = Math.max(lineCount, valueLines.size());
            }
            for (int line = 0; line < lineCount; line++) {
                for (int column = 0; column < columns; column++) {
                    if (column > 0) {
                        writer.write('|');
                    }
                    List<String> valueLines = rowLines.get(column);
                    String text = line < valueLines.size() ? valueLines.get(line) : "";
                    String cell = align(text, widths[column], row.get(column) instanceof Number);
                    // presto-cli marks a value that continues on the next line, except in a one-row result
                    if ((!complete || rowCount > 1) && line + 1 < valueLines.size()) {
                        cell = cell.substring(0, cell.length() - 1) + "+";
                    }
                    writer.write(cell);
                }
                writer.write('\n');
            }
        }
        buffer.clear();
        writer.flush();
    }

    private static String center(String text, int width)
    {
        int left = (width - width(text)) / 2;
        int right = width - width(text) - left;
        return " ".repeat(left + 1) + text + " ".repeat(right + 1);
    }

    private static String align(String text, int width, boolean right)
    {
        String fill = " ".repeat(width - width(text));
        return right ? " " + fill + text + " " : " " + text + fill + " ";
    }

    /** Terminal cells: two for wide (e.g. CJK) characters, none for combining marks and control characters. */
    static int width(String text)
    {
        int cells = 0;
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            cells += Math.max(0, WCWidth.wcwidth(codePoint));
            index += Character.charCount(codePoint);
        }
        return cells;
    }
}

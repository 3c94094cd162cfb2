package io.strata.launcher.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestOutputFormat
{
    private static final List<String> COLUMNS = List.of("name", "key", "note");
    // a wide (CJK) name, a non-ASCII note, NULLs, a quote
    private static final List<List<Object>> ROWS = List.of(
            Arrays.asList("ALGERIA", 0, null),
            Arrays.asList("\u65E5\u672C", 12, "caf\u00E9"),
            Arrays.asList(null, null, "a\"b"));

    @Test
    void testAligned()
            throws IOException
    {
        assertThat(print(OutputFormat.ALIGNED, COLUMNS, ROWS)).isEqualTo(
                "  name   | key  | note \n" +
                "---------+------+------\n" +
                " ALGERIA |    0 | NULL \n" +
                " \u65E5\u672C    |   12 | caf\u00E9 \n" +
                " NULL    | NULL | a\"b  \n" +
                "(3 rows)\n");
    }

    @Test
    void testAlignedInBatches()
            throws IOException
    {
        StringWriter output = new StringWriter();
        OutputPrinter printer = OutputFormat.ALIGNED.createPrinter(COLUMNS, output);
        printer.printRows(ROWS.subList(0, 1));
        printer.printRows(ROWS.subList(1, 3));
        printer.finish();
        assertThat(output.toString()).isEqualTo(print(OutputFormat.ALIGNED, COLUMNS, ROWS));
    }

    @Test
    void testAlignedOneRowNoRowsAndMultiLineValues()
            throws IOException
    {
        assertThat(print(OutputFormat.ALIGNED, List.of("_col0"), List.of(List.of(1)))).isEqualTo(
                " _col0 \n" +
                "-------\n" +
                "     1 \n" +
                "(1 row)\n");
        assertThat(print(OutputFormat.ALIGNED, List.of("a", "b"), List.of())).isEqualTo(
                " a | b \n" +
                "---+---\n" +
                "(0 rows)\n");
        assertThat(print(OutputFormat.ALIGNED, List.of("text", "n"), List.of(List.of("one\ntwo", 1), List.of("three", 22)))).isEqualTo(
                " text  | n  \n" +
                "-------+----\n" +
                " one  +|  1 \n" +
                " two   |    \n" +
                " three | 22 \n" +
                "(2 rows)\n");
    }

    @Test
    void testAlignedStructuredValues()
            throws IOException
    {
        assertThat(print(OutputFormat.ALIGNED, List.of("array", "map"), List.of(List.of(Arrays.asList(1, null), Map.of("k", "v"))))).isEqualTo(
                "   array   |  map  \n" +
                "-----------+-------\n" +
                " [1, NULL] | {k=v} \n" +
                "(1 row)\n");
    }

    @Test
    void testCsv()
            throws IOException
    {
        assertThat(print(OutputFormat.CSV, COLUMNS, ROWS)).isEqualTo(
                "\"ALGERIA\",\"0\",\"\"\n" +
                "\"\u65E5\u672C\",\"12\",\"caf\u00E9\"\n" +
                "\"\",\"\",\"a\"\"b\"\n");
        assertThat(print(OutputFormat.CSV_HEADER, COLUMNS, ROWS)).isEqualTo(
                "\"name\",\"key\",\"note\"\n" +
                "\"ALGERIA\",\"0\",\"\"\n" +
                "\"\u65E5\u672C\",\"12\",\"caf\u00E9\"\n" +
                "\"\",\"\",\"a\"\"b\"\n");
        assertThat(print(OutputFormat.CSV_HEADER, COLUMNS, List.of())).isEqualTo("\"name\",\"key\",\"note\"\n");
        assertThat(print(OutputFormat.CSV, COLUMNS, List.of())).isEmpty();
    }

    @Test
    void testTsv()
            throws IOException
    {
        assertThat(print(OutputFormat.TSV, COLUMNS, ROWS)).isEqualTo(
                "ALGERIA\t0\t\n" +
                "\u65E5\u672C\t12\tcaf\u00E9\n" +
                "\t\ta\"b\n");
        assertThat(print(OutputFormat.TSV_HEADER, List.of("a", "b"), List.of(List.of("tab\there", "back\\slash\nnewline")))).isEqualTo(
                "a\tb\n" +
                "tab\\there\tback\\\\slash\\nnewline\n");
    }

    @Test
    void testJson()
            throws IOException
    {
        assertThat(print(OutputFormat.JSON, COLUMNS, ROWS)).isEqualTo(
                "{\"name\":\"ALGERIA\",\"key\":0,\"note\":null}\n" +
                "{\"name\":\"\u65E5\u672C\",\"key\":12,\"note\":\"caf\u00E9\"}\n" +
                "{\"name\":null,\"key\":null,\"note\":\"a\\\"b\"}\n");
        assertThat(print(OutputFormat.JSON, List.of("d", "list", "flag"), List.of(List.of("1.50", List.of(1, 2), true)))).isEqualTo(
                "{\"d\":\"1.50\",\"list\":[1,2],\"flag\":true}\n");
    }

    @Test
    void testFromName()
    {
        assertThat(OutputFormat.fromName("csv_header")).isEqualTo(OutputFormat.CSV_HEADER);
        assertThatThrownBy(() -> OutputFormat.fromName("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown output format 'xml', expected one of [ALIGNED, CSV, CSV_HEADER, TSV, TSV_HEADER, JSON]");
    }

    private static String print(OutputFormat format, List<String> columns, List<List<Object>> rows)
            throws IOException
    {
        StringWriter output = new StringWriter();
        OutputPrinter printer = format.createPrinter(columns, output);
        printer.printRows(rows);
        printer.finish();
        return output.toString();
    }
}

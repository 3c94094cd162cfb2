package io.strata.launcher.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * presto-cli's JSON: one object per row and line, {@code {"column":value,...}} in column order, values as
 * the client decoded them (numbers, strings, booleans, arrays, objects, {@code null}); non-ASCII text is
 * written as it is, not escaped.
 */
final class JsonPrinter
        implements OutputPrinter
{
    private static final JsonFactory JSON_FACTORY = new ObjectMapper()
            .getFactory()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final List<String> columnNames;
    private final Writer writer;

    JsonPrinter(List<String> columnNames, Writer writer)
    {
        this.columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        this.writer = requireNonNull(writer, "writer is null");
    }

    @Override
    public void printRows(List<List<Object>> rows)
            throws IOException
    {
        for (List<Object> row : rows) {
            // a generator per row: fields are written in column order, and duplicate column names survive
            try (JsonGenerator generator = JSON_FACTORY.createGenerator(writer)) {
                generator.writeStartObject();
                for (int index = 0; index < row.size(); index++) {
                    generator.writeFieldName(columnNames.get(index));
                    generator.writeObject(row.get(index));
                }
                generator.writeEndObject();
            }
            writer.write('\n');
        }
        writer.flush();
    }

    @Override
    public void finish()
            throws IOException
    {
        writer.flush();
    }
}

package io.strata.sql.parser;

import io.strata.sql.formatter.SqlFormatter;
import io.strata.sql.tree.Query;
import io.strata.sql.tree.Statement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

public class TestTpchQueries
{
    private static final SqlParser PARSER = new SqlParser();

    @Test
    public void testAllQueriesParseAndRoundTrip()
            throws IOException
    {
        List<Path> queries = queryFiles();
        assertThat(queries).hasSize(22);
        for (Path file : queries) {
            String sql = Files.readString(file, UTF_8);
            Statement statement = PARSER.createStatement(sql);
            assertThat(statement).as(file.toString()).isInstanceOf(Query.class);

            String formatted = SqlFormatter.formatSql(statement);
            Statement reparsed = PARSER.createStatement(formatted);
            assertThat(reparsed).as(file + " formatted as\n" + formatted).isEqualTo(statement);
            assertThat(SqlFormatter.formatSql(reparsed)).as(file.toString()).isEqualTo(formatted);
        }
    }

    private static List<Path> queryFiles()
            throws IOException
    {
        Path directory = sharedDirectory().resolve("tpch/queries");
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("q\\d\\d\\.sql"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static Path sharedDirectory()
    {
        String configured = System.getProperty("strata.shared.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        // run outside Maven: the module is engine/parser in a checkout that sits beside shared/
        return Path.of("../../../shared");
    }
}

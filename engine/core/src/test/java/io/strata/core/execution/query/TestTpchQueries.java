package io.strata.core.execution.query;

import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.execution.OutputColumn;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.execution.testing.TestingQueryRunner;
import io.strata.core.execution.testing.TestingQueryRunner.MaterializedResult;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All 22 TPC-H queries, as text, through the whole front end (parse, analyze, plan, optimize) and the engine over
 * the tpch connector's {@code tiny} schema, compared with the reference answers in {@code ../shared/tpch} by its
 * README's rules: strings and integers exactly, numbers with a relative tolerance of 1e-6, a DECIMAL result against
 * the reference rounded half up to the result's scale (DuckDB computes {@code avg} and decimal division in DOUBLE),
 * rows in the reference's order where the outermost ORDER BY fixes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestTpchQueries
{
    private static final double RELATIVE_TOLERANCE = 1e-6;

    private TestingQueryRunner runner;
    private Path tpchDirectory;

    @BeforeAll
    void setUp()
    {
        runner = new TestingQueryRunner(List.of(new TpchConnectorFactory()), Map.of("tpch", Map.of("connector.name", "tpch")),
                TaskManagerConfig.defaults().withWorkerThreads(2));
        tpchDirectory = Paths.get(System.getProperty("strata.shared.dir"), "tpch");
    }

    @AfterAll
    void tearDown()
    {
        runner.close();
    }

    static List<Integer> queries()
    {
        return IntStream.rangeClosed(1, 22).boxed().toList();
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("queries")
    void testQuery(int number)
    {
        String name = String.format(Locale.ENGLISH, "q%02d", number);
        String sql = read(tpchDirectory.resolve("queries").resolve(name + ".sql")).strip();
        List<String> lines = read(tpchDirectory.resolve("answers").resolve("sf0.01").resolve(name + ".csv")).lines().toList();
        List<List<String>> expected = lines.subList(1, lines.size()).stream().map(TestTpchQueries::split).toList();

        MaterializedResult result = runner.execute("tpch", "tiny", sql);

        List<Type> types = result.columns().stream().map(OutputColumn::type).toList();
        assertThat(types).as(name + " columns").hasSize(split(lines.get(0)).size());
        List<List<String>> actual = result.rows().stream().map(row -> normalize(row, types)).toList();
        List<List<String>> reference = expected.stream().map(row -> normalizeReference(row, types)).toList();
        if (!isOrdered(sql)) {
            actual = sorted(actual);
            reference = sorted(reference);
        }
        assertThat(actual).as(name).hasSameSizeAs(reference);
        for (int row = 0; row < reference.size(); row++) {
            for (int column = 0; column < types.size(); column++) {
                String actualValue = actual.get(row).get(column);
                String expectedValue = reference.get(row).get(column);
                if (types.get(column) instanceof DoubleType && actualValue != null && expectedValue != null) {
                    double a = Double.parseDouble(actualValue);
                    double e = Double.parseDouble(expectedValue);
                    assertThat(Math.abs(a - e)).as(name + " row " + row + " column " + column + ": " + a + " vs " + e)
                            .isLessThanOrEqualTo(RELATIVE_TOLERANCE * Math.max(Math.abs(e), 1e-9));
                }
                else {
                    assertThat(actualValue).as(name + " row " + row + " column " + column).isEqualTo(expectedValue);
                }
            }
        }
    }

    private static List<String> normalize(List<Object> row, List<Type> types)
    {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            if (value == null) {
                values.add(null);
            }
            else if (value instanceof BigDecimal decimal) {
                values.add(decimal.toPlainString());
            }
            else {
                values.add(value.toString());
            }
        }
        return values;
    }

    /** The reference's value as our result's type prints it: decimals rounded half up to the result's scale. */
    private static List<String> normalizeReference(List<String> row, List<Type> types)
    {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            String value = row.get(i);
            if (value.isEmpty()) {
                values.add(null);
            }
            else if (types.get(i) instanceof DecimalType decimal) {
                values.add(new BigDecimal(value).setScale(decimal.scale(), RoundingMode.HALF_UP).toPlainString());
            }
            else {
                values.add(value);
            }
        }
        return values;
    }

    private static List<List<String>> sorted(List<List<String>> rows)
    {
        return rows.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }

    private static boolean isOrdered(String sql)
    {
        StringBuilder outermost = new StringBuilder();
        int depth = 0;
        for (char c : sql.toCharArray()) {
            if (c == '(') {
                depth++;
            }
            else if (c == ')') {
                depth--;
            }
            else if (depth == 0) {
                outermost.append(c);
            }
        }
        return outermost.toString().toUpperCase(Locale.ENGLISH).matches("(?s).*\\bORDER\\s+BY\\b.*");
    }

    private static List<String> split(String line)
    {
        return List.of(line.split("\\|", -1));
    }

    private static String read(Path path)
    {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

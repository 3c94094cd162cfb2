package io.strata.launcher.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.lang.String.format;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The TPC-H queries and reference answers of the shared directory ({@code <strata.shared.dir>/tpch}), and the
 * comparison its README prescribes: the same number of columns and rows; rows in the reference's order when the
 * query's outermost {@code ORDER BY} fixes it, matched in any order otherwise; integers and strings exactly;
 * floating point numbers with a relative tolerance of 1e-6; a DECIMAL column of ours against the reference rounded
 * half-up to the column's scale (DuckDB computes {@code avg} and decimal division in DOUBLE, Presto's rules give a
 * DECIMAL); an empty reference field is NULL.
 * <p>
 * Column names are compared, ignoring case, only where our engine names the column itself: the reference heads the
 * unnamed sixth column of q18 {@code sum}, Presto calls it {@code _col5}.
 */
public final class TpchAnswers
{
    /** The relative tolerance for floating point numbers, from the README. */
    static final double RELATIVE_TOLERANCE = 1e-6;
    /**
     * Slack for a reference computed in DOUBLE that lies on a rounding tie: DuckDB's {@code avg} of decimals is one
     * division of an exact sum, so its relative error is a few ulps; far below this.
     */
    private static final double TIE_RELATIVE_SLACK = 1e-12;
    private static final int MAX_REPORTED_MISMATCHES = 20;
    private static final Pattern ORDER_BY = Pattern.compile("\\bORDER\\s+BY\\b");

    private final Path tpchDirectory;
    private final String scale;

    private TpchAnswers(Path tpchDirectory, String scale)
    {
        this.tpchDirectory = requireNonNull(tpchDirectory, "tpchDirectory is null");
        this.scale = requireNonNull(scale, "scale is null");
        Path answers = answerDirectory();
        if (!Files.isDirectory(answers)) {
            throw new IllegalArgumentException("no reference answers for scale " + scale + ": " + answers + " is not a directory");
        }
    }

    /**
     * The queries and answers at a scale, {@code sf0.01} for the {@code tiny} schema, from the directory the build
     * passes in system property {@code strata.shared.dir}.
     */
    public static TpchAnswers forScale(String scale)
    {
        String sharedDirectory = System.getProperty("strata.shared.dir");
        if (sharedDirectory == null) {
            throw new IllegalStateException("system property strata.shared.dir is not set; the parent pom passes it to surefire");
        }
        return new TpchAnswers(Paths.get(sharedDirectory, "tpch"), scale);
    }

    static TpchAnswers forScale(Path tpchDirectory, String scale)
    {
        return new TpchAnswers(tpchDirectory, scale);
    }

    public String scale()
    {
        return scale;
    }

    /** {@code q01} for 1. */
    public static String queryName(int number)
    {
        if (number < 1 || number > 22) {
            throw new IllegalArgumentException("TPC-H has queries 1 to 22, not " + number);
        }
        return format("q%02d", number);
    }

    /** The text of a query: one statement, no terminator, unqualified table names. */
    public String query(int number)
    {
        return read(tpchDirectory.resolve("queries").resolve(queryName(number) + ".sql")).strip();
    }

    public ReferenceAnswer answer(int number)
    {
        Path file = answerDirectory().resolve(queryName(number) + ".csv");
        List<String> lines = read(file).lines().toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException(file + " has no header line");
        }
        List<String> header = split(lines.get(0));
        List<List<String>> rows = new ArrayList<>();
        for (int line = 1; line < lines.size(); line++) {
            List<String> row = split(lines.get(line));
            if (row.size() != header.size()) {
                throw new IllegalStateException(format("%s line %s has %s fields, the header %s", file, line + 1, row.size(), header.size()));
            }
            rows.add(row);
        }
        return new ReferenceAnswer(header, rows);
    }

    /**
     * Reads the whole result set and asserts it against the reference answer of the query.
     *
     * @throws AssertionError naming the query, and for each difference the row, the column, the expected and the actual value
     */
    public void assertResult(int number, ResultSet resultSet)
            throws SQLException
    {
        assertMatches(queryName(number) + " at " + scale, isOrdered(query(number)), answer(number), ActualResult.read(resultSet));
    }

    /** Whether the statement's outermost query has an {@code ORDER BY}, i.e. one outside every parenthesis. */
    static boolean isOrdered(String sql)
    {
        StringBuilder outermost = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inString = !inString;
            }
            else if (!inString && c == '(') {
                depth++;
            }
            else if (!inString && c == ')') {
                depth--;
            }
            else if (!inString && depth == 0) {
                outermost.append(c);
            }
        }
        return ORDER_BY.matcher(outermost.toString().toUpperCase(Locale.ENGLISH)).find();
    }

    static void assertMatches(String queryName, boolean ordered, ReferenceAnswer expected, ActualResult actual)
    {
        List<ActualColumn> columns = actual.columns();
        if (columns.size() != expected.columnNames().size()) {
            throw new AssertionError(format("%s: expected %s columns %s but the result has %s: %s",
                    queryName, expected.columnNames().size(), expected.columnNames(), columns.size(), actual.describeColumns()));
        }
        List<String> mismatches = new ArrayList<>();
        for (int column = 0; column < columns.size(); column++) {
            String label = columns.get(column).label();
            String referenceName = expected.columnNames().get(column);
            if (!label.startsWith("_col") && !label.equalsIgnoreCase(referenceName)) {
                mismatches.add(format("column %s: expected name %s, actual %s", column + 1, referenceName, label));
            }
        }
        if (actual.rows().size() != expected.rows().size()) {
            throw new AssertionError(format("%s: expected %s rows but the result has %s%s%n  expected first rows: %s%n  actual first rows:   %s",
                    queryName, expected.rows().size(), actual.rows().size(), mismatches.isEmpty() ? "" : " (and " + mismatches + ")",
                    firstRows(expected.rows()), firstRows(actual.rows())));
        }
        if (ordered) {
            for (int row = 0; row < expected.rows().size(); row++) {
                for (int column = 0; column < columns.size(); column++) {
                    String expectedValue = expected.rows().get(row).get(column);
                    Object actualValue = actual.rows().get(row).get(column);
                    Optional<String> mismatch = mismatch(columns.get(column), expectedValue, actualValue);
                    if (mismatch.isPresent()) {
                        mismatches.add(format("row %s column %s %s (%s): %s", row + 1, column + 1, columns.get(column).label(), columns.get(column).typeName(), mismatch.get()));
                    }
                }
            }
        }
        else {
            boolean[] used = new boolean[actual.rows().size()];
            for (int row = 0; row < expected.rows().size(); row++) {
                int match = findMatch(columns, expected.rows().get(row), actual.rows(), used);
                if (match < 0) {
                    mismatches.add(format("reference row %s %s has no equal row in the result", row + 1, expected.rows().get(row)));
                }
                else {
                    used[match] = true;
                }
            }
            if (!mismatches.isEmpty()) {
                List<List<Object>> unmatched = new ArrayList<>();
                for (int row = 0; row < used.length; row++) {
                    if (!used[row]) {
                        unmatched.add(actual.rows().get(row));
                    }
                }
                mismatches.add("result rows left unmatched: " + firstRows(unmatched));
            }
        }
        if (!mismatches.isEmpty()) {
            StringBuilder message = new StringBuilder(format("%s: %s difference(s) from the reference answer (%s)", queryName, mismatches.size(), ordered ? "ordered" : "unordered"));
            mismatches.stream().limit(MAX_REPORTED_MISMATCHES).forEach(mismatch -> message.append(format("%n  ")).append(mismatch));
            if (mismatches.size() > MAX_REPORTED_MISMATCHES) {
                message.append(format("%n  ... %s more", mismatches.size() - MAX_REPORTED_MISMATCHES));
            }
            throw new AssertionError(message.toString());
        }
    }

    private static int findMatch(List<ActualColumn> columns, List<String> expectedRow, List<List<Object>> actualRows, boolean[] used)
    {
        for (int candidate = 0; candidate < actualRows.size(); candidate++) {
            if (used[candidate]) {
                continue;
            }
            boolean matches = true;
            for (int column = 0; column < columns.size() && matches; column++) {
                matches = mismatch(columns.get(column), expectedRow.get(column), actualRows.get(candidate).get(column)).isEmpty();
            }
            if (matches) {
                return candidate;
            }
        }
        return -1;
    }

    /** Why a value differs from the reference's field, or empty when it matches. */
    static Optional<String> mismatch(ActualColumn column, String expected, Object actual)
    {
        if (expected.isEmpty() || actual == null) {
            if (expected.isEmpty() && actual == null) {
                return Optional.empty();
            }
            return Optional.of(format("expected %s, actual %s", expected.isEmpty() ? "NULL" : expected, actual == null ? "NULL" : render(actual)));
        }
        return switch (column.kind()) {
            case INTEGER -> mismatchExact(expected, actual);
            case DECIMAL -> mismatchDecimal(column.scale(), expected, (BigDecimal) actual);
            case FLOATING -> mismatchFloating(expected, ((Number) actual).doubleValue());
            case TEXT -> expected.equals(actual) ? Optional.empty() : Optional.of(format("expected '%s', actual '%s'", expected, actual));
        };
    }

    private static Optional<String> mismatchExact(String expected, Object actual)
    {
        BigDecimal expectedNumber = parse(expected);
        if (expectedNumber != null && expectedNumber.compareTo(new BigDecimal(actual.toString())) == 0) {
            return Optional.empty();
        }
        return Optional.of(format("expected %s, actual %s", expected, actual));
    }

    private static Optional<String> mismatchDecimal(int scale, String expected, BigDecimal actual)
    {
        BigDecimal reference = parse(expected);
        if (reference == null) {
            return Optional.of(format("expected %s (not a number), actual %s", expected, actual.toPlainString()));
        }
        if (reference.scale() <= scale) {
            if (reference.compareTo(actual) == 0) {
                return Optional.empty();
            }
            return Optional.of(format("expected %s, actual %s", expected, actual.toPlainString()));
        }
        BigDecimal rounded = reference.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.compareTo(actual) == 0) {
            return Optional.empty();
        }
        // the reference came from a DOUBLE: on a tie its last bits may fall on either side, so accept either rounding
        BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(scale).divide(BigDecimal.valueOf(2));
        BigDecimal slack = reference.abs().multiply(BigDecimal.valueOf(TIE_RELATIVE_SLACK));
        if (actual.subtract(reference).abs().compareTo(halfUnit.add(slack)) <= 0) {
            return Optional.empty();
        }
        return Optional.of(format("expected %s (reference %s rounded half-up to scale %s), actual %s", rounded.toPlainString(), expected, scale, actual.toPlainString()));
    }

    private static Optional<String> mismatchFloating(String expected, double actual)
    {
        double reference;
        try {
            reference = Double.parseDouble(expected);
        }
        catch (NumberFormatException e) {
            return Optional.of(format("expected %s (not a number), actual %s", expected, actual));
        }
        if (Double.compare(reference, actual) == 0) {
            return Optional.empty();
        }
        double difference = Math.abs(reference - actual);
        if (difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(reference), Math.abs(actual))) {
            return Optional.empty();
        }
        return Optional.of(format("expected %s, actual %s (relative difference %.3g, tolerance %s)",
                expected, actual, difference / Math.max(Math.abs(reference), Math.abs(actual)), RELATIVE_TOLERANCE));
    }

    private static BigDecimal parse(String number)
    {
        try {
            return new BigDecimal(number);
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static String render(Object value)
    {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    private static String firstRows(List<? extends List<?>> rows)
    {
        List<String> rendered = new ArrayList<>();
        for (List<?> row : rows.subList(0, Math.min(rows.size(), 3))) {
            List<String> values = new ArrayList<>();
            for (Object value : row) {
                values.add(value == null ? "NULL" : render(value));
            }
            rendered.add(String.join("|", values));
        }
        return rendered + (rows.size() > 3 ? " ..." : "");
    }

    private static List<String> split(String line)
    {
        return Arrays.asList(line.split("\\|", -1));
    }

    private Path answerDirectory()
    {
        return tpchDirectory.resolve("answers").resolve(scale);
    }

    private static String read(Path file)
    {
        try {
            return Files.readString(file, UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A reference answer: the header's column names and the rows' fields, an empty field standing for NULL. */
    public record ReferenceAnswer(List<String> columnNames, List<List<String>> rows)
    {
        public ReferenceAnswer
        {
            columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** How a column's values are compared. */
    enum Kind
    {
        INTEGER, DECIMAL, FLOATING, TEXT;

        static Kind of(int jdbcType)
        {
            return switch (jdbcType) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
                case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
                case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOATING;
                default -> TEXT;
            };
        }
    }

    /** A result column as the driver describes it. */
    public record ActualColumn(String label, String typeName, Kind kind, int scale)
    {
        public ActualColumn
        {
            requireNonNull(label, "label is null");
            requireNonNull(typeName, "typeName is null");
            requireNonNull(kind, "kind is null");
        }
    }

    /**
     * A whole result read through JDBC: integers as {@link Long}, decimals as {@link BigDecimal}, floating point
     * numbers as {@link Double}, everything else (dates included) as the driver's string, so that a date is compared
     * as the {@code yyyy-MM-dd} text the protocol carries, untouched by the JVM's time zone.
     */
    public record ActualResult(List<ActualColumn> columns, List<List<Object>> rows)
    {
        public ActualResult
        {
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            // rows hold NULLs: copy without List.copyOf
            rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
        }

        public static ActualResult read(ResultSet resultSet)
                throws SQLException
        {
            ResultSetMetaData metaData = resultSet.getMetaData();
            List<ActualColumn> columns = new ArrayList<>();
            for (int column = 1; column <= metaData.getColumnCount(); column++) {
                columns.add(new ActualColumn(
                        metaData.getColumnLabel(column),
                        String.valueOf(metaData.getColumnTypeName(column)),
                        Kind.of(metaData.getColumnType(column)),
                        metaData.getScale(column)));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns.size(); column++) {
                    row.add(value(resultSet, column, columns.get(column - 1).kind()));
                }
                rows.add(row);
            }
            return new ActualResult(columns, rows);
        }

        private static Object value(ResultSet resultSet, int column, Kind kind)
                throws SQLException
        {
            Object value = switch (kind) {
                case INTEGER -> resultSet.getLong(column);
                case DECIMAL -> resultSet.getBigDecimal(column);
                case FLOATING -> resultSet.getDouble(column);
                case TEXT -> resultSet.getString(column);
            };
            return resultSet.wasNull() ? null : value;
        }

        String describeColumns()
        {
            List<String> described = new ArrayList<>();
            for (ActualColumn column : columns) {
                described.add(column.label() + " " + column.typeName());
            }
            return described.toString();
        }
    }
}

package io.strata.core.execution.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of both engines as text they agree on, for suites that compare the engine's answer with DuckDB's:
 * numbers without trailing zeros, dates ISO, NULL as null.
 */
public final class DuckDbRows
{
    private DuckDbRows() {}

    /** DuckDB's answer to the query, normalized. */
    public static List<List<String>> query(Connection duckDb, String sql)
            throws SQLException
    {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = duckDb.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(resultSet.getObject(column));
                }
                rows.add(normalize(row));
            }
        }
        return rows;
    }

    public static List<String> normalize(List<Object> row)
    {
        List<String> values = new ArrayList<>();
        for (Object value : row) {
            if (value == null) {
                values.add(null);
            }
            else if (value instanceof BigDecimal decimal) {
                values.add(decimal.stripTrailingZeros().toPlainString());
            }
            else if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)) {
                values.add(new BigDecimal(number.toString()).toPlainString());
            }
            else {
                values.add(value.toString());
            }
        }
        return values;
    }
}

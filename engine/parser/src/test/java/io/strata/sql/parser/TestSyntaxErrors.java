package io.strata.sql.parser;

import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.sql.tree.Statement;
import org.junit.jupiter.api.Test;

import static io.strata.protocol.ErrorCode.STATEMENT_TOO_LARGE;
import static io.strata.protocol.ErrorCode.SYNTAX_ERROR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

public class TestSyntaxErrors
{
    private static final SqlParser PARSER = new SqlParser();

    @Test
    public void testMisspelledFrom()
    {
        assertError("SELECT * FORM t", 1, 10,
                "mismatched input 'FORM'. Expecting: ',', 'FROM', 'WHERE', 'GROUP', 'HAVING', 'INTERSECT', 'EXCEPT', 'UNION', 'ORDER', 'OFFSET', 'LIMIT', 'FETCH', <EOF>; did you mean FROM?");
        // FORM is taken as an alias of a, so the parse fails one token later
        assertErrorStartsWith("SELECT a FORM t", 1, 15, "mismatched input 't'. Expecting: ',', 'FROM',");
        assertErrorEndsWith("SELECT a FORM t", "; did you mean FROM instead of 'FORM'?");
        assertErrorEndsWith("SELECT a FROM t WHER a = 1", "; did you mean WHERE instead of 'WHER'?");
        assertError("SELCT 1", 1, 1,
                "mismatched input 'SELCT'. Expecting: <query>, 'USE', 'CREATE', 'DROP', 'INSERT', 'EXPLAIN', 'SHOW', 'DESCRIBE', 'DESC', 'SET', 'RESET', 'START', 'COMMIT', 'ROLLBACK', 'PREPARE', ...; did you mean SELECT?");
    }

    @Test
    public void testDoubleEqualsAndMissingComma()
    {
        assertErrorEndsWith("SELECT * FROM t WHERE a == 1", "; SQL compares with a single '=': write '=' instead of '=='");
        assertErrorStartsWith("SELECT * FROM t WHERE a == 1", 1, 26, "mismatched input '='.");
        assertErrorStartsWith("SELECT a b c FROM t", 1, 12, "mismatched input 'c'. Expecting: ");
        assertErrorEndsWith("SELECT a b c FROM t", "; is a ',' missing before 'b'?");
    }

    @Test
    public void testMissingFrom()
    {
        assertErrorStartsWith("SELECT * lineitem", 1, 10, "mismatched input 'lineitem'. Expecting: ',', 'FROM'");
        assertErrorEndsWith("SELECT * lineitem", "; is FROM missing before 'lineitem'?");
    }

    @Test
    public void testReservedWordAsName()
    {
        assertError("SELECT a AS from", 1, 13, "mismatched input 'from'. Expecting: <identifier>; 'from' is a reserved word: write \"from\" to use it as a name");
        assertError("select a, from t", 1, 11, "mismatched input 'from'. Expecting: <expression>, '*'; is there an extra ',' before 'from'?");
        assertError("SELECT CASE WHEN a THEN END", 1, 25, "mismatched input 'END'. Expecting: <expression>");
        assertError("SELECT a FROM select", 1, 15, "mismatched input 'select'. Expecting: <identifier>, '('; 'select' is a reserved word: write \"select\" to use it as a name");
    }

    @Test
    public void testErrorsAtTheEnd()
    {
        assertError("SELECT * FROM t WHERE", 1, 22, "mismatched input '<EOF>'. Expecting: <expression>");
        assertError("SELECT", 1, 7, "mismatched input '<EOF>'. Expecting: 'ALL', 'DISTINCT', <expression>, '*'");
        assertError("SELECT a FROM t GROUP a", 1, 23, "mismatched input 'a'. Expecting: 'BY'");
        assertError("SELECT (1 + 2 FROM t", 1, 15, "mismatched input 'FROM'. Expecting: '[', '.', '*', '/', '%', '+', '-', '||', 'AT', '=', '<>', '<', '<=', '>', '>=', ...");
        assertErrorStartsWith("SELECT * FROM t LIMIT x", 1, 23, "mismatched input 'x'. Expecting: ");
        assertErrorStartsWith("SELECT a FROM t WHERE a IN ()", 1, 29, "mismatched input ')'. Expecting: <expression>, <query>");
        assertErrorStartsWith("SELECT a FROM t WHERE x = = 1", 1, 27, "mismatched input '='. Expecting: <expression>, 'ALL', 'ANY', 'SOME'");
        assertErrorStartsWith("SELECT # FROM t", 1, 8, "mismatched input '#'.");
    }

    @Test
    public void testMultiLineStatements()
    {
        assertErrorStartsWith("SELECT a,\n  b\nFROM t\nWHERE a = = 1", 4, 11, "mismatched input '='");
        assertErrorStartsWith("SELECT\n\ta\nFROM\n\tt\nORDER a", 5, 7, "mismatched input 'a'. Expecting: 'BY'");
        assertError("SELECT a\nFROM t\nWHERE b = 'abc\n", 3, 11, "unterminated string literal: a quote ' is not closed");
    }

    @Test
    public void testLexicalMistakes()
    {
        assertError("SELECT 'abc", 1, 8, "unterminated string literal: a quote ' is not closed");
        assertError("SELECT \"abc FROM t", 1, 8, "unterminated quoted identifier: a quote \" is not closed");
        assertError("SELECT 1 /* comment", 1, 10, "unterminated comment: /* is not closed by */");
        assertError("SELECT `a` FROM t", 1, 8, "backquoted identifiers are not supported; use double quotes to quote identifiers");
        assertError("SELECT a FROM `t", 1, 15, "backquoted identifiers are not supported; use double quotes to quote identifiers");
        assertError("SELECT 1a FROM t", 1, 8, "identifiers must not start with a digit; surround the identifier with double quotes");
        assertError("SELECT \"\" FROM t", 1, 8, "zero-length delimited identifier not allowed");
    }

    @Test
    public void testSemicolons()
    {
        assertError("SELECT 1;", 1, 9, "statement must not end with ';'");
        assertError("SELECT 1\n;\n-- done", 2, 1, "statement must not end with ';'");
        assertError("SELECT 1; SELECT 2", 1, 9, "only one statement can be run at a time: found ';' before the end");
    }

    @Test
    public void testEmptyStatement()
    {
        assertError("", 1, 1, "Statement is empty");
        assertError("  -- nothing here\n", 2, 1, "Statement is empty");
        StrataException expression = catchThrowableOfType(StrataException.class, () -> PARSER.createExpression(" "));
        assertThat(expression.rawMessage()).isEqualTo("Expression is empty");
    }

    @Test
    public void testInvalidValues()
    {
        assertError("SELECT 9223372036854775808", 1, 8, "invalid numeric literal: 9223372036854775808 is out of the range of bigint");
        assertError("SELECT 1e999", 1, 8, "invalid numeric literal: 1e999 is out of the range of double");
        assertError("SELECT x FROM t LIMIT 99999999999999999999", 1, 23, "invalid numeric literal: 99999999999999999999 is out of the range of bigint");
        assertError("SELECT EXTRACT(foo FROM x)", 1, 16, "invalid EXTRACT field: foo");
        assertError("SELECT if(a) FROM t", 1, 8, "if() takes two or three arguments");
        assertError("SELECT coalesce(a) FROM t", 1, 8, "coalesce() takes at least two arguments");
        assertError("SELECT nullif(DISTINCT a, b) FROM t", 1, 15, "DISTINCT is not allowed in nullif()");
    }

    @Test
    public void testStatementTooLarge()
    {
        int depth = 10_000;
        String sql = "SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth);
        try {
            Statement statement = PARSER.createStatement(sql);
            assertThat(statement).isNotNull();
        }
        catch (StrataException e) {
            assertThat(e.errorCode()).isEqualTo(STATEMENT_TOO_LARGE);
            assertThat(e.getMessage()).isEqualTo("Statement is too large (more than 1000 nested parentheses)");
        }

        // deep, but not too deep to parse on a thread of the default stack size
        String nested = "SELECT " + "(".repeat(300) + "1" + ")".repeat(300);
        assertThat(PARSER.createStatement(nested)).isEqualTo(PARSER.createStatement("SELECT 1"));
    }

    @Test
    public void testDeepErrorIsStillReported()
    {
        StringBuilder sql = new StringBuilder("SELECT a FROM t WHERE a = 0");
        for (int i = 1; i < 2000; i++) {
            sql.append(" OR a = ").append(i);
        }
        sql.append(" GARBAGE");
        StrataException e = catchThrowableOfType(StrataException.class, () -> PARSER.createStatement(sql.toString()));
        assertThat(e.errorCode()).isEqualTo(SYNTAX_ERROR);
        assertThat(e.location()).contains(new Location(1, sql.length() - "GARBAGE".length() + 1));
    }

    private static void assertError(String sql, int line, int column, String message)
    {
        StrataException e = parseError(sql);
        assertThat(e.rawMessage()).as(sql).isEqualTo(message);
        assertThat(e.location()).as(sql).contains(new Location(line, column));
        assertThat(e.getMessage()).isEqualTo("line " + line + ":" + column + ": " + message);
    }

    private static void assertErrorStartsWith(String sql, int line, int column, String prefix)
    {
        StrataException e = parseError(sql);
        assertThat(e.rawMessage()).as(sql).startsWith(prefix);
        assertThat(e.location()).as(sql).contains(new Location(line, column));
    }

    private static void assertErrorEndsWith(String sql, String suffix)
    {
        assertThat(parseError(sql).rawMessage()).as(sql).endsWith(suffix);
    }

    private static StrataException parseError(String sql)
    {
        StrataException e = catchThrowableOfType(StrataException.class, () -> PARSER.createStatement(sql));
        assertThat(e).as(sql).isNotNull();
        assertThat(e.errorCode()).as(sql).isEqualTo(ErrorCode.SYNTAX_ERROR);
        return e;
    }

    @Test
    public void testStackOverflowBecomesStatementTooLarge()
            throws InterruptedException
    {
        // a small stack makes the overflow certain, whatever stack size the test JVM has
        String sql = "SELECT " + "(".repeat(900) + "x" + ")".repeat(900);
        Throwable[] thrown = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                PARSER.createStatement(sql);
            }
            catch (Throwable e) {
                thrown[0] = e;
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        assertThat(thrown[0]).isInstanceOfSatisfying(StrataException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(STATEMENT_TOO_LARGE);
            assertThat(e.getMessage()).isEqualTo("Statement is too large (stack overflow while parsing)");
        });
        // the parser still works after a stack overflow
        assertThat(PARSER.createStatement("SELECT ((1))")).isEqualTo(PARSER.createStatement("SELECT 1"));
    }
}

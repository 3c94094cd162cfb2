package io.strata.launcher.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestStatementSplitter
{
    @Test
    void testSplit()
    {
        StatementSplitter split = StatementSplitter.split("SELECT 1; SELECT 'a;b' AS \"x;y\";\n-- c;omment\nSELECT /* ; */ 2;;  SELECT 3");
        assertThat(split.statements()).containsExactly("SELECT 1", "SELECT 'a;b' AS \"x;y\"", "-- c;omment\nSELECT /* ; */ 2");
        assertThat(split.remainder()).isEqualTo("  SELECT 3");
        assertThat(split.isComplete()).isFalse();
        assertThat(split.allStatements()).containsExactly("SELECT 1", "SELECT 'a;b' AS \"x;y\"", "-- c;omment\nSELECT /* ; */ 2", "SELECT 3");
    }

    @Test
    void testEscapedQuotes()
    {
        assertThat(StatementSplitter.split("SELECT 'it''s;'; SELECT \"a\"\";\"").allStatements())
                .containsExactly("SELECT 'it''s;'", "SELECT \"a\"\";\"");
    }

    @Test
    void testCompleteness()
    {
        assertThat(StatementSplitter.split("SELECT 1;").isComplete()).isTrue();
        assertThat(StatementSplitter.split("SELECT 1;  -- done\n").isComplete()).isTrue();
        assertThat(StatementSplitter.split("SELECT 1").isComplete()).isFalse();
        assertThat(StatementSplitter.split("SELECT 'open;").isComplete()).isFalse();
        assertThat(StatementSplitter.split("SELECT 1; /* open").isComplete()).isFalse();
        assertThat(StatementSplitter.split("  \n").allStatements()).isEmpty();
        assertThat(StatementSplitter.split("-- only a comment").allStatements()).isEmpty();
    }

    @Test
    void testConsoleCommands()
    {
        assertThat(SqlLineParser.consoleCommand(" QUIT ")).isEqualTo("quit");
        assertThat(SqlLineParser.consoleCommand("exit;")).isEqualTo("exit");
        assertThat(SqlLineParser.consoleCommand("help")).isEqualTo("help");
        assertThat(SqlLineParser.consoleCommand("SELECT 1;")).isEmpty();
    }
}

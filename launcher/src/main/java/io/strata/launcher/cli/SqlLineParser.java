package io.strata.launcher.cli;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

import java.util.Locale;

/**
 * Keeps JLine reading lines into one buffer until the SQL in it is complete, that is ended by {@code ;}
 * outside quotes and comments, so that a multi-line statement is edited, and remembered in the history,
 * as one entry. Console commands ({@code quit}, {@code exit}, {@code help}) and empty lines need no
 * {@code ;}. Backslashes are plain characters, as in SQL.
 */
final class SqlLineParser
        extends DefaultParser
{
    SqlLineParser()
    {
        setEscapeChars(new char[0]);
        setEofOnUnclosedQuote(false);
        setEofOnEscapedNewLine(false);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context)
    {
        if (context == ParseContext.ACCEPT_LINE && !StatementSplitter.isEmpty(line) && consoleCommand(line).isEmpty()) {
            if (!StatementSplitter.split(line).isComplete()) {
                throw new EOFError(-1, -1, "statement not ended by ;");
            }
        }
        return super.parse(line, cursor, context);
    }

    /** The console command on this line, lower-case and without a trailing {@code ;}, or empty. */
    static String consoleCommand(String line)
    {
        String command = line.trim();
        if (command.endsWith(";")) {
            command = command.substring(0, command.length() - 1).trim();
        }
        command = command.toLowerCase(Locale.ROOT);
        return switch (command) {
            case "quit", "exit", "help" -> command;
            default -> "";
        };
    }
}

package io.strata.launcher.cli;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Splits SQL text into statements at the {@code ;} that end them. A {@code ;} inside a string literal
 * ({@code 'it''s'}), a quoted identifier ({@code "a;b"}), a line comment ({@code -- ...}) or a block
 * comment ({@code /* ... *}{@code /}) ends nothing. Statements come back trimmed, without their {@code ;};
 * empty ones (only white space and comments) are dropped.
 */
public final class StatementSplitter
{
    private final List<String> statements;
    private final String remainder;

    private StatementSplitter(List<String> statements, String remainder)
    {
        this.statements = List.copyOf(statements);
        this.remainder = requireNonNull(remainder, "remainder is null");
    }

    public static StatementSplitter split(String text)
    {
        requireNonNull(text, "text is null");
        List<String> statements = new ArrayList<>();
        int start = 0;
        int index = 0;
        while (index < text.length()) {
            char character = text.charAt(index);
            if (character == '\'' || character == '"') {
                index = skipQuoted(text, index, character);
            }
            else if (character == '-' && text.startsWith("--", index)) {
                int end = text.indexOf('\n', index);
                index = end < 0 ? text.length() : end + 1;
            }
            else if (character == '/' && text.startsWith("/*", index)) {
                int end = text.indexOf("*/", index + 2);
                index = end < 0 ? text.length() : end + 2;
            }
            else if (character == ';') {
                String statement = text.substring(start, index).trim();
                if (!isEmpty(statement)) {
                    statements.add(statement);
                }
                index++;
                start = index;
            }
            else {
                index++;
            }
        }
        return new StatementSplitter(statements, text.substring(start));
    }

    private static int skipQuoted(String text, int open, char quote)
    {
        int index = open + 1;
        while (index < text.length()) {
            if (text.charAt(index) == quote) {
                // a doubled quote is an escaped quote
                if (index + 1 < text.length() && text.charAt(index + 1) == quote) {
                    index += 2;
                    continue;
                }
                return index + 1;
            }
            index++;
        }
        return text.length();
    }

    /** Whether {@code text} holds nothing but white space and comments. */
    public static boolean isEmpty(String text)
    {
        int index = 0;
        while (index < text.length()) {
            char character = text.charAt(index);
            if (Character.isWhitespace(character)) {
                index++;
            }
            else if (text.startsWith("--", index)) {
                int end = text.indexOf('\n', index);
                index = end < 0 ? text.length() : end + 1;
            }
            else if (text.startsWith("/*", index)) {
                int end = text.indexOf("*/", index + 2);
                if (end < 0) {
                    // an unterminated comment is not a statement either, but it is not complete text
                    return true;
                }
                index = end + 2;
            }
            else {
                return false;
            }
        }
        return true;
    }

    /** The statements ended by {@code ;}, in order. */
    public List<String> statements()
    {
        return statements;
    }

    /** The text after the last {@code ;}: an unfinished statement, or white space and comments. */
    public String remainder()
    {
        return remainder;
    }

    /**
     * All statements, counting a non-empty remainder as a last statement: how {@code --execute} and
     * {@code --file} read text whose last statement need not end with {@code ;}.
     */
    public List<String> allStatements()
    {
        if (isEmpty(remainder)) {
            return statements;
        }
        List<String> all = new ArrayList<>(statements);
        all.add(remainder.trim());
        return List.copyOf(all);
    }

    /** Whether the text is complete: no statement is left open (the remainder is empty). */
    public boolean isComplete()
    {
        return isEmpty(remainder) && !isInsideComment(remainder);
    }

    private static boolean isInsideComment(String text)
    {
        int index = 0;
        while (index < text.length()) {
            if (text.startsWith("--", index)) {
                int end = text.indexOf('\n', index);
                index = end < 0 ? text.length() : end + 1;
            }
            else if (text.startsWith("/*", index)) {
                int end = text.indexOf("*/", index + 2);
                if (end < 0) {
                    return true;
                }
                index = end + 2;
            }
            else {
                index++;
            }
        }
        return false;
    }
}

package io.strata.sql.parser;

import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.sql.tree.DataType;
import io.strata.sql.tree.Expression;
import io.strata.sql.tree.Node;
import io.strata.sql.tree.Statement;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.strata.protocol.ErrorCode.STATEMENT_TOO_LARGE;
import static io.strata.protocol.ErrorCode.SYNTAX_ERROR;
import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * Parses SQL text into the AST of {@code io.strata.sql.tree}. Stateless and safe to share between threads.
 * <p>
 * Every problem is a {@link StrataException}: {@code SYNTAX_ERROR} with the line and column (both 1-based)
 * of the offending token, or {@code STATEMENT_TOO_LARGE} when the text nests too deeply to parse.
 * <p>
 * Parsing runs ANTLR's fast SLL prediction first and, only when that fails, again with full LL, which is
 * exact and reports the error. Nothing is ever recovered: the first error ends the parse.
 */
public final class SqlParser
{
    /**
     * Deeper nesting fails with a stack overflow on a thread of the default stack size anyway; rejecting it
     * before parsing saves the prediction work, which grows with the square of the depth.
     */
    private static final int MAX_NESTING = 1000;

    private static final BaseErrorListener LEXER_ERROR_LISTENER = new BaseErrorListener()
    {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine, String message, RecognitionException e)
        {
            // the lexer has a catch-all token, so this means a bug in the grammar
            throw new StrataException(SYNTAX_ERROR, new Location(line, charPositionInLine + 1), message);
        }
    };

    /** Parses one statement, without a trailing semicolon. */
    public Statement createStatement(String sql)
    {
        return (Statement) invokeParser("Statement", sql, SqlBaseParser::singleStatement);
    }

    /** Parses one expression, such as {@code a + 1 > b}. */
    public Expression createExpression(String expression)
    {
        return (Expression) invokeParser("Expression", expression, SqlBaseParser::standaloneExpression);
    }

    /** Parses a type, such as {@code decimal(12, 2)} or {@code array(row(x bigint, y varchar))}. */
    public DataType createType(String type)
    {
        return (DataType) invokeParser("Type", type, SqlBaseParser::standaloneType);
    }

    private static Node invokeParser(String name, String sql, Function<SqlBaseParser, ParserRuleContext> rule)
    {
        requireNonNull(sql, "sql is null");
        try {
            SqlBaseLexer lexer = new SqlBaseLexer(CharStreams.fromString(sql));
            lexer.removeErrorListeners();
            lexer.addErrorListener(LEXER_ERROR_LISTENER);
            CommonTokenStream tokenStream = new CommonTokenStream(lexer);
            tokenStream.fill();
            List<Token> tokens = visibleTokens(tokenStream);
            List<Integer> parameters = checkTokens(name, tokens);

            SqlBaseParser parser = new SqlBaseParser(tokenStream);
            parser.removeErrorListeners();
            ParserRuleContext tree;
            try {
                parser.setErrorHandler(new BailErrorStrategy());
                parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
                tree = rule.apply(parser);
            }
            catch (ParseCancellationException e) {
                tokenStream.seek(0);
                parser.reset();
                ErrorHandler errorHandler = new ErrorHandler(tokens);
                parser.setErrorHandler(errorHandler.errorStrategy());
                parser.addErrorListener(errorHandler);
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                tree = rule.apply(parser);
            }
            return new AstBuilder(parameters).visit(tree);
        }
        catch (StackOverflowError e) {
            throw new StrataException(STATEMENT_TOO_LARGE, name + " is too large (stack overflow while parsing)");
        }
    }

    private static List<Token> visibleTokens(CommonTokenStream tokenStream)
    {
        List<Token> tokens = new ArrayList<>();
        for (Token token : tokenStream.getTokens()) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /**
     * Rejects, with a message of its own, what is wrong in the tokens themselves, wherever it stands; returns
     * the indexes of the {@code ?} parameter tokens.
     */
    private static List<Integer> checkTokens(String name, List<Token> tokens)
    {
        List<Integer> parameters = new ArrayList<>();
        int nesting = 0;
        if (tokens.get(0).getType() == Token.EOF) {
            throw syntaxError(tokens.get(0), name + " is empty");
        }
        for (int index = 0; index < tokens.size(); index++) {
            Token token = tokens.get(index);
            switch (token.getType()) {
                case SqlBaseLexer.QUESTION_MARK -> parameters.add(token.getTokenIndex());
                case SqlBaseLexer.UNTERMINATED_STRING -> throw syntaxError(token, "unterminated string literal: a quote ' is not closed");
                case SqlBaseLexer.UNTERMINATED_QUOTED_IDENTIFIER -> throw syntaxError(token, "unterminated quoted identifier: a quote \" is not closed");
                case SqlBaseLexer.UNTERMINATED_BRACKETED_COMMENT -> throw syntaxError(token, "unterminated comment: /* is not closed by */");
                case SqlBaseLexer.BACKQUOTED_IDENTIFIER -> throw syntaxError(token, "backquoted identifiers are not supported; use double quotes to quote identifiers");
                case SqlBaseLexer.DIGIT_IDENTIFIER -> throw syntaxError(token, "identifiers must not start with a digit; surround the identifier with double quotes");
                case SqlBaseLexer.SEMICOLON -> {
                    if (tokens.get(index + 1).getType() == Token.EOF) {
                        throw syntaxError(token, name.toLowerCase(ENGLISH) + " must not end with ';'");
                    }
                    throw syntaxError(token, "only one statement can be run at a time: found ';' before the end");
                }
                default -> {
                    if (token.getText().equals("(") || token.getText().equals("[")) {
                        nesting++;
                        if (nesting > MAX_NESTING) {
                            throw new StrataException(STATEMENT_TOO_LARGE, name + " is too large (more than " + MAX_NESTING + " nested parentheses)");
                        }
                    }
                    else if (token.getText().equals(")") || token.getText().equals("]")) {
                        nesting--;
                    }
                }
            }
        }
        return parameters;
    }

    private static StrataException syntaxError(Token token, String message)
    {
        return new StrataException(SYNTAX_ERROR, new Location(token.getLine(), token.getCharPositionInLine() + 1), message);
    }
}

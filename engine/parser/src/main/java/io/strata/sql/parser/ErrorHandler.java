package io.strata.sql.parser;

import io.strata.spi.Location;
import io.strata.spi.StrataException;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.strata.protocol.ErrorCode.SYNTAX_ERROR;
import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * Turns the first syntax error ANTLR reports into a {@link StrataException} shaped like Presto's:
 * {@code line 1:10: mismatched input 'FORM'. Expecting: ',', 'FROM', 'WHERE', ...}.
 * <p>
 * ANTLR knows only what the rule it is in expects, and notices some errors where a prediction gives up,
 * tokens before the one that is wrong. So the handler replays the grammar's ATN from the point of the
 * error, through every alternative (ignoring precedence, which does not change which token sequences are
 * valid) and out through the rules that called it, finds the furthest token any path reaches, and lists
 * what could have come there in grammar order: the nearest continuations first. A rule that could have
 * started there is named instead of its tokens ({@code <expression>}, {@code <identifier>}, ...).
 * <p>
 * The point of the error is where the failed prediction started or, for a token that no rule wanted, the
 * deepest rule that could have ended before it: {@link #errorStrategy()} notes that rule while parsing,
 * since ANTLR leaves it and only fails later, at a token match further out.
 * <p>
 * The message then gets a hint for a few common mistakes: a misspelled keyword, a missing FROM, a reserved
 * word used as a name.
 */
final class ErrorHandler
        extends BaseErrorListener
{
    private static final int MAX_STEPS = 1_000_000;
    private static final int MAX_EXPECTED = 15;

    private static final Map<Integer, String> SPECIAL_RULES = Map.of(
            SqlBaseParser.RULE_expression, "<expression>",
            SqlBaseParser.RULE_booleanExpression, "<expression>",
            SqlBaseParser.RULE_valueExpression, "<expression>",
            SqlBaseParser.RULE_primaryExpression, "<expression>",
            SqlBaseParser.RULE_identifier, "<identifier>",
            SqlBaseParser.RULE_string, "<string>",
            SqlBaseParser.RULE_query, "<query>",
            SqlBaseParser.RULE_type, "<type>");

    private static final Map<Integer, String> SPECIAL_TOKENS = Map.of(
            Token.EOF, "<EOF>",
            SqlBaseLexer.INTEGER_VALUE, "<integer>",
            SqlBaseLexer.NEQ, "'<>'");

    private static final Label NO_LABEL = new Label("", -1);

    private final List<Token> tokens;
    private final int[] streamIndexes;
    private Optional<ExitPoint> exitPoint = Optional.empty();

    /**
     * @param tokens the tokens the parser sees (the default channel), ending with EOF
     */
    ErrorHandler(List<Token> tokens)
    {
        this.tokens = List.copyOf(requireNonNull(tokens, "tokens is null"));
        this.streamIndexes = tokens.stream().mapToInt(Token::getTokenIndex).toArray();
    }

    /** The error strategy to parse with: reports the first error, never recovers, and notes exit points. */
    DefaultErrorStrategy errorStrategy()
    {
        return new DefaultErrorStrategy()
        {
            @Override
            public void sync(Parser recognizer)
                    throws RecognitionException
            {
                ATN atn = recognizer.getATN();
                IntervalSet next = atn.nextTokens(atn.states.get(recognizer.getState()));
                int tokenIndex = recognizer.getCurrentToken().getTokenIndex();
                if (!next.contains(recognizer.getInputStream().LA(1)) && next.contains(Token.EPSILON)
                        && (exitPoint.isEmpty() || exitPoint.get().tokenIndex() != tokenIndex)) {
                    // the deepest rule that can end here without wanting this token: the first one noted
                    exitPoint = Optional.of(new ExitPoint(recognizer.getState(), recognizer.getContext(), tokenIndex));
                }
                super.sync(recognizer);
            }

            @Override
            public Token recoverInline(Parser recognizer)
            {
                // no single-token insertion or deletion: they would report a later error than the user's
                throw new InputMismatchException(recognizer);
            }

            @Override
            public void recover(Parser recognizer, RecognitionException e)
            {
                throw new ParseCancellationException(e);
            }
        };
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine, String message, RecognitionException e)
    {
        Parser parser = (Parser) recognizer;
        Token offendingToken = (Token) offendingSymbol;
        int state = parser.getState();
        ParserRuleContext context = parser.getContext();
        Token startToken = offendingToken;
        if (e instanceof NoViableAltException noViableAlternative) {
            // replay the failed prediction from its start
            state = e.getOffendingState();
            context = (ParserRuleContext) e.getCtx();
            startToken = noViableAlternative.getStartToken();
        }
        else if (exitPoint.isPresent() && exitPoint.get().tokenIndex() == offendingToken.getTokenIndex()) {
            state = exitPoint.get().state();
            context = exitPoint.get().context();
        }
        else if (e != null) {
            state = e.getOffendingState();
            context = (ParserRuleContext) e.getCtx();
        }

        Optional<Failure> failure = new Walk(parser.getATN()).run(state, context, visibleIndex(startToken));
        Token token;
        List<String> expected;
        List<Integer> expectedTokenTypes;
        if (failure.isPresent()) {
            token = tokens.get(failure.get().tokenIndex());
            expected = failure.get().expected();
            expectedTokenTypes = failure.get().expectedTokenTypes();
        }
        else {
            // the replay gave up: say what ANTLR knows where it stopped
            token = offendingToken;
            IntervalSet expectedTokens = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
            expectedTokenTypes = expectedTokens.toList();
            expected = new ArrayList<>();
            expectedTokenTypes.forEach(type -> expected.add(displayName(type)));
        }

        StringBuilder text = new StringBuilder("mismatched input '").append(displayText(token)).append("'");
        if (!expected.isEmpty()) {
            text.append(". Expecting: ").append(String.join(", ", expected.subList(0, Math.min(expected.size(), MAX_EXPECTED))));
            if (expected.size() > MAX_EXPECTED) {
                text.append(", ...");
            }
        }
        hint(token, expected, expectedTokenTypes).ifPresent(hint -> text.append("; ").append(hint));
        throw new StrataException(SYNTAX_ERROR, new Location(token.getLine(), token.getCharPositionInLine() + 1), text.toString());
    }

    /** The index among the tokens the parser sees of a token of the stream. */
    private int visibleIndex(Token token)
    {
        int index = Arrays.binarySearch(streamIndexes, token.getTokenIndex());
        if (index < 0) {
            throw new IllegalArgumentException("not a token the parser sees: " + token);
        }
        return index;
    }

    private Optional<String> hint(Token token, List<String> expected, List<Integer> expectedTokenTypes)
    {
        int index = tokens.indexOf(token);
        Optional<Token> previous = index > 0 ? Optional.of(tokens.get(index - 1)) : Optional.empty();
        if (isWord(token.getType())) {
            Optional<String> keyword = misspelledKeyword(token.getText(), expectedTokenTypes);
            if (keyword.isPresent()) {
                return Optional.of("did you mean " + keyword.get() + "?");
            }
        }
        if (previous.isPresent() && previous.get().getType() == SqlBaseLexer.IDENTIFIER) {
            // a misspelled keyword is taken for an alias, and the error shows one token later
            Optional<String> keyword = misspelledKeyword(previous.get().getText(), expectedTokenTypes);
            if (keyword.isPresent()) {
                return Optional.of("did you mean " + keyword.get() + " instead of '" + previous.get().getText() + "'?");
            }
        }
        Optional<String> operatorOrComma = operatorOrCommaHint(token, index, previous, expected);
        if (operatorOrComma.isPresent()) {
            return operatorOrComma;
        }
        if (isWord(token.getType()) && expectedTokenTypes.contains(SqlBaseLexer.FROM)) {
            return Optional.of("is FROM missing before '" + token.getText() + "'?");
        }
        if (SqlKeywords.isReservedToken(token.getType())) {
            if (previous.isPresent() && previous.get().getText().equals(",")) {
                return Optional.of("is there an extra ',' before '" + token.getText() + "'?");
            }
            if (expected.contains("<identifier>")) {
                return Optional.of("'" + token.getText() + "' is a reserved word: write \"" + token.getText().toLowerCase(ENGLISH) + "\" to use it as a name");
            }
        }
        return Optional.empty();
    }

    /**
     * {@code a == b} (SQL compares with one {@code =}), and {@code SELECT a b c}: the second name was taken for
     * the first's alias, so a comma is missing before the third.
     */
    private Optional<String> operatorOrCommaHint(Token token, int index, Optional<Token> previous, List<String> expected)
    {
        if (previous.isPresent() && token.getText().equals("=") && previous.get().getText().equals("=") && previous.get().getStopIndex() + 1 == token.getStartIndex()) {
            return Optional.of("SQL compares with a single '=': write '=' instead of '=='");
        }
        if (isWord(token.getType()) && previous.isPresent() && isWord(previous.get().getType()) && index >= 2 && isWord(tokens.get(index - 2).getType())
                && expected.contains("','")) {
            return Optional.of("is a ',' missing before '" + previous.get().getText() + "'?");
        }
        return Optional.empty();
    }

    private static boolean isWord(int tokenType)
    {
        return tokenType == SqlBaseLexer.IDENTIFIER || tokenType == SqlBaseLexer.QUOTED_IDENTIFIER;
    }

    /** An expected keyword one edit (insertion, deletion, replacement, swap of neighbours) away from {@code word}. */
    private static Optional<String> misspelledKeyword(String word, List<Integer> expectedTokenTypes)
    {
        String upper = word.toUpperCase(ENGLISH);
        if (upper.length() < 3) {
            return Optional.empty();
        }
        for (int type : expectedTokenTypes) {
            Optional<String> keyword = SqlKeywords.keyword(type);
            if (keyword.isPresent() && !keyword.get().equals(upper) && editDistance(upper, keyword.get()) <= 1) {
                return keyword;
            }
        }
        return Optional.empty();
    }

    /** Optimal string alignment distance: Levenshtein plus transpositions of adjacent characters. */
    private static int editDistance(String left, String right)
    {
        int[][] distance = new int[left.length() + 1][right.length() + 1];
        for (int i = 0; i <= left.length(); i++) {
            distance[i][0] = i;
        }
        for (int j = 0; j <= right.length(); j++) {
            distance[0][j] = j;
        }
        for (int i = 1; i <= left.length(); i++) {
            for (int j = 1; j <= right.length(); j++) {
                int cost = left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1;
                distance[i][j] = Math.min(Math.min(distance[i - 1][j] + 1, distance[i][j - 1] + 1), distance[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && left.charAt(i - 1) == right.charAt(j - 2) && left.charAt(i - 2) == right.charAt(j - 1)) {
                    distance[i][j] = Math.min(distance[i][j], distance[i - 2][j - 2] + 1);
                }
            }
        }
        return distance[left.length()][right.length()];
    }

    private static String displayText(Token token)
    {
        if (token.getType() == Token.EOF) {
            return "<EOF>";
        }
        return token.getText();
    }

    private static String displayName(int tokenType)
    {
        String special = SPECIAL_TOKENS.get(tokenType);
        if (special != null) {
            return special;
        }
        Vocabulary vocabulary = SqlBaseParser.VOCABULARY;
        String literal = vocabulary.getLiteralName(tokenType);
        return literal != null ? literal : vocabulary.getSymbolicName(tokenType);
    }

    /** The furthest token any parse reached, and what could have come there. */
    private record Failure(int tokenIndex, List<String> expected, List<Integer> expectedTokenTypes) {}

    /** A rule the parser left without wanting the token at {@code tokenIndex}, and its state there. */
    private record ExitPoint(int state, ParserRuleContext context, int tokenIndex) {}

    /** A special rule being parsed, and the token it started at. */
    private record Label(String name, int tokenIndex) {}

    /** A frame of the rule call stack: where to continue when the called rule ends. Interned, so compared by identity. */
    private static final class Frame
    {
        private static final Frame ROOT = new Frame(null, NO_LABEL, null);

        private final ATNState followState;
        private final Label callerLabel;
        private final Frame parent;

        private Frame(ATNState followState, Label callerLabel, Frame parent)
        {
            this.followState = followState;
            this.callerLabel = callerLabel;
            this.parent = parent;
        }
    }

    private record FrameKey(int followState, Label callerLabel, Frame parent) {}

    private record Configuration(ATNState state, int tokenIndex, Frame frame, Label label)
    {
        @Override
        public boolean equals(Object other)
        {
            return other instanceof Configuration that
                    && state.stateNumber == that.state.stateNumber
                    && tokenIndex == that.tokenIndex
                    && frame == that.frame
                    && label.equals(that.label);
        }

        @Override
        public int hashCode()
        {
            return ((state.stateNumber * 31 + tokenIndex) * 31 + System.identityHashCode(frame)) * 31 + label.hashCode();
        }
    }

    private final class Walk
    {
        private final ATN atn;
        private final Map<FrameKey, Frame> frames = new HashMap<>();
        private int furthest = -1;
        private final Set<String> expected = new LinkedHashSet<>();
        private final Set<Integer> expectedTokenTypes = new LinkedHashSet<>();

        Walk(ATN atn)
        {
            this.atn = atn;
        }

        /**
         * Replays from {@code state} inside {@code context} at the token {@code tokenIndex}; the rules that
         * called {@code context} become the call stack to return through.
         */
        Optional<Failure> run(int state, ParserRuleContext context, int tokenIndex)
        {
            List<RuleContext> chain = new ArrayList<>();
            for (RuleContext current = context; current != null; current = current.parent) {
                chain.add(0, current);
            }
            Frame frame = Frame.ROOT;
            Label label = NO_LABEL;
            for (RuleContext current : chain) {
                if (current.invokingState >= 0) {
                    RuleTransition call = (RuleTransition) atn.states.get(current.invokingState).transition(0);
                    frame = frame(call.followState, label, frame);
                }
                String name = SPECIAL_RULES.get(current.getRuleIndex());
                int start = visibleIndex(((ParserRuleContext) current).getStart());
                if (name != null && label.tokenIndex() != start) {
                    label = new Label(name, start);
                }
            }

            Deque<Configuration> work = new ArrayDeque<>();
            Set<Configuration> seen = new HashSet<>();
            work.push(new Configuration(atn.states.get(state), tokenIndex, frame, label));
            int steps = 0;
            while (!work.isEmpty()) {
                if (++steps > MAX_STEPS) {
                    return Optional.empty();
                }
                Configuration configuration = work.pop();
                if (seen.add(configuration)) {
                    step(configuration, work);
                }
            }
            if (furthest < 0) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>(expected);
            if (names.contains("<expression>")) {
                // an identifier is an expression
                names.remove("<identifier>");
            }
            return Optional.of(new Failure(furthest, names, List.copyOf(expectedTokenTypes)));
        }

        private void step(Configuration configuration, Deque<Configuration> work)
        {
            ATNState state = configuration.state();
            int tokenIndex = configuration.tokenIndex();
            if (state instanceof RuleStopState) {
                Frame frame = configuration.frame();
                if (frame != Frame.ROOT) {
                    work.push(new Configuration(frame.followState, tokenIndex, frame.parent, frame.callerLabel));
                }
                return;
            }

            List<Configuration> next = new ArrayList<>();
            for (int i = 0; i < state.getNumberOfTransitions(); i++) {
                Transition transition = state.transition(i);
                if (transition instanceof RuleTransition call) {
                    Label label = configuration.label();
                    String name = SPECIAL_RULES.get(call.ruleIndex);
                    if (name != null && label.tokenIndex() != tokenIndex) {
                        label = new Label(name, tokenIndex);
                    }
                    Frame frame = frame(call.followState, configuration.label(), configuration.frame());
                    next.add(new Configuration(call.target, tokenIndex, frame, label));
                }
                else if (transition.isEpsilon()) {
                    next.add(new Configuration(transition.target, tokenIndex, configuration.frame(), configuration.label()));
                }
                else if (tokenIndex < tokens.size()) {
                    if (transition.matches(tokens.get(tokenIndex).getType(), Token.MIN_USER_TOKEN_TYPE, atn.maxTokenType)) {
                        next.add(new Configuration(transition.target, tokenIndex + 1, configuration.frame(), configuration.label()));
                    }
                    else {
                        record(tokenIndex, configuration.label(), transition.label());
                    }
                }
            }
            // depth first, first alternative first: the expected tokens come out in grammar order
            for (int i = next.size() - 1; i >= 0; i--) {
                work.push(next.get(i));
            }
        }

        private Frame frame(ATNState followState, Label callerLabel, Frame parent)
        {
            return frames.computeIfAbsent(
                    new FrameKey(followState.stateNumber, callerLabel, parent),
                    key -> new Frame(followState, callerLabel, parent));
        }

        private void record(int tokenIndex, Label label, IntervalSet tokenTypes)
        {
            if (tokenIndex < furthest || tokenTypes == null) {
                return;
            }
            if (tokenIndex > furthest) {
                furthest = tokenIndex;
                expected.clear();
                expectedTokenTypes.clear();
            }
            // the hints look at every token that could have come, the message names rules where it can
            expectedTokenTypes.addAll(tokenTypes.toList());
            if (label.tokenIndex() == tokenIndex) {
                expected.add(label.name());
                return;
            }
            for (int type : tokenTypes.toList()) {
                expected.add(displayName(type));
            }
        }
    }
}

package io.strata.sql.parser;

import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Locale.ENGLISH;

/**
 * The grammar's keywords, read from the generated parser: a keyword is reserved unless the grammar's
 * {@code nonReserved} rule lists it. A reserved word must be quoted to serve as a name.
 */
public final class SqlKeywords
{
    private static final Map<Integer, String> KEYWORDS_BY_TOKEN_TYPE;
    private static final Set<String> RESERVED;
    private static final Set<String> NON_RESERVED;

    static {
        ATN atn = SqlBaseParser._ATN;
        IntervalSet nonReserved = atn.nextTokens(atn.ruleToStartState[SqlBaseParser.RULE_nonReserved]);
        Vocabulary vocabulary = SqlBaseParser.VOCABULARY;
        Map<Integer, String> keywords = new HashMap<>();
        Set<String> reserved = new TreeSet<>();
        Set<String> nonReservedWords = new TreeSet<>();
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && literal.matches("'[A-Z_]+'")) {
                String keyword = literal.substring(1, literal.length() - 1);
                keywords.put(type, keyword);
                if (nonReserved.contains(type)) {
                    nonReservedWords.add(keyword);
                }
                else {
                    reserved.add(keyword);
                }
            }
        }
        KEYWORDS_BY_TOKEN_TYPE = Map.copyOf(keywords);
        RESERVED = Set.copyOf(reserved);
        NON_RESERVED = Set.copyOf(nonReservedWords);
    }

    private SqlKeywords() {}

    /** Whether {@code word}, in any case, is a reserved word. */
    public static boolean isReserved(String word)
    {
        return RESERVED.contains(word.toUpperCase(ENGLISH));
    }

    /** The reserved words, uppercase, in alphabetical order. */
    public static List<String> reservedWords()
    {
        return List.copyOf(new TreeSet<>(RESERVED));
    }

    /** The keywords that also serve as names unquoted ({@code date}, {@code year}, ...), uppercase, in alphabetical order. */
    public static List<String> nonReservedWords()
    {
        return List.copyOf(new TreeSet<>(NON_RESERVED));
    }

    static boolean isReservedToken(int tokenType)
    {
        return keyword(tokenType).map(RESERVED::contains).orElse(false);
    }

    /** The keyword a token type stands for, uppercase, if it is a keyword. */
    static Optional<String> keyword(int tokenType)
    {
        return Optional.ofNullable(KEYWORDS_BY_TOKEN_TYPE.get(tokenType));
    }
}

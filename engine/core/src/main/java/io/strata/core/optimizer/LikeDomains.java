package io.strata.core.optimizer;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SymbolReference;
import io.strata.core.optimizer.DomainTranslator.SymbolDomain;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.Range;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarcharType;

import java.util.List;
import java.util.Optional;

/**
 * The domains of the {@code LIKE} predicates a domain expresses exactly, so that filters such as the JDBC
 * drivers' {@code TABLE_SCHEM LIKE 'tiny' ESCAPE '\'} reach connectors:
 * <ul>
 * <li>a pattern without wildcards is equality: {@code x LIKE 'tiny'} is {@code x = 'tiny'};
 * <li>a literal prefix and one trailing {@code %} is a range: {@code x LIKE 'line%'} is
 * {@code 'line' <= x < 'linf'} (values compare as UTF-8 bytes, and no UTF-8 byte is 0xFF, so raising the last
 * byte of the prefix bounds exactly the strings that start with it).
 * </ul>
 * Any other pattern has no domain.
 */
final class LikeDomains
{
    private LikeDomains() {}

    static Optional<SymbolDomain> toDomain(Call like)
    {
        List<RowExpression> arguments = like.arguments();
        if (arguments.size() < 2 || !(arguments.get(0) instanceof SymbolReference reference) || !(reference.type() instanceof VarcharType)) {
            return Optional.empty();
        }
        Optional<String> pattern = text(arguments.get(1));
        if (pattern.isEmpty()) {
            return Optional.empty();
        }
        Optional<Character> escape = Optional.empty();
        if (arguments.size() == 3) {
            Optional<String> escapeText = text(arguments.get(2));
            if (escapeText.isEmpty() || escapeText.get().length() != 1) {
                return Optional.empty();
            }
            escape = Optional.of(escapeText.get().charAt(0));
        }
        StringBuilder prefix = new StringBuilder();
        String text = pattern.get();
        for (int i = 0; i < text.length(); i++) {
            char character = text.charAt(i);
            if (escape.isPresent() && character == escape.get()) {
                if (i + 1 >= text.length()) {
                    // a dangling escape is an error the LIKE evaluation reports
                    return Optional.empty();
                }
                prefix.append(text.charAt(++i));
                continue;
            }
            if (character == '_') {
                return Optional.empty();
            }
            if (character == '%') {
                if (i != text.length() - 1) {
                    return Optional.empty();
                }
                return Optional.of(new SymbolDomain(reference.symbol(), startingWith(reference.type(), Slices.utf8Slice(prefix.toString()))));
            }
            prefix.append(character);
        }
        return Optional.of(new SymbolDomain(reference.symbol(), Domain.singleValue(reference.type(), Slices.utf8Slice(prefix.toString()))));
    }

    private static Domain startingWith(Type type, Slice prefix)
    {
        if (prefix.length() == 0) {
            return new Domain(type, List.of(Range.all()), false);
        }
        byte[] upper = prefix.getBytes();
        int last = upper.length - 1;
        while (last >= 0 && upper[last] == (byte) 0xFF) {
            last--;
        }
        if (last < 0) {
            return new Domain(type, List.of(Range.greaterThanOrEqual(prefix)), false);
        }
        upper[last]++;
        Slice high = Slices.wrappedBuffer(upper, 0, last + 1);
        return new Domain(type, List.of(new Range(Optional.of(prefix), true, Optional.of(high), false)), false);
    }

    private static Optional<String> text(RowExpression expression)
    {
        if (expression instanceof Constant constant && !constant.isNull() && constant.value() instanceof Slice slice) {
            return Optional.of(slice.toStringUtf8());
        }
        return Optional.empty();
    }
}

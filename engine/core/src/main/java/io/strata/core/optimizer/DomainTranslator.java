package io.strata.core.optimizer;

import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SymbolReference;
import io.strata.core.planner.plan.Symbol;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.Range;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.RealType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;
import io.strata.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads one conjunct of a filter as a {@link Domain} of one symbol, when it has one of the forms a
 * connector can use: {@code symbol op constant} (either side, op one of = &lt;&gt; &lt; &lt;= &gt; &gt;=),
 * {@code symbol BETWEEN c1 AND c2}, {@code symbol IN (c1, ...)}, {@code symbol IS NULL},
 * {@code NOT (symbol IS NULL)}, and disjunctions of those over one symbol. The constant must have the symbol's type (or both be varchar), so that
 * the domain's values are of the column's layout; nulls and doubles (NaN has no place in a range) are left alone.
 */
public final class DomainTranslator
{
    private DomainTranslator() {}

    /** A symbol's domain under a conjunct. */
    public record SymbolDomain(Symbol symbol, Domain domain)
    {
        public SymbolDomain
        {
            requireNonNull(symbol, "symbol is null");
            requireNonNull(domain, "domain is null");
        }
    }

    public static Optional<SymbolDomain> toDomain(RowExpression conjunct)
    {
        if (conjunct instanceof Call like && like.functionName().equals(FunctionNames.LIKE)) {
            return LikeDomains.toDomain(like);
        }
        if (conjunct instanceof Call call) {
            if (call.functionName().equals(FunctionNames.NOT) && call.arguments().get(0) instanceof SpecialForm isNull
                    && isNull.form() == SpecialForm.Form.IS_NULL && isNull.arguments().get(0) instanceof SymbolReference reference
                    && isSupported(reference.type())) {
                return Optional.of(new SymbolDomain(reference.symbol(), new Domain(reference.type(), List.of(Range.all()), false)));
            }
            return comparison(call);
        }
        if (conjunct instanceof SpecialForm disjunction && disjunction.form() == SpecialForm.Form.OR) {
            return union(disjunction.arguments());
        }
        if (conjunct instanceof SpecialForm specialForm && !specialForm.arguments().isEmpty()
                && specialForm.arguments().get(0) instanceof SymbolReference reference && isSupported(reference.type())) {
            Type type = reference.type();
            List<RowExpression> arguments = specialForm.arguments();
            switch (specialForm.form()) {
                case IS_NULL:
                    return Optional.of(new SymbolDomain(reference.symbol(), new Domain(type, List.of(), true)));
                case BETWEEN: {
                    Optional<Object> low = value(arguments.get(1), type);
                    Optional<Object> high = value(arguments.get(2), type);
                    if (low.isEmpty() || high.isEmpty()) {
                        return Optional.empty();
                    }
                    if (compare(low.get(), high.get()) > 0) {
                        return Optional.of(new SymbolDomain(reference.symbol(), Domain.none(type)));
                    }
                    return Optional.of(new SymbolDomain(reference.symbol(), new Domain(type, List.of(Range.between(low.get(), high.get())), false)));
                }
                case IN: {
                    List<Object> values = new ArrayList<>();
                    for (RowExpression argument : arguments.subList(1, arguments.size())) {
                        Optional<Object> value = value(argument, type);
                        if (value.isEmpty()) {
                            return Optional.empty();
                        }
                        if (values.stream().noneMatch(existing -> compare(existing, value.get()) == 0)) {
                            values.add(value.get());
                        }
                    }
                    values.sort(DomainTranslator::compare);
                    return Optional.of(new SymbolDomain(reference.symbol(), new Domain(type, values.stream().map(Range::equal).toList(), false)));
                }
                case AND:
                case OR:
                case IF:
                case COALESCE:
                case NULL_IF:
                case CAST:
                case TRY_CAST:
                case SWITCH:
                    return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** {@code a = 1 OR a = 2 OR a > 10}: when every term is a domain of the same symbol, their union. */
    private static Optional<SymbolDomain> union(List<RowExpression> terms)
    {
        Symbol symbol = null;
        List<Range> ranges = new ArrayList<>();
        boolean nullAllowed = false;
        Type type = null;
        for (RowExpression term : terms) {
            Optional<SymbolDomain> domain = toDomain(term);
            if (domain.isEmpty() || (symbol != null && !symbol.equals(domain.get().symbol()))) {
                return Optional.empty();
            }
            symbol = domain.get().symbol();
            type = domain.get().domain().type();
            ranges.addAll(domain.get().domain().ranges());
            nullAllowed |= domain.get().domain().nullAllowed();
        }
        if (symbol == null) {
            return Optional.empty();
        }
        return Optional.of(new SymbolDomain(symbol, new Domain(type, ranges, nullAllowed)));
    }

    private static Optional<SymbolDomain> comparison(Call call)
    {
        if (call.arguments().size() != 2) {
            return Optional.empty();
        }
        String operator = call.functionName();
        RowExpression left = call.arguments().get(0);
        RowExpression right = call.arguments().get(1);
        if (!(left instanceof SymbolReference) && right instanceof SymbolReference) {
            RowExpression swap = left;
            left = right;
            right = swap;
            operator = flip(operator);
        }
        if (!(left instanceof SymbolReference reference) || !isSupported(reference.type())) {
            return Optional.empty();
        }
        Type type = reference.type();
        Optional<Object> value = value(right, type);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Object bound = value.get();
        List<Range> ranges;
        switch (operator) {
            case FunctionNames.EQUAL:
                ranges = List.of(Range.equal(bound));
                break;
            case FunctionNames.NOT_EQUAL:
                ranges = List.of(Range.lessThan(bound), Range.greaterThan(bound));
                break;
            case FunctionNames.LESS_THAN:
                ranges = List.of(Range.lessThan(bound));
                break;
            case FunctionNames.LESS_THAN_OR_EQUAL:
                ranges = List.of(Range.lessThanOrEqual(bound));
                break;
            case FunctionNames.GREATER_THAN:
                ranges = List.of(Range.greaterThan(bound));
                break;
            case FunctionNames.GREATER_THAN_OR_EQUAL:
                ranges = List.of(Range.greaterThanOrEqual(bound));
                break;
            default:
                return Optional.empty();
        }
        return Optional.of(new SymbolDomain(reference.symbol(), new Domain(type, ranges, false)));
    }

    private static String flip(String operator)
    {
        switch (operator) {
            case FunctionNames.LESS_THAN:
                return FunctionNames.GREATER_THAN;
            case FunctionNames.LESS_THAN_OR_EQUAL:
                return FunctionNames.GREATER_THAN_OR_EQUAL;
            case FunctionNames.GREATER_THAN:
                return FunctionNames.LESS_THAN;
            case FunctionNames.GREATER_THAN_OR_EQUAL:
                return FunctionNames.LESS_THAN_OR_EQUAL;
            default:
                return operator;
        }
    }

    /** The constant's value when it is a non-null constant of the column's type (any varchar for a varchar column). */
    private static Optional<Object> value(RowExpression expression, Type columnType)
    {
        if (!(expression instanceof Constant constant) || constant.isNull()) {
            return Optional.empty();
        }
        boolean sameType = constant.type().equals(columnType) || (constant.type() instanceof VarcharType && columnType instanceof VarcharType);
        return sameType ? Optional.of(constant.value()) : Optional.empty();
    }

    private static boolean isSupported(Type type)
    {
        // a timestamp with time zone compares by instant, not by its packed value; arrays, maps and rows have no order for ranges
        return !(type instanceof DoubleType) && !(type instanceof RealType) && !(type instanceof TimestampWithTimeZoneType) && !(type instanceof UnknownType)
                && !type.layout().isNested();
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object left, Object right)
    {
        return ((Comparable<Object>) left).compareTo(right);
    }
}

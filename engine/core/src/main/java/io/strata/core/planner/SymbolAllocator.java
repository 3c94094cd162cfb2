package io.strata.core.planner;

import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.spi.type.Type;

import java.util.HashSet;
import java.util.Set;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * Hands out symbols with names unique within one plan: the hint itself when free ({@code l_quantity},
 * {@code sum}), else the hint with a counter ({@code sum_1}). Not thread-safe: one statement's planning uses it.
 */
public final class SymbolAllocator
{
    private final Set<String> usedNames = new HashSet<>();

    public SymbolAllocator() {}

    /** An allocator that avoids every symbol name of an existing plan. */
    public static SymbolAllocator forPlan(PlanNode plan)
    {
        SymbolAllocator allocator = new SymbolAllocator();
        allocator.reserve(plan);
        return allocator;
    }

    private void reserve(PlanNode node)
    {
        node.outputSymbols().forEach(symbol -> usedNames.add(symbol.name()));
        node.sources().forEach(this::reserve);
    }

    public Symbol newSymbol(String nameHint, Type type)
    {
        requireNonNull(nameHint, "nameHint is null");
        requireNonNull(type, "type is null");
        String base = sanitize(nameHint);
        String name = base;
        for (int suffix = 1; !usedNames.add(name); suffix++) {
            name = base + "_" + suffix;
        }
        return new Symbol(name, type);
    }

    private static String sanitize(String hint)
    {
        StringBuilder name = new StringBuilder();
        for (char character : hint.toLowerCase(ENGLISH).toCharArray()) {
            name.append(Character.isLetterOrDigit(character) || character == '_' ? character : '_');
        }
        if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
            name.insert(0, "expr_");
        }
        return name.toString();
    }
}

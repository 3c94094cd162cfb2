package io.strata.core.analyzer;

import io.strata.core.expression.RowExpression;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.sql.tree.Cube;
import io.strata.sql.tree.Expression;
import io.strata.sql.tree.GroupingElement;
import io.strata.sql.tree.GroupingSets;
import io.strata.sql.tree.Rollup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The grouping sets of a GROUP BY: each element contributes a list of sets (a plain expression one set of
 * one key, {@code ROLLUP(a, b)} the sets (a, b), (a), (), {@code CUBE(a, b)} every subset, {@code GROUPING
 * SETS} its sets) and the clause groups by the cross product: every combination of one set per element, united.
 */
final class GroupingSetsBuilder
{
    private final List<RowExpression> keys = new ArrayList<>();
    private List<Set<Integer>> sets = List.of(new LinkedHashSet<>());
    private boolean plain = true;

    /** The sets an element other than a plain expression stands for, as expressions. */
    static List<List<Expression>> expand(GroupingElement element)
    {
        if (element instanceof Rollup rollup) {
            List<List<Expression>> result = new ArrayList<>();
            for (int size = rollup.expressions().size(); size >= 0; size--) {
                result.add(rollup.expressions().subList(0, size));
            }
            return result;
        }
        if (element instanceof Cube cube) {
            List<Expression> expressions = cube.expressions();
            if (expressions.size() > 12) {
                throw new StrataException(ErrorCode.NOT_SUPPORTED, cube.location(), "CUBE supports at most 12 expressions", null);
            }
            List<List<Expression>> result = new ArrayList<>();
            // all subsets, largest first, as Presto lists them
            for (int mask = (1 << expressions.size()) - 1; mask >= 0; mask--) {
                List<Expression> set = new ArrayList<>();
                for (int i = 0; i < expressions.size(); i++) {
                    if ((mask & (1 << (expressions.size() - 1 - i))) != 0) {
                        set.add(expressions.get(i));
                    }
                }
                result.add(set);
            }
            return result;
        }
        if (element instanceof GroupingSets groupingSets) {
            return groupingSets.sets();
        }
        throw new IllegalArgumentException("unknown grouping element " + element);
    }

    /** Adds an element given as its sets of bound keys. */
    void addElement(List<List<RowExpression>> elementSets)
    {
        if (elementSets.size() != 1) {
            plain = false;
        }
        List<Set<Integer>> product = new ArrayList<>();
        for (Set<Integer> existing : sets) {
            for (List<RowExpression> set : elementSets) {
                Set<Integer> combined = new LinkedHashSet<>(existing);
                for (RowExpression key : set) {
                    int index = keys.indexOf(key);
                    if (index < 0) {
                        keys.add(key);
                        index = keys.size() - 1;
                    }
                    combined.add(index);
                }
                product.add(combined);
            }
        }
        sets = product;
    }

    List<RowExpression> keys()
    {
        return List.copyOf(keys);
    }

    /** Whether the clause is a plain GROUP BY: one set of all keys. */
    boolean isPlain()
    {
        return plain;
    }

    List<List<Integer>> sets()
    {
        return sets.stream().map(set -> (List<Integer>) List.copyOf(set)).toList();
    }
}

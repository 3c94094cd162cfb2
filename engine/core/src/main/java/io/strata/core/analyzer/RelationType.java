package io.strata.core.analyzer;

import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * The fields of a relation, in order; a field's index is the position of its value in the relation's rows
 * (what an {@link io.strata.core.expression.InputReference} over this relation names). A join's type will
 * be the concatenation of its sides' types.
 */
public record RelationType(List<Field> fields)
{
    public static final RelationType EMPTY = new RelationType(List.of());

    public RelationType
    {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    public int size()
    {
        return fields.size();
    }

    public Field field(int index)
    {
        return fields.get(index);
    }

    public List<Type> types()
    {
        return fields.stream().map(Field::type).toList();
    }

    /** Indexes of the fields that {@code prefix.columnName} denotes. */
    public List<Integer> resolve(List<String> prefix, String columnName)
    {
        return IntStream.range(0, fields.size())
                .filter(index -> fields.get(index).matches(prefix, columnName))
                .boxed()
                .toList();
    }

    /** Indexes of the fields qualified by {@code prefix} (for {@code prefix.*}). */
    public List<Integer> fieldsOf(List<String> prefix)
    {
        List<Integer> result = new ArrayList<>();
        for (int index = 0; index < fields.size(); index++) {
            Field field = fields.get(index);
            List<String> parts = field.relationName().orElse(List.of());
            if (parts.size() >= prefix.size() && parts.subList(parts.size() - prefix.size(), parts.size()).equals(prefix)) {
                result.add(index);
            }
        }
        return result;
    }

    /** This relation's fields under a new relation name, renamed by {@code columnNames} when not empty. */
    public RelationType withAlias(String alias, List<String> columnNames)
    {
        List<Field> renamed = new ArrayList<>();
        for (int index = 0; index < fields.size(); index++) {
            Field field = fields.get(index);
            renamed.add(field.withRelationName(Optional.of(List.of(alias)), columnNames.isEmpty() ? field.name() : Optional.of(columnNames.get(index))));
        }
        return new RelationType(renamed);
    }
}

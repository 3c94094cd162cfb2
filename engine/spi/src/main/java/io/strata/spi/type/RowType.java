package io.strata.spi.type;

import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.RowBlockBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code row(name T, ...)}: values are {@link io.strata.spi.block.RowBlock} positions; the slow-path Java value
 * is an unmodifiable {@code List} of the field values in field order. Fields may be anonymous
 * ({@code ROW(1, 'a')} is {@code row(integer,varchar(1))}).
 */
public record RowType(List<Field> fields)
        implements Type
{
    public RowType
    {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a row type needs at least one field");
        }
    }

    /** Anonymous fields of the given types. */
    public static RowType anonymous(List<Type> types)
    {
        List<Field> fields = new ArrayList<>();
        for (Type type : types) {
            fields.add(new Field(Optional.empty(), type));
        }
        return new RowType(fields);
    }

    public List<Type> fieldTypes()
    {
        return fields.stream().map(Field::type).toList();
    }

    /** The index of the field named {@code name} (names compare case-insensitively, as identifiers do), or -1. */
    public int indexOf(String name)
    {
        for (int i = 0; i < fields.size(); i++) {
            Optional<String> fieldName = fields.get(i).name();
            if (fieldName.isPresent() && fieldName.get().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String baseName()
    {
        return "row";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of();
    }

    @Override
    public String displayName()
    {
        StringBuilder name = new StringBuilder("row(");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                name.append(',');
            }
            Field field = fields.get(i);
            field.name().ifPresent(fieldName -> name.append(fieldName).append(' '));
            name.append(field.type().displayName());
        }
        return name.append(')').toString();
    }

    @Override
    public ValueLayout layout()
    {
        return ValueLayout.ROW;
    }

    @Override
    public boolean isOrderable()
    {
        return false;
    }

    @Override
    public BlockBuilder createBlockBuilder(int expectedPositions)
    {
        List<BlockBuilder> builders = new ArrayList<>();
        for (Field field : fields) {
            builders.add(field.type().createBlockBuilder(expectedPositions));
        }
        return new RowBlockBuilder(builders, expectedPositions);
    }

    @Override
    public String toString()
    {
        return displayName();
    }

    /** A field: its name (lower case, as identifiers resolve) if it has one, and its type. */
    public record Field(Optional<String> name, Type type)
    {
        public Field
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }
}

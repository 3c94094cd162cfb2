package io.strata.core.metadata;

import io.strata.spi.type.ArrayType;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * {@link TypeCoercion} for arrays, maps and rows, as Presto has it: a structural type coerces (or casts) to
 * another of the same kind when each child type does; rows match fields by position, and the common super
 * type of two rows keeps a field name only where both rows agree on it.
 */
final class NestedTypeCoercion
{
    private NestedTypeCoercion() {}

    static boolean canCoerce(Type from, Type to)
    {
        return childrenMatch(from, to, TypeCoercion::canCoerce);
    }

    static boolean canCast(Type from, Type to)
    {
        return childrenMatch(from, to, TypeCoercion::canCast);
    }

    private static boolean childrenMatch(Type from, Type to, BiPredicate<Type, Type> rule)
    {
        if (from instanceof ArrayType fromArray && to instanceof ArrayType toArray) {
            return rule.test(fromArray.elementType(), toArray.elementType());
        }
        if (from instanceof MapType fromMap && to instanceof MapType toMap) {
            return rule.test(fromMap.keyType(), toMap.keyType()) && rule.test(fromMap.valueType(), toMap.valueType());
        }
        if (from instanceof RowType fromRow && to instanceof RowType toRow) {
            if (fromRow.fields().size() != toRow.fields().size()) {
                return false;
            }
            for (int i = 0; i < fromRow.fields().size(); i++) {
                if (!rule.test(fromRow.fields().get(i).type(), toRow.fields().get(i).type())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static Optional<Type> commonSuperType(Type first, Type second)
    {
        if (first instanceof ArrayType left && second instanceof ArrayType right) {
            return TypeCoercion.commonSuperType(left.elementType(), right.elementType()).map(ArrayType::new);
        }
        if (first instanceof MapType left && second instanceof MapType right) {
            Optional<Type> key = TypeCoercion.commonSuperType(left.keyType(), right.keyType());
            Optional<Type> value = TypeCoercion.commonSuperType(left.valueType(), right.valueType());
            if (key.isEmpty() || value.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new MapType(key.get(), value.get()));
        }
        if (first instanceof RowType left && second instanceof RowType right && left.fields().size() == right.fields().size()) {
            List<RowType.Field> fields = new ArrayList<>();
            for (int i = 0; i < left.fields().size(); i++) {
                RowType.Field leftField = left.fields().get(i);
                RowType.Field rightField = right.fields().get(i);
                Optional<Type> type = TypeCoercion.commonSuperType(leftField.type(), rightField.type());
                if (type.isEmpty()) {
                    return Optional.empty();
                }
                Optional<String> name = leftField.name().equals(rightField.name()) ? leftField.name() : Optional.empty();
                fields.add(new RowType.Field(name, type.get()));
            }
            return Optional.of(new RowType(fields));
        }
        return Optional.empty();
    }
}

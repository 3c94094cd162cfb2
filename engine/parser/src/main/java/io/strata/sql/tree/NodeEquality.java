package io.strata.sql.tree;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Equality of nodes by content: every record component except {@code location}. The nodes' own
 * {@code equals} and {@code hashCode} delegate here, so that a node's location never makes two nodes
 * differ and no node's equality can forget a component added later.
 */
final class NodeEquality
{
    private static final ClassValue<List<MethodHandle>> VALUE_ACCESSORS = new ClassValue<>()
    {
        @Override
        protected List<MethodHandle> computeValue(Class<?> type)
        {
            List<MethodHandle> accessors = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("location")) {
                    continue;
                }
                try {
                    MethodHandle accessor = MethodHandles.publicLookup().unreflect(component.getAccessor());
                    accessors.add(accessor.asType(MethodType.methodType(Object.class, Object.class)));
                }
                catch (IllegalAccessException e) {
                    throw new IllegalStateException("node component is not public: " + component, e);
                }
            }
            return List.copyOf(accessors);
        }
    };

    private NodeEquality() {}

    static boolean equals(Node node, Object other)
    {
        if (node == other) {
            return true;
        }
        if (other == null || node.getClass() != other.getClass()) {
            return false;
        }
        for (MethodHandle accessor : VALUE_ACCESSORS.get(node.getClass())) {
            if (!Objects.equals(get(accessor, node), get(accessor, other))) {
                return false;
            }
        }
        return true;
    }

    static int hashCode(Node node)
    {
        int hash = node.getClass().getSimpleName().hashCode();
        for (MethodHandle accessor : VALUE_ACCESSORS.get(node.getClass())) {
            hash = 31 * hash + Objects.hashCode(get(accessor, node));
        }
        return hash;
    }

    @SuppressWarnings("UnusedException")
    private static Object get(MethodHandle accessor, Object node)
    {
        try {
            return (Object) accessor.invokeExact(node);
        }
        catch (RuntimeException | Error e) {
            throw e;
        }
        catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

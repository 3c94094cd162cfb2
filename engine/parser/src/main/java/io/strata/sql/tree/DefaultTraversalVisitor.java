package io.strata.sql.tree;

/**
 * A visitor that walks the whole tree through {@link Node#children()}. Override the methods of the
 * nodes you care about and call {@code super} (or {@link #visitNode}) to keep walking below them.
 *
 * @param <C> the context passed down
 */
public interface DefaultTraversalVisitor<C>
        extends AstVisitor<Void, C>
{
    @Override
    default Void visitNode(Node node, C context)
    {
        for (Node child : node.children()) {
            process(child, context);
        }
        return null;
    }
}

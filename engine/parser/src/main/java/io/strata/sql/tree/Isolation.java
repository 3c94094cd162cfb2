package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code ISOLATION LEVEL level}.
 */
public record Isolation(Optional<Location> location, Level level)
        implements TransactionMode
{
    public Isolation
    {
        requireNonNull(location, "location is null");
        requireNonNull(level, "level is null");
    }

    public Isolation(Level level)
    {
        this(Optional.empty(), level);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitIsolation(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of();
    }

    @Override
    public boolean equals(Object other)
    {
        return NodeEquality.equals(this, other);
    }

    @Override
    public int hashCode()
    {
        return NodeEquality.hashCode(this);
    }

    public enum Level
    {
        SERIALIZABLE("SERIALIZABLE"),
        REPEATABLE_READ("REPEATABLE READ"),
        READ_COMMITTED("READ COMMITTED"),
        READ_UNCOMMITTED("READ UNCOMMITTED");

        private final String text;

        Level(String text)
        {
            this.text = text;
        }

        /** How SQL writes the level. */
        public String text()
        {
            return text;
        }
    }
}

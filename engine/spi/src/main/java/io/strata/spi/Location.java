package io.strata.spi;

/**
 * A place in the statement text, both numbers 1-based.
 */
public record Location(int line, int column)
{
    public Location
    {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }
}

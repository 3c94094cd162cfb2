package io.strata.spi.type;

import java.util.List;

/**
 * {@code char(n)}: text of exactly n characters, padded with spaces. Values are held as UTF-8 slices with the
 * trailing spaces removed (as Presto holds them), so that comparison and hashing ignore the padding; clients
 * see the value padded to n again.
 */
public record CharType(int length)
        implements Type
{
    public static final int MAX_LENGTH = 65_536;

    public CharType
    {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("char length must be between 1 and " + MAX_LENGTH + ": " + length);
        }
    }

    public static CharType createCharType(int length)
    {
        return new CharType(length);
    }

    @Override
    public String baseName()
    {
        return "char";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of((long) length);
    }

    @Override
    public ValueLayout layout()
    {
        return ValueLayout.VARIABLE_WIDTH;
    }

    @Override
    public String toString()
    {
        return displayName();
    }
}

package io.strata.spi.type;

/**
 * How a type's values sit in memory: the block class that holds them and the Java value of one position.
 */
public enum ValueLayout
{
    /** {@code ByteArrayBlock}; Java value {@code Boolean} (0 or 1). */
    BYTE,
    /** {@code IntArrayBlock}; Java value {@code Integer} (integer, date as days since 1970-01-01). */
    INT,
    /** {@code LongArrayBlock}; Java value {@code Long} (bigint, short decimal unscaled). */
    LONG,
    /** {@code DoubleArrayBlock}; Java value {@code Double}. */
    DOUBLE,
    /** {@code Int128ArrayBlock}; Java value {@link io.strata.spi.type.Int128} (long decimal unscaled). */
    INT128,
    /** {@code VariableWidthBlock}; Java value {@code io.airlift.slice.Slice} (varchar as UTF-8). */
    VARIABLE_WIDTH,
    /** {@code ArrayBlock}: offsets into a child block of elements; Java value {@code List}. */
    ARRAY,
    /** {@code MapBlock}: offsets into child blocks of keys and values; Java value {@code Map}. */
    MAP,
    /** {@code RowBlock}: one child block per field; Java value {@code List} of the field values. */
    ROW;

    /** Whether values hold child blocks (array, map, row): their blocks are built from the type, not the layout. */
    public boolean isNested()
    {
        return this == ARRAY || this == MAP || this == ROW;
    }
}

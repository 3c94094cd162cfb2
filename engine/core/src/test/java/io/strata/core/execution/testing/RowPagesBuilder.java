package io.strata.core.execution.testing;

import io.strata.spi.block.Page;
import io.strata.spi.block.PageBuilder;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds input pages row by row, values as {@link Values} reads them:
 * {@code rowPagesBuilder(BIGINT, VARCHAR).row(1L, "a").pageBreak().row(2L, null).build()}.
 */
public final class RowPagesBuilder
{
    private final List<Type> types;
    private final List<Page> pages = new ArrayList<>();
    private PageBuilder builder;

    private RowPagesBuilder(List<Type> types)
    {
        this.types = List.copyOf(types);
        this.builder = new PageBuilder(types);
    }

    public static RowPagesBuilder rowPagesBuilder(Type... types)
    {
        return new RowPagesBuilder(Arrays.asList(types));
    }

    public static RowPagesBuilder rowPagesBuilder(List<Type> types)
    {
        return new RowPagesBuilder(types);
    }

    public RowPagesBuilder row(Object... values)
    {
        if (values.length != types.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values, expected " + types.size());
        }
        for (int i = 0; i < values.length; i++) {
            builder.blockBuilder(i).appendValue(Values.toLayoutValue(types.get(i), values[i]));
        }
        builder.declarePosition();
        return this;
    }

    public RowPagesBuilder pageBreak()
    {
        if (!builder.isEmpty()) {
            pages.add(builder.build());
            builder = new PageBuilder(types);
        }
        return this;
    }

    public List<Page> build()
    {
        pageBreak();
        return List.copyOf(pages);
    }
}

package io.strata.launcher.cli;

import java.io.IOException;
import java.util.List;

/**
 * Writes the rows of one query result in one {@link OutputFormat}. The caller hands rows over as they
 * arrive, in any number of {@link #printRows} calls, then calls {@link #finish} exactly once, also when
 * there were no rows. A printer writes nothing on its own before the first call; it flushes its writer at
 * the end of each call, so that output appears while a long query runs.
 */
public interface OutputPrinter
{
    /** Prints these rows (each with one value per column, SQL NULL as {@code null}). */
    void printRows(List<List<Object>> rows)
            throws IOException;

    /** Prints what is still buffered and any footer. */
    void finish()
            throws IOException;
}

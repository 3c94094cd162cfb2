package io.strata.launcher;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Prepares the object size estimates of Airlift Slice ({@code io.airlift.slice.SizeOf}), which the engine
 * uses to account for its pages. Slice asks JOL, whose first use tries to attach an agent and the
 * serviceability agent to its own JVM: on a stock JDK both fail, after 2.4 s, with two {@code # WARNING}
 * lines on standard output, in the middle of the first query (and of the demo's output). Skipping the
 * attempts (JOL's own switches) takes 0.27 s and loses nothing, as they fail anyway; the skipped attempts
 * still print a line each, so the class is initialized here, once, with the standard streams muted.
 */
final class SizeEstimates
{
    private static final String SIZE_OF_CLASS = "io.airlift.slice.SizeOf";

    private SizeEstimates() {}

    /** Call at process start, before any other thread may print. */
    static void initializeQuietly()
    {
        setIfAbsent("jol.skipDynamicAttach", "true");
        setIfAbsent("jol.skipHotspotSAAttach", "true");
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(sink);
        System.setErr(sink);
        try {
            Class.forName(SIZE_OF_CLASS, true, SizeEstimates.class.getClassLoader());
        }
        catch (ClassNotFoundException | LinkageError e) {
            // not on the classpath, or broken: the engine reports it where it first needs the class
        }
        finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void setIfAbsent(String name, String value)
    {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}

package io.strata.protocol;

/** Headers of the internal task protocol between coordinator and workers (not the client protocol). */
public final class InternalHeaders
{
    public static final String CURRENT_VERSION = "X-Strata-Current-Version";
    public static final String MAX_WAIT = "X-Strata-Max-Wait";
    public static final String MAX_SIZE = "X-Strata-Max-Size";
    public static final String TASK_INSTANCE_ID = "X-Strata-Task-Instance-Id";
    public static final String PAGE_TOKEN = "X-Strata-Page-Token";
    public static final String PAGE_END_TOKEN = "X-Strata-Page-End-Token";
    public static final String BUFFER_COMPLETE = "X-Strata-Buffer-Complete";
    public static final String PAGES_CONTENT_TYPE = "application/x-strata-pages";

    private InternalHeaders() {}
}

package io.strata.core.execution.buffer;

import io.strata.spi.block.Page;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The answer to a read of an output buffer.
 *
 * @param taskInstanceId identifies the run of the task, so a consumer notices a task that was recreated
 * @param token the token that was asked for: the sequence number of the first page
 * @param nextToken the token to ask for next, which acknowledges these pages
 * @param bufferComplete no page will ever follow {@code nextToken}: the consumer is done
 */
public record BufferResult(String taskInstanceId, long token, long nextToken, boolean bufferComplete, List<Page> pages)
{
    public BufferResult
    {
        requireNonNull(taskInstanceId, "taskInstanceId is null");
        pages = List.copyOf(requireNonNull(pages, "pages is null"));
        if (nextToken != token + pages.size()) {
            throw new IllegalArgumentException("next token must follow the pages");
        }
    }

    public static BufferResult empty(String taskInstanceId, long token, boolean bufferComplete)
    {
        return new BufferResult(taskInstanceId, token, token, bufferComplete, List.of());
    }
}

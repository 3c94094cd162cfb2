package io.strata.core.execution.buffer;

import io.strata.core.execution.testing.RowPagesBuilder;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Page;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static io.strata.spi.type.BigintType.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPartitionedOutputBuffer
{
    private static final OutputBufferId BUFFER = new OutputBufferId(0);

    @Test
    void testRepeatingATokenReturnsTheSamePagesAndTheNextTokenAcknowledges()
            throws Exception
    {
        PartitionedOutputBuffer buffer = new PartitionedOutputBuffer("instance", 1, 1 << 20);
        Page first = page(1);
        Page second = page(2);
        Page third = page(3);
        buffer.enqueue(0, first);
        buffer.enqueue(0, second);
        buffer.enqueue(0, third);

        BufferResult result = buffer.get(BUFFER, 0, Long.MAX_VALUE).get();
        assertThat(result.pages()).containsExactly(first, second, third);
        assertThat(result.nextToken()).isEqualTo(3);
        assertThat(result.bufferComplete()).isFalse();

        // a retry of the same token gets the same pages: nothing was acknowledged
        BufferResult retry = buffer.get(BUFFER, 0, 1).get();
        assertThat(retry.pages()).containsExactly(first);
        assertThat(retry.nextToken()).isEqualTo(1);
        assertThat(buffer.statistics().bufferedPages()).isEqualTo(3);

        // asking for token 1 acknowledges page 0
        BufferResult next = buffer.get(BUFFER, 1, Long.MAX_VALUE).get();
        assertThat(next.pages()).containsExactly(second, third);
        assertThat(buffer.statistics().bufferedPages()).isEqualTo(2);

        // a read past the end waits for a page
        CompletableFuture<BufferResult> pending = buffer.get(BUFFER, 3, Long.MAX_VALUE);
        assertThat(pending).isNotDone();
        assertThat(buffer.statistics().bufferedPages()).isZero();
        Page fourth = page(4);
        buffer.enqueue(0, fourth);
        assertThat(pending.get().pages()).containsExactly(fourth);

        buffer.setNoMorePages();
        assertThat(buffer.state()).isEqualTo(BufferState.FLUSHING);
        BufferResult last = buffer.get(BUFFER, 4, Long.MAX_VALUE).get();
        assertThat(last.pages()).isEmpty();
        assertThat(last.bufferComplete()).isTrue();
        assertThat(buffer.state()).isEqualTo(BufferState.FINISHED);
    }

    @Test
    void testProducersBlockWhileFull()
            throws Exception
    {
        Page page = page(1);
        PartitionedOutputBuffer buffer = new PartitionedOutputBuffer("instance", 1, page.retainedSizeInBytes() * 2);
        assertThat(buffer.isFull()).isDone();
        buffer.enqueue(0, page);
        buffer.enqueue(0, page);
        CompletableFuture<Void> full = buffer.isFull();
        assertThat(full).isNotDone();
        // reading alone does not free: only acknowledging does
        buffer.get(BUFFER, 0, Long.MAX_VALUE).get();
        assertThat(full).isNotDone();
        buffer.acknowledge(BUFFER, 1);
        assertThat(full).isDone();
    }

    @Test
    void testFailureReachesWaitingReaders()
    {
        PartitionedOutputBuffer buffer = new PartitionedOutputBuffer("instance", 1, 1 << 20);
        CompletableFuture<BufferResult> pending = buffer.get(BUFFER, 0, Long.MAX_VALUE);
        buffer.fail(new StrataException(ErrorCode.DIVISION_BY_ZERO, "Division by zero"));
        assertThatThrownBy(pending::get)
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
        assertThat(buffer.get(BUFFER, 0, 1)).isCompletedExceptionally();
    }

    private static Page page(long value)
    {
        return RowPagesBuilder.rowPagesBuilder(BIGINT).row(value).build().get(0);
    }
}

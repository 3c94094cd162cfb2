package io.strata.core.execution.exchange;

import io.strata.connector.memory.MemorySplit;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.serde.CompressionCodec;
import io.strata.core.execution.serde.PagesSerde;
import io.strata.core.execution.split.Split;
import io.strata.core.execution.testing.OperatorRunner;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestExchangeOperator
{
    private static final PagesSerde SERDE = new PagesSerde(CompressionCodec.LZ4);

    private final Dispatcher dispatcher = new Dispatcher();
    private final OkHttpClient httpClient = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void tearDown()
            throws Exception
    {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        scheduler.shutdownNow();
        dispatcher.executorService().shutdownNow();
        httpClient.connectionPool().evictAll();
    }

    @Test
    void readsThePagesOfEveryRemoteSplit()
            throws Exception
    {
        FakeUpstream first = upstream(List.of(page(1, 2, 3), page(4)));
        FakeUpstream second = upstream(List.of(page(10, 20)));
        ExchangeOperator.Factory factory = factory();
        Operator operator = factory.createOperator(OperatorRunner.driverContext());
        factory.noMoreOperators();
        factory.addSplit(RemoteSplit.split(first.location()));
        factory.addSplit(RemoteSplit.split(second.location()));
        factory.noMoreSplits();

        List<Long> rows = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!operator.isFinished()) {
            assertThat(System.nanoTime()).as("finished in time").isLessThan(deadline);
            operator.isBlocked().get(10, TimeUnit.SECONDS);
            Page page = operator.getOutput();
            if (page != null) {
                LongArrayBlock block = (LongArrayBlock) page.getBlock(0);
                for (int position = 0; position < page.positionCount(); position++) {
                    rows.add(block.getLong(position));
                }
            }
        }
        operator.close();

        assertThat(rows).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 10L, 20L);
        assertThat(rows.indexOf(1L)).isLessThan(rows.indexOf(4L));
        assertThat(((ExchangeOperator) operator).exchangeStatus().pagesReceived()).isEqualTo(3);
    }

    @Test
    void finishReleasesTheUpstreams()
            throws Exception
    {
        FakeUpstream upstream = upstream(List.of(page(1), page(2), page(3)));
        ExchangeOperator.Factory factory = factory();
        Operator operator = factory.createOperator(OperatorRunner.driverContext());
        factory.noMoreOperators();
        factory.addSplit(RemoteSplit.split(upstream.location()));
        operator.isBlocked().get(10, TimeUnit.SECONDS);

        operator.finish();

        assertThat(operator.isFinished()).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (upstream.deletes() == 0) {
            assertThat(System.nanoTime()).as("DELETE in time").isLessThan(deadline);
            Thread.sleep(10);
        }
        operator.close();
    }

    @Test
    void rejectsSplitsOfTables()
    {
        ExchangeOperator.Factory factory = factory();
        assertThatThrownBy(() -> factory.addSplit(new Split("memory", new MemorySplit(1, 0, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("remote splits");
        factory.noMoreOperators();
    }

    private ExchangeOperator.Factory factory()
    {
        return new ExchangeOperator.Factory(0, new PlanNodeId("remote"),
                () -> new HttpExchangeClient(httpClient, () -> new PagesSerde(CompressionCodec.LZ4), ExchangeClientConfig.DEFAULT.withMaxBufferedBytes(1), scheduler));
    }

    @Test
    void pagesBufferedAreTheQuerysMemory()
            throws Exception
    {
        FakeUpstream upstream = upstream(List.of(page(1, 2, 3), page(4, 5), page(6)));
        ExchangeOperator.Factory factory = new ExchangeOperator.Factory(0, new PlanNodeId("remote"),
                () -> new HttpExchangeClient(httpClient, () -> new PagesSerde(CompressionCodec.LZ4), ExchangeClientConfig.DEFAULT, scheduler));
        ExchangeOperator operator = (ExchangeOperator) factory.createOperator(OperatorRunner.driverContext());
        factory.noMoreOperators();
        factory.addSplit(RemoteSplit.split(upstream.location()));
        factory.noMoreSplits();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // every page arrives before the first is taken: the two left are charged
        while (operator.exchangeStatus().pagesReceived() < 3) {
            assertThat(System.nanoTime()).as("received in time").isLessThan(deadline);
            Thread.sleep(5);
        }
        long charged = 0;
        while (!operator.isFinished()) {
            assertThat(System.nanoTime()).as("finished in time").isLessThan(deadline);
            operator.isBlocked().get(10, TimeUnit.SECONDS);
            operator.getOutput();
            assertThat(operator.operatorContext().memory().bytes()).isEqualTo(operator.exchangeStatus().bufferedBytes());
            charged = Math.max(charged, operator.operatorContext().memory().peakBytes());
        }
        assertThat(charged).as("some pages waited in the buffer").isPositive();
        operator.close();
        assertThat(operator.operatorContext().memory().bytes()).isZero();
    }

    @Test
    void operatorsShareOneClientClosedByTheLast()
            throws Exception
    {
        FakeUpstream upstream = upstream(List.of(page(1), page(2)));
        ExchangeOperator.Factory factory = factory();
        Operator first = factory.createOperator(OperatorRunner.driverContext());
        Operator second = factory.createOperator(OperatorRunner.driverContext());
        factory.noMoreOperators();
        factory.addSplit(RemoteSplit.split(upstream.location()));
        first.close();
        assertThat(upstream.deletes()).as("still read by the second operator").isZero();
        List<Page> pages = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pages.size() < 2) {
            assertThat(System.nanoTime()).as("pages in time").isLessThan(deadline);
            second.isBlocked().get(10, TimeUnit.SECONDS);
            Page page = second.getOutput();
            if (page != null) {
                pages.add(page);
            }
        }
        second.close();
        while (upstream.deletes() == 0) {
            assertThat(System.nanoTime()).as("DELETE in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private FakeUpstream upstream(List<Page> pages)
            throws Exception
    {
        FakeUpstream upstream = new FakeUpstream(SERDE, pages);
        resources.add(upstream);
        return upstream;
    }

    private static Page page(long... values)
    {
        return new Page(values.length, new LongArrayBlock(values.length, null, values));
    }
}

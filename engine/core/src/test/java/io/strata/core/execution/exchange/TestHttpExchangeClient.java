package io.strata.core.execution.exchange;

import io.strata.core.execution.exchange.FakeUpstream.Fault;
import io.strata.core.execution.serde.CompressionCodec;
import io.strata.core.execution.serde.PagesSerde;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exchange client against scripted upstreams on loopback ({@link FakeUpstream}); the expected rows are the
 * rows the fakes were given, so the oracle is the input itself.
 */
class TestHttpExchangeClient
{
    private static final PagesSerde SERDE = new PagesSerde(CompressionCodec.LZ4);
    private static final ExchangeClientConfig CONFIG = ExchangeClientConfig.DEFAULT
            .withMaxErrorDuration(Duration.ofSeconds(5));
    private static final long WAIT_MILLIS = 10_000;

    private final Dispatcher dispatcher = newDispatcher();
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
    void pagesOfSeveralUpstreamsAllArriveInOrderPerUpstream()
            throws Exception
    {
        List<FakeUpstream> upstreams = new ArrayList<>();
        Map<Long, List<Long>> expected = new HashMap<>();
        for (int upstream = 0; upstream < 3; upstream++) {
            List<Page> pages = pagesOf(upstream, 4 + upstream, 50);
            upstreams.add(upstream(pages));
            expected.put((long) upstream, rows(pages));
        }
        // one upstream with no pages at all
        upstreams.add(upstream(List.of()));
        HttpExchangeClient client = client(CONFIG);
        upstreams.forEach(upstream -> client.addLocation(upstream.location()));
        client.noMoreLocations();

        Map<Long, List<Long>> received = rowsByUpstream(drain(client));

        assertThat(received).isEqualTo(expected);
        assertThat(client.isFinished()).isTrue();
        ExchangeClientStatus status = client.status();
        assertThat(status.pagesReceived()).isEqualTo(4 + 5 + 6);
        assertThat(status.bufferedBytes()).isZero();
        assertThat(status.locations()).hasSize(4);
        assertThat(status.locations()).allMatch(ExchangeClientStatus.LocationStatus::complete);
        for (FakeUpstream upstream : upstreams) {
            waitUntil(() -> upstream.deletes() == 1, "DELETE after the buffer completed");
        }
    }

    @Test
    void tokensAdvanceAndAcknowledgeOnePageAtATime()
            throws Exception
    {
        FakeUpstream upstream = upstream(pagesOf(0, 3, 10));
        HttpExchangeClient client = client(CONFIG);
        client.addLocation(upstream.location());
        client.noMoreLocations();

        assertThat(drain(client)).hasSize(3);

        // each GET asks for the end token of the answer before it, which acknowledges the pages before it
        assertThat(upstream.requestedTokens()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(upstream.maxSizes()).allMatch(size -> size.endsWith("B") && Long.parseLong(size.substring(0, size.length() - 1)) > 0);
        ExchangeClientStatus.LocationStatus location = client.status().locations().get(0);
        assertThat(location.token()).isEqualTo(3);
        assertThat(location.requests()).isEqualTo(4);
        assertThat(location.retries()).isZero();
        assertThat(location.pagesReceived()).isEqualTo(3);
    }

    @Test
    void droppedConnectionRepeatsTheTokenWithoutDuplicatingPages()
            throws Exception
    {
        List<Page> pages = pagesOf(0, 3, 100);
        FakeUpstream upstream = upstream(pages);
        upstream.addFault(Fault.DROP_CONNECTION);
        HttpExchangeClient client = client(CONFIG);
        client.addLocation(upstream.location());
        client.noMoreLocations();

        assertThat(rows(drain(client))).isEqualTo(rows(pages));
        assertThat(upstream.requestedTokens()).containsExactly(0L, 0L, 1L, 2L, 3L);
        assertThat(client.status().locations().get(0).retries()).isEqualTo(1);
    }

    @Test
    void serviceUnavailableTwiceThenSuccessIsNoError()
            throws Exception
    {
        List<Page> pages = pagesOf(0, 2, 10);
        FakeUpstream upstream = upstream(pages);
        upstream.addFault(Fault.SERVICE_UNAVAILABLE);
        upstream.addFault(Fault.SERVICE_UNAVAILABLE);
        HttpExchangeClient client = client(CONFIG);
        client.addLocation(upstream.location());
        client.noMoreLocations();

        assertThat(rows(drain(client))).isEqualTo(rows(pages));
        assertThat(upstream.requestedTokens()).containsExactly(0L, 0L, 0L, 1L, 2L);
        assertThat(client.status().locations().get(0).retries()).isEqualTo(2);
    }

    @Test
    void fullBufferSendsNoRequestUntilTheConsumerPolls()
            throws Exception
    {
        FakeUpstream upstream = upstream(pagesOf(0, 5, 100));
        // any page fills the buffer
        HttpExchangeClient client = client(CONFIG.withMaxBufferedBytes(1));
        client.addLocation(upstream.location());
        client.noMoreLocations();

        client.isBlocked().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        Thread.sleep(300);
        assertThat(upstream.requests()).isEqualTo(1);
        assertThat(client.status().bufferedPages()).isEqualTo(1);
        assertThat(client.status().bufferedBytes()).isPositive();

        assertThat(client.pollPage()).isNotNull();
        waitUntil(() -> client.status().bufferedPages() == 1, "the second page after the consumer made room");
        Thread.sleep(300);
        assertThat(upstream.requests()).isEqualTo(2);
        // the request asked for no more than fits
        assertThat(upstream.maxSizes()).containsOnly("1B");
    }

    @Test
    void upstreamDownLongerThanMaxErrorDurationFailsNamingIt()
            throws Exception
    {
        URI location = URI.create("http://127.0.0.1:" + unusedPort() + "/v1/task/query1.1.0.0/results/0");
        HttpExchangeClient client = client(CONFIG.withMaxErrorDuration(Duration.ofMillis(500)));
        long start = System.nanoTime();
        client.addLocation(location);
        client.noMoreLocations();

        client.isBlocked().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsedMillis).isBetween(400L, 5_000L);
        assertFails(client, ErrorCode.PAGE_TRANSPORT_TIMEOUT, location.toString());
        assertThat(client.status().locations().get(0).retries()).isPositive();
    }

    @Test
    void notFoundFailsAtOnceNamingTheNode()
            throws Exception
    {
        FakeUpstream upstream = upstream(pagesOf(0, 2, 10));
        upstream.addFault(Fault.NOT_FOUND);
        // a long error duration: a retry would show as a hang
        HttpExchangeClient client = client(CONFIG.withMaxErrorDuration(Duration.ofMinutes(1)));
        client.addLocation(upstream.location());

        client.isBlocked().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

        assertFails(client, ErrorCode.REMOTE_TASK_ERROR, upstream.node());
        assertThat(upstream.requests()).isEqualTo(1);
    }

    @Test
    void failedTaskFailsWithItsOwnError()
            throws Exception
    {
        FakeUpstream upstream = upstream(pagesOf(0, 2, 10));
        upstream.addFault(Fault.TASK_FAILED);
        HttpExchangeClient client = client(CONFIG.withMaxErrorDuration(Duration.ofMinutes(1)));
        client.addLocation(upstream.location());

        client.isBlocked().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

        // the query fails with the upstream task's error, not with one of the exchange
        assertFails(client, ErrorCode.DIVISION_BY_ZERO, "Division by zero");
        assertThat(upstream.requests()).isEqualTo(1);
    }

    @Test
    void changedInstanceIdFails()
            throws Exception
    {
        FakeUpstream upstream = upstream(pagesOf(0, 3, 10));
        HttpExchangeClient client = client(CONFIG);
        client.addLocation(upstream.location());
        client.isBlocked().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(client.pollPage()).isNotNull();
        upstream.setInstanceId("instance-2");

        waitUntil(() -> {
            try {
                client.pollPage();
                return false;
            }
            catch (StrataException e) {
                return true;
            }
        }, "the failure after the upstream restarted");

        assertFails(client, ErrorCode.REMOTE_TASK_MISMATCH, upstream.node());
        assertThatThrownBy(client::pollPage).hasMessageContaining("instance-1").hasMessageContaining("instance-2");
    }

    @Test
    void closeSendsDeleteAndStopsRequests()
            throws Exception
    {
        FakeUpstream upstream = upstream(pagesOf(0, 5, 100));
        HttpExchangeClient client = client(CONFIG.withMaxBufferedBytes(1));
        client.addLocation(upstream.location());
        client.isBlocked().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

        client.close();

        waitUntil(() -> upstream.deletes() == 1, "DELETE after close");
        int requests = upstream.requests();
        assertThat(client.pollPage()).isNull();
        assertThat(client.isFinished()).isTrue();
        assertThat(client.isBlocked()).isDone();
        Thread.sleep(300);
        assertThat(upstream.requests()).isEqualTo(requests);
        assertThat(upstream.deletes()).isEqualTo(1);
    }

    private HttpExchangeClient client(ExchangeClientConfig config)
    {
        HttpExchangeClient client = new HttpExchangeClient(httpClient, () -> new PagesSerde(CompressionCodec.LZ4), config, scheduler);
        resources.add(client);
        return client;
    }

    private FakeUpstream upstream(List<Page> pages)
            throws IOException
    {
        FakeUpstream upstream = new FakeUpstream(SERDE, pages);
        resources.add(upstream);
        return upstream;
    }

    private static List<Page> drain(HttpExchangeClient client)
            throws Exception
    {
        List<Page> pages = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!client.isFinished()) {
            assertThat(System.nanoTime()).as("drained in time").isLessThan(deadline);
            Page page = client.pollPage();
            if (page != null) {
                pages.add(page);
            }
            else {
                client.isBlocked().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
        return pages;
    }

    /** Pages of one BIGINT column; the value {@code upstream * 1_000_000 + row} tells its upstream and order. */
    private static List<Page> pagesOf(int upstream, int pageCount, int rowsPerPage)
    {
        List<Page> pages = new ArrayList<>();
        long next = upstream * 1_000_000L;
        for (int page = 0; page < pageCount; page++) {
            long[] values = new long[rowsPerPage];
            boolean[] nulls = new boolean[rowsPerPage];
            for (int row = 0; row < rowsPerPage; row++) {
                values[row] = next++;
            }
            pages.add(new Page(rowsPerPage, new LongArrayBlock(rowsPerPage, nulls, values)));
        }
        return pages;
    }

    private static List<Long> rows(List<Page> pages)
    {
        List<Long> rows = new ArrayList<>();
        for (Page page : pages) {
            LongArrayBlock block = (LongArrayBlock) page.getBlock(0);
            for (int position = 0; position < page.positionCount(); position++) {
                rows.add(block.getLong(position));
            }
        }
        return rows;
    }

    private static Map<Long, List<Long>> rowsByUpstream(List<Page> pages)
    {
        Map<Long, List<Long>> rows = new HashMap<>();
        for (long row : rows(pages)) {
            rows.computeIfAbsent(row / 1_000_000, upstream -> new ArrayList<>()).add(row);
        }
        return rows;
    }

    private static void assertFails(HttpExchangeClient client, ErrorCode errorCode, String named)
    {
        assertThatThrownBy(client::pollPage)
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(errorCode))
                .hasMessageContaining(named);
        assertThatThrownBy(client::isFinished).isInstanceOf(StrataException.class);
        assertThat(client.isBlocked()).isDone();
    }

    private static void waitUntil(BooleanSupplier condition, String what)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static int unusedPort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Dispatcher newDispatcher()
    {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(64);
        return dispatcher;
    }
}

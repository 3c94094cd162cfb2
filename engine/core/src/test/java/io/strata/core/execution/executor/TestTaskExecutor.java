package io.strata.core.execution.executor;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor's behaviour under a CPU-bound workload ({@link SpinningDriver}). Timeouts only bound how long a
 * failure takes to surface (CI shares two cores among many processes); nothing asserts speed.
 */
class TestTaskExecutor
{
    private static final long TIMEOUT_SECONDS = 60;
    private static final long MILLIS = 1_000_000;

    @Test
    void levelsFollowThresholds()
    {
        LevelSchedule schedule = schedule(0, 2, 10, 30, 60);
        assertThat(schedule.levelOf(0)).isEqualTo(0);
        assertThat(schedule.levelOf(2 * MILLIS - 1)).isEqualTo(0);
        assertThat(schedule.levelOf(2 * MILLIS)).isEqualTo(1);
        assertThat(schedule.levelOf(29 * MILLIS)).isEqualTo(2);
        assertThat(schedule.levelOf(30 * MILLIS)).isEqualTo(3);
        assertThat(schedule.levelOf(Long.MAX_VALUE)).isEqualTo(4);
        assertThat(LevelSchedule.defaults().levelOf(TimeUnit.SECONDS.toNanos(11))).isEqualTo(2);
    }

    @Test
    void taskCrossesLevelsAsItsTimeGrows()
            throws InterruptedException
    {
        try (TaskExecutor executor = new TaskExecutor(1, MILLIS, schedule(0, 2, 10, 30, 60)).start()) {
            TaskHandle task = executor.addTask("long");
            List<Integer> levels = new ArrayList<>();
            levels.add(task.level());
            SpinningDriver driver = SpinningDriver.spinning(100_000, Long.MAX_VALUE);
            executor.enqueueDriver(task, driver.driver(), driver.listener());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (task.level() < 4 && System.nanoTime() < deadline) {
                int level = task.level();
                if (level != levels.get(levels.size() - 1)) {
                    levels.add(level);
                }
                Thread.sleep(1);
            }
            levels.add(task.level());
            driver.stop();

            assertThat(levels.get(0)).isEqualTo(0);
            assertThat(levels).isSorted().endsWith(4);
            assertThat(task.scheduledNanos()).isGreaterThanOrEqualTo(60 * MILLIS);
            TaskExecutionStats stats = task.stats();
            assertThat(stats.level()).isEqualTo(4);
            assertThat(stats.quanta()).isGreaterThan(1);
            assertThat(driver.done().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void shortTaskGoesBeforeTheNextQuantumOfALongTask()
            throws InterruptedException
    {
        int threads = 2;
        try (TaskExecutor executor = new TaskExecutor(threads, 20 * MILLIS, schedule(0, 1, 3_600_000, 7_200_000, 10_800_000)).start()) {
            TaskHandle longTask = executor.addTask("long");
            List<SpinningDriver> longDrivers = new ArrayList<>();
            for (int i = 0; i < threads + 1; i++) {
                SpinningDriver driver = SpinningDriver.spinning(MILLIS, Long.MAX_VALUE);
                longDrivers.add(driver);
                executor.enqueueDriver(longTask, driver.driver(), driver.listener());
            }
            // every thread busy with the long task, and each of its drivers requeued since it reached level 1
            awaitTrue(() -> longTask.level() == 1 && longTask.stats().quanta() >= 4L * (threads + 1));
            assertThat(longTask.stats().runningDrivers() + longTask.stats().queuedDrivers()).isEqualTo(threads + 1);

            TaskHandle shortTask = executor.addTask("short");
            AtomicLong longQuantaAtShortStart = new AtomicLong(-1);
            SpinningDriver shortDriver = SpinningDriver.spinning(MILLIS, 1)
                    .onFirstCall(() -> longQuantaAtShortStart.set(longTask.stats().quanta()));
            executor.enqueueDriver(shortTask, shortDriver.driver(), shortDriver.listener());
            long longQuantaAtEnqueue = longTask.stats().quanta();

            assertThat(shortDriver.done().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            // only the quanta that were running when the short task came may end before it starts
            assertThat(longQuantaAtShortStart.get()).isBetween(0L, longQuantaAtEnqueue + threads);
            assertThat(shortTask.stats().quanta()).isEqualTo(1);

            longDrivers.forEach(SpinningDriver::stop);
            for (SpinningDriver driver : longDrivers) {
                assertThat(driver.done().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void runningDriverOfAHigherLevelMakesWayAtItsNextPage()
            throws InterruptedException
    {
        // a quantum of an hour: the short task can only run if the long driver yields before its quantum ends
        try (TaskExecutor executor = new TaskExecutor(1, TimeUnit.HOURS.toNanos(1)).start()) {
            TaskHandle longTask = executor.addTask("long");
            longTask.addScheduledNanos(TimeUnit.SECONDS.toNanos(20));
            assertThat(longTask.level()).isEqualTo(2);
            SpinningDriver longDriver = SpinningDriver.spinning(MILLIS, Long.MAX_VALUE);
            executor.enqueueDriver(longTask, longDriver.driver(), longDriver.listener());
            awaitTrue(() -> longDriver.calls() > 0);

            // another driver of the same task does not interrupt it
            SpinningDriver sameTask = SpinningDriver.spinning(MILLIS, 1);
            executor.enqueueDriver(longTask, sameTask.driver(), sameTask.listener());

            TaskHandle shortTask = executor.addTask("short");
            AtomicLong sameTaskCallsAtShortStart = new AtomicLong(-1);
            SpinningDriver shortDriver = SpinningDriver.spinning(MILLIS, 1).onFirstCall(() -> sameTaskCallsAtShortStart.set(sameTask.calls()));
            executor.enqueueDriver(shortTask, shortDriver.driver(), shortDriver.listener());
            assertThat(shortDriver.done().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(sameTaskCallsAtShortStart.get()).isZero();

            longDriver.stop();
            assertThat(longDriver.done().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(sameTask.done().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void lowerLevelGetsMoreTimeButHigherLevelIsNotStarved()
            throws InterruptedException
    {
        try (TaskExecutor executor = new TaskExecutor(1, 2 * MILLIS, schedule(0, 3_600_000, 7_200_000, 10_800_000, 14_400_000)).start()) {
            TaskHandle low = executor.addTask("low");
            TaskHandle high = executor.addTask("high");
            // the high task has already run an hour: level 1, and stays there, as the low one stays at level 0
            long highStart = TimeUnit.HOURS.toNanos(1);
            high.addScheduledNanos(highStart);
            assertThat(high.level()).isEqualTo(1);

            List<SpinningDriver> drivers = new ArrayList<>();
            for (TaskHandle task : List.of(low, high, low, high)) {
                SpinningDriver driver = SpinningDriver.spinning(200_000, Long.MAX_VALUE);
                drivers.add(driver);
                executor.enqueueDriver(task, driver.driver(), driver.listener());
            }
            awaitTrue(() -> low.scheduledNanos() + (high.scheduledNanos() - highStart) >= 400 * MILLIS);
            drivers.forEach(SpinningDriver::stop);
            for (SpinningDriver driver : drivers) {
                assertThat(driver.done().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            }

            long lowTime = low.scheduledNanos();
            long highTime = high.scheduledNanos() - highStart;
            assertThat(low.level()).isEqualTo(0);
            assertThat(high.level()).isEqualTo(1);
            // the share is two to one: asserted loosely, as more for the lower level and some for the higher one
            assertThat(lowTime).isGreaterThan(highTime);
            assertThat(highTime).isGreaterThan((lowTime + highTime) / 10);

            TaskExecutorStats stats = executor.stats();
            assertThat(stats.threads()).isEqualTo(1);
            assertThat(stats.queuedDriversPerLevel()).hasSize(LevelSchedule.LEVELS).allMatch(queued -> queued == 0);
            assertThat(stats.busyNanos()).isGreaterThanOrEqualTo(lowTime + highTime);
            assertThat(stats.utilization()).isGreaterThan(0).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void blockedDriversDoNotHoldThreads()
            throws InterruptedException
    {
        try (TaskExecutor executor = new TaskExecutor(1, 100 * MILLIS).start()) {
            CompletableFuture<Void> gate = new CompletableFuture<>();
            TaskHandle waiting = executor.addTask("waiting");
            SpinningDriver blocked = SpinningDriver.gated(gate);
            executor.enqueueDriver(waiting, blocked.driver(), blocked.listener());
            awaitTrue(() -> waiting.stats().blockedDrivers() == 1);

            // the only thread is free for another task while the first one waits
            TaskHandle other = executor.addTask("other");
            SpinningDriver runner = SpinningDriver.spinning(100_000, 5);
            executor.enqueueDriver(other, runner.driver(), runner.listener());
            assertThat(runner.done().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(waiting.stats().blockedDrivers()).isEqualTo(1);
            assertThat(executor.stats().blockedDrivers()).isEqualTo(1);
            assertThat(blocked.calls()).isZero();

            gate.complete(null);
            assertThat(blocked.done().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(blocked.calls()).isEqualTo(1);
            awaitTrue(() -> executor.stats().blockedDrivers() == 0 && waiting.stats().blockedDrivers() == 0);
        }
    }

    @Test
    void removingATaskDropsItsQueuedDrivers()
            throws InterruptedException
    {
        try (TaskExecutor executor = new TaskExecutor(1, TimeUnit.SECONDS.toNanos(30)).start()) {
            TaskHandle busy = executor.addTask("busy");
            SpinningDriver occupier = SpinningDriver.spinning(MILLIS, Long.MAX_VALUE);
            executor.enqueueDriver(busy, occupier.driver(), occupier.listener());
            awaitTrue(() -> busy.stats().runningDrivers() == 1);

            TaskHandle removed = executor.addTask("removed");
            List<SpinningDriver> queued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                SpinningDriver driver = SpinningDriver.spinning(MILLIS, 1);
                queued.add(driver);
                executor.enqueueDriver(removed, driver.driver(), driver.listener());
            }
            assertThat(removed.stats().queuedDrivers()).isEqualTo(3);
            assertThat(executor.stats().queuedDriversPerLevel().get(0)).isEqualTo(3);

            executor.removeTask(removed);
            assertThat(removed.stats().queuedDrivers()).isZero();
            assertThat(executor.stats().queuedDrivers()).isZero();
            SpinningDriver late = SpinningDriver.spinning(MILLIS, 1);
            executor.enqueueDriver(removed, late.driver(), late.listener());
            assertThat(executor.stats().queuedDrivers()).isZero();

            occupier.stop();
            assertThat(occupier.done().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            awaitTrue(() -> executor.stats().runningDrivers() == 0);
            for (SpinningDriver driver : queued) {
                assertThat(driver.calls()).isZero();
            }
            assertThat(late.calls()).isZero();
        }
    }

    @Test
    void closeStopsThreads()
            throws InterruptedException
    {
        TaskExecutor executor = new TaskExecutor(2, 10 * MILLIS).start();
        TaskHandle task = executor.addTask("endless");
        SpinningDriver driver = SpinningDriver.spinning(MILLIS, Long.MAX_VALUE);
        executor.enqueueDriver(task, driver.driver(), driver.listener());
        awaitTrue(() -> driver.calls() > 0);

        executor.close();
        assertThat(executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(executor.stats().queuedDrivers()).isZero();
        SpinningDriver late = SpinningDriver.spinning(MILLIS, 1);
        executor.enqueueDriver(executor.addTask("late"), late.driver(), late.listener());
        assertThat(executor.stats().queuedDrivers()).isZero();
        assertThat(late.calls()).isZero();
    }

    private static LevelSchedule schedule(long... thresholdMillis)
    {
        List<Duration> thresholds = new ArrayList<>();
        for (long millis : thresholdMillis) {
            thresholds.add(Duration.ofMillis(millis));
        }
        return new LevelSchedule(thresholds, 2.0);
    }

    private static void awaitTrue(BooleanSupplier condition)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within %s s", TIMEOUT_SECONDS).isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}

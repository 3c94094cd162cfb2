package io.strata.core.execution.executor;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The levels of the executor's multilevel feedback queue: the scheduled time at which a task enters each level,
 * and how the thread time is shared between them (level n is meant to get {@code levelTimeMultiplier} times the
 * time of level n + 1).
 *
 * @param levelThresholds where each level starts, in a task's accumulated scheduled time; the first is zero
 * @param levelTimeMultiplier {@code task.level-time-multiplier}: the ratio of the shares of two neighbouring levels
 */
public record LevelSchedule(List<Duration> levelThresholds, double levelTimeMultiplier)
{
    public static final int LEVELS = 5;

    /** Presto's levels: 0, 1 s, 10 s, 60 s and 300 s, each level getting twice the time of the next. */
    public static LevelSchedule defaults()
    {
        return new LevelSchedule(
                List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(300)),
                2.0);
    }

    public LevelSchedule
    {
        levelThresholds = List.copyOf(requireNonNull(levelThresholds, "levelThresholds is null"));
        if (levelThresholds.size() != LEVELS) {
            throw new IllegalArgumentException("need " + LEVELS + " level thresholds: " + levelThresholds);
        }
        if (!levelThresholds.get(0).isZero()) {
            throw new IllegalArgumentException("the first level must start at zero: " + levelThresholds);
        }
        for (int i = 1; i < LEVELS; i++) {
            if (levelThresholds.get(i).compareTo(levelThresholds.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("level thresholds must increase: " + levelThresholds);
            }
        }
        if (!(levelTimeMultiplier >= 1.0) || Double.isInfinite(levelTimeMultiplier)) {
            throw new IllegalArgumentException("levelTimeMultiplier must be finite and at least 1: " + levelTimeMultiplier);
        }
    }

    /** The level of a task that has been scheduled for {@code scheduledNanos}. */
    public int levelOf(long scheduledNanos)
    {
        int level = 0;
        for (int i = 1; i < LEVELS; i++) {
            if (scheduledNanos >= levelThresholds.get(i).toNanos()) {
                level = i;
            }
        }
        return level;
    }
}

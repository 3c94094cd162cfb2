package io.strata.server.query;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestQueryIdGenerator
{
    @Test
    void testFormat()
    {
        MutableClock clock = new MutableClock(Instant.parse("2024-03-05T07:08:09.123Z"));
        QueryIdGenerator generator = new QueryIdGenerator("c7", clock);
        assertThat(generator.createNextQueryId()).isEqualTo("20240305_070809_00000_c7");
        assertThat(generator.createNextQueryId()).isEqualTo("20240305_070809_00001_c7");
        clock.instant = Instant.parse("2024-03-05T07:08:10Z");
        // the counter runs on through the day
        assertThat(generator.createNextQueryId()).isEqualTo("20240305_070810_00002_c7");
        clock.instant = Instant.parse("2024-03-06T00:00:00Z");
        assertThat(generator.createNextQueryId()).isEqualTo("20240306_000000_00000_c7");
        assertThat(generator.createNextQueryId()).matches(QueryIdGenerator.QUERY_ID.pattern());
        // gateways find query ids with this pattern
        assertThat(generator.createNextQueryId()).matches("\\d+_\\d+_\\d+_\\w+");
    }

    @Test
    void testRolloverNeverRepeats()
    {
        MutableClock clock = new MutableClock(Instant.parse("2024-03-05T23:59:59Z"));
        QueryIdGenerator generator = new QueryIdGenerator("abc", clock);
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < 250_000; index++) {
            assertThat(ids.add(generator.createNextQueryId())).isTrue();
        }
        // three rollovers within one clock second: the timestamp ran ahead, across midnight
        assertThat(ids).contains("20240305_235959_99999_abc", "20240306_000000_00000_abc", "20240306_000001_49999_abc");
    }

    @Test
    void testCoordinatorIdValidated()
    {
        assertThatThrownBy(() -> new QueryIdGenerator("Bad", Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueryIdGenerator("", Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class MutableClock
            extends Clock
    {
        private Instant instant;

        private MutableClock(Instant instant)
        {
            this.instant = instant;
        }

        @Override
        public ZoneId getZone()
        {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone)
        {
            return this;
        }

        @Override
        public Instant instant()
        {
            return instant;
        }
    }
}

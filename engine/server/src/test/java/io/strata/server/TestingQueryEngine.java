package io.strata.server;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import io.airlift.slice.Slices;
import io.strata.core.execution.OutputColumn;
import io.strata.core.execution.QueryEngine;
import io.strata.core.execution.QueryExecution;
import io.strata.core.execution.QueryStatistics;
import io.strata.core.session.Session;
import io.strata.core.session.SessionUpdates;
import io.strata.protocol.ErrorCode;
import io.strata.protocol.QueryState;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.Page;
import io.strata.spi.type.Type;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.util.Objects.requireNonNull;

/**
 * A scripted {@link QueryEngine}: each SQL text registered with a {@link Script} (columns, pages, update type,
 * session updates, a failure, or a hold that keeps the query planning or running until released). Every
 * execution it creates is kept, so tests can see the session it got and the calls it received.
 */
public final class TestingQueryEngine
        implements QueryEngine
{
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final List<TestingQueryExecution> executions = new CopyOnWriteArrayList<>();

    public TestingQueryEngine register(String sql, Script script)
    {
        scripts.put(sql, script);
        return this;
    }

    @Override
    public QueryExecution createQuery(Session session, String sql)
    {
        Script script = scripts.get(sql);
        if (script == null) {
            script = Script.builder().failOnStart(new StrataException(ErrorCode.NOT_SUPPORTED, "no script for: " + sql)).build();
        }
        if (script.createFailure().isPresent()) {
            throw script.createFailure().get();
        }
        TestingQueryExecution execution = new TestingQueryExecution(session, sql, script);
        executions.add(execution);
        return execution;
    }

    public List<TestingQueryExecution> executions()
    {
        return List.copyOf(executions);
    }

    public TestingQueryExecution execution(String queryId)
    {
        for (TestingQueryExecution execution : executions) {
            if (execution.queryId().equals(queryId)) {
                return execution;
            }
        }
        throw new IllegalArgumentException("no execution " + queryId);
    }

    /** A page of {@code rows} of {@code types}, values as the layouts hold them (a String for varchar). */
    public static Page page(List<Type> types, Object[]... rows)
    {
        List<BlockBuilder> builders = new ArrayList<>();
        for (Type type : types) {
            builders.add(type.createBlockBuilder(rows.length));
        }
        for (Object[] row : rows) {
            for (int channel = 0; channel < types.size(); channel++) {
                Object value = row[channel];
                builders.get(channel).appendValue(value instanceof String text ? Slices.utf8Slice(text) : value);
            }
        }
        return new Page(rows.length, builders.stream().map(BlockBuilder::build).toArray(Block[]::new));
    }

    /** What a statement does. */
    public record Script(
            List<OutputColumn> columns,
            List<Page> pages,
            Optional<String> updateType,
            OptionalLong updateCount,
            SessionUpdates sessionUpdates,
            Optional<StrataException> startFailure,
            Optional<RuntimeException> createFailure,
            boolean holdPlanning,
            boolean holdOutput)
    {
        public Script
        {
            columns = List.copyOf(columns);
            pages = List.copyOf(pages);
            requireNonNull(updateType, "updateType is null");
            requireNonNull(updateCount, "updateCount is null");
            requireNonNull(sessionUpdates, "sessionUpdates is null");
            requireNonNull(startFailure, "startFailure is null");
            requireNonNull(createFailure, "createFailure is null");
        }

        public static Builder builder()
        {
            return new Builder();
        }

        public static final class Builder
        {
            private List<OutputColumn> columns = List.of();
            private List<Page> pages = List.of();
            private Optional<String> updateType = Optional.empty();
            private OptionalLong updateCount = OptionalLong.empty();
            private SessionUpdates sessionUpdates = SessionUpdates.NONE;
            private Optional<StrataException> startFailure = Optional.empty();
            private Optional<RuntimeException> createFailure = Optional.empty();
            private boolean holdPlanning;
            private boolean holdOutput;

            public Builder columns(OutputColumn... columns)
            {
                this.columns = List.of(columns);
                return this;
            }

            public Builder pages(Page... pages)
            {
                this.pages = List.of(pages);
                return this;
            }

            public Builder pages(List<Page> pages)
            {
                this.pages = List.copyOf(pages);
                return this;
            }

            public Builder updateType(String updateType)
            {
                this.updateType = Optional.of(updateType);
                return this;
            }

            public Builder updateCount(long updateCount)
            {
                this.updateCount = OptionalLong.of(updateCount);
                return this;
            }

            public Builder sessionUpdates(SessionUpdates sessionUpdates)
            {
                this.sessionUpdates = sessionUpdates;
                return this;
            }

            /** Planning fails with this error (a syntax error, say). */
            public Builder failOnStart(StrataException failure)
            {
                this.startFailure = Optional.of(failure);
                return this;
            }

            /** {@code createQuery} throws this. */
            public Builder failOnCreate(RuntimeException failure)
            {
                this.createFailure = Optional.of(failure);
                return this;
            }

            /** The query stays in PLANNING until {@link TestingQueryExecution#release()}. */
            public Builder holdPlanning()
            {
                this.holdPlanning = true;
                return this;
            }

            /** Planned, the query produces no page until {@link TestingQueryExecution#release()}. */
            public Builder holdOutput()
            {
                this.holdOutput = true;
                return this;
            }

            public Script build()
            {
                return new Script(columns, pages, updateType, updateCount, sessionUpdates, startFailure, createFailure, holdPlanning, holdOutput);
            }
        }
    }

    /** One scripted run; records {@code start}, {@code cancel} and {@code fail} calls. */
    public static final class TestingQueryExecution
            implements QueryExecution
    {
        private final Session session;
        private final String sql;
        private final Script script;

        @GuardedBy("this")
        private QueryState state = QueryState.QUEUED;
        @GuardedBy("this")
        private boolean planned;
        @GuardedBy("this")
        private boolean produced;
        @GuardedBy("this")
        private final Deque<Page> output = new ArrayDeque<>();
        @GuardedBy("this")
        private Optional<StrataException> failure = Optional.empty();
        @GuardedBy("this")
        private CompletableFuture<Void> changed = new CompletableFuture<>();
        @GuardedBy("this")
        private int startCalls;
        @GuardedBy("this")
        private boolean canceled;
        @GuardedBy("this")
        private final List<StrataException> failCalls = new ArrayList<>();
        @GuardedBy("this")
        private int pagesTaken;

        private TestingQueryExecution(Session session, String sql, Script script)
        {
            this.session = session;
            this.sql = sql;
            this.script = script;
        }

        public Session session()
        {
            return session;
        }

        public String sql()
        {
            return sql;
        }

        @Override
        public String queryId()
        {
            return session.queryId();
        }

        @Override
        public synchronized QueryState state()
        {
            return state;
        }

        @Override
        public void start()
        {
            synchronized (this) {
                startCalls++;
                if (startCalls > 1 || state != QueryState.QUEUED) {
                    return;
                }
                state = QueryState.PLANNING;
                signal();
            }
            if (script.startFailure().isPresent()) {
                fail(script.startFailure().get());
                return;
            }
            if (!script.holdPlanning()) {
                plan();
            }
        }

        /** Ends a hold: planning, or the output. */
        public void release()
        {
            synchronized (this) {
                if (state == QueryState.PLANNING) {
                    plan();
                    return;
                }
                produce();
            }
        }

        private synchronized void plan()
        {
            if (state.isDone()) {
                return;
            }
            planned = true;
            state = QueryState.RUNNING;
            if (!script.holdOutput()) {
                produce();
            }
            signal();
        }

        private synchronized void produce()
        {
            if (produced || state.isDone()) {
                return;
            }
            output.addAll(script.pages());
            produced = true;
            finishIfDrained();
            signal();
        }

        @Override
        public synchronized Optional<List<OutputColumn>> columns()
        {
            return planned ? Optional.of(script.columns()) : Optional.empty();
        }

        @Override
        public synchronized boolean isPlanned()
        {
            return planned || failure.isPresent();
        }

        @Override
        public Optional<String> updateType()
        {
            return script.updateType();
        }

        @Override
        public synchronized OptionalLong updateCount()
        {
            return state == QueryState.FINISHED ? script.updateCount() : OptionalLong.empty();
        }

        @Override
        public SessionUpdates sessionUpdates()
        {
            return script.sessionUpdates();
        }

        @Override
        public synchronized Page pollPage()
        {
            Page page = output.poll();
            if (page != null) {
                pagesTaken++;
                finishIfDrained();
            }
            return page;
        }

        @GuardedBy("this")
        private void finishIfDrained()
        {
            if (produced && output.isEmpty() && state == QueryState.RUNNING) {
                state = QueryState.FINISHED;
                signal();
            }
        }

        @Override
        public synchronized boolean isOutputFinished()
        {
            return produced && output.isEmpty();
        }

        @Override
        public synchronized CompletableFuture<Void> whenChanged()
        {
            return changed;
        }

        @GuardedBy("this")
        private void signal()
        {
            CompletableFuture<Void> old = changed;
            changed = new CompletableFuture<>();
            old.complete(null);
        }

        @Override
        public synchronized Optional<StrataException> failure()
        {
            return failure;
        }

        @Override
        public synchronized QueryStatistics statistics()
        {
            int totalSplits = script.pages().size();
            return new QueryStatistics(state, planned, 1, totalSplits, 0, 0, pagesTaken, 5, 7, 1, 11, pagesTaken * 10L, pagesTaken * 100L, 4096);
        }

        @Override
        public void cancel()
        {
            synchronized (this) {
                canceled = true;
            }
            fail(new StrataException(ErrorCode.USER_CANCELED, "Query was canceled"));
        }

        @Override
        public synchronized void fail(StrataException cause)
        {
            failCalls.add(cause);
            if (state.isDone()) {
                return;
            }
            failure = Optional.of(cause);
            state = QueryState.FAILED;
            output.clear();
            signal();
        }

        public synchronized int startCalls()
        {
            return startCalls;
        }

        public synchronized boolean canceled()
        {
            return canceled;
        }

        public synchronized List<StrataException> failCalls()
        {
            return List.copyOf(failCalls);
        }
    }
}

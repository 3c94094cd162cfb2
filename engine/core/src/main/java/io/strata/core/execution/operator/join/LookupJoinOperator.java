package io.strata.core.execution.operator.join;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.execution.expression.BlockEvaluator;
import io.strata.core.execution.expression.Blocks;
import io.strata.core.execution.expression.EvaluationContext;
import io.strata.core.execution.expression.SelectedPositions;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.Page;
import io.strata.spi.type.Type;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * The probe side of a join: waits for the {@link JoinBridge}'s table, then for each input page hashes the probe
 * keys of the whole page, walks the table's chains into arrays of candidate pairs (probe position, build row),
 * keeps the pairs whose keys are equal and for which the join filter holds, and gathers the output columns with
 * {@code copyPositions}. At most {@link #BATCH} pairs are made at a time, so one page of many matches yields
 * several output pages.
 * <ul>
 * <li>{@code INNER}: probe columns, then build columns, of each pair;</li>
 * <li>{@code PROBE_OUTER} (left join): also each probe row without a pair, with nulls for the build columns;</li>
 * <li>{@code FULL_OUTER}: also, once the input ended, each build row no probe row matched, with nulls for the
 * probe columns (its probe pipeline runs one driver, so this operator sees every probe row);</li>
 * <li>{@code SEMI}: the probe page with a boolean column: whether the row has a pair (with {@code nullAware},
 * SQL's IN: null for a null key over a non-empty build side, and for no match when the build side has a null
 * key).</li>
 * </ul>
 */
public final class LookupJoinOperator
        implements Operator
{
    static final int BATCH = 8192;

    public enum JoinKind
    {
        INNER,
        PROBE_OUTER,
        FULL_OUTER,
        SEMI,
    }

    private final OperatorContext operatorContext;
    private final JoinKind kind;
    private final int[] probeKeyChannels;
    private final List<Type> probeTypes;
    private final List<BlockEvaluator> filter;
    private final boolean nullAware;
    private final boolean singleMatch;
    private final JoinBridge bridge;
    // completes (normally, even when the build failed: that fails the task on its own) once the table is built
    private final CompletableFuture<Void> whenBuilt;

    private JoinHash hash;
    private boolean[] buildMatched;
    private boolean finishing;
    private boolean buildOuterDone;
    private int nextUnmatchedBuildRow;

    // the page being probed
    private Page probe;
    private Block[] probeKeys;
    private long[] probeHashes = new long[0];
    private boolean[] probeNullKey = new boolean[0];
    private boolean[] probeMatched = new boolean[0];
    private int probePosition;
    private int chainRow = -1;
    private boolean chainStarted;
    private boolean probeDone;

    private final int[] pairProbe = new int[BATCH];
    private final int[] pairBuild = new int[BATCH];

    LookupJoinOperator(OperatorContext operatorContext, JoinKind kind, int[] probeKeyChannels, List<Type> probeTypes, List<BlockEvaluator> filter,
            boolean nullAware, boolean singleMatch, JoinBridge bridge)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.probeKeyChannels = probeKeyChannels.clone();
        this.probeTypes = List.copyOf(requireNonNull(probeTypes, "probeTypes is null"));
        this.filter = List.copyOf(requireNonNull(filter, "filter is null"));
        this.nullAware = nullAware;
        this.singleMatch = singleMatch;
        this.bridge = requireNonNull(bridge, "bridge is null");
        this.whenBuilt = bridge.whenBuilt().handle((table, failure) -> null);
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public CompletableFuture<Void> isBlocked()
    {
        return built() ? NOT_BLOCKED : whenBuilt;
    }

    /** Whether the table is there (taking it from the bridge the first time it is). */
    private boolean built()
    {
        if (hash == null) {
            CompletableFuture<JoinHash> table = bridge.whenBuilt();
            if (!table.isDone() || table.isCompletedExceptionally()) {
                return false;
            }
            hash = table.join();
            if (kind == JoinKind.FULL_OUTER) {
                buildMatched = new boolean[hash.rowCount()];
            }
        }
        return true;
    }

    @Override
    public boolean needsInput()
    {
        return !finishing && probe == null && built();
    }

    @Override
    public void addInput(Page page)
    {
        probe = page;
        int positions = page.positionCount();
        if (probeHashes.length < positions) {
            probeHashes = new long[positions];
            probeNullKey = new boolean[positions];
            probeMatched = new boolean[positions];
        }
        Arrays.fill(probeMatched, 0, positions, false);
        probeKeys = new Block[probeKeyChannels.length];
        for (int i = 0; i < probeKeys.length; i++) {
            probeKeys[i] = page.getBlock(probeKeyChannels[i]);
        }
        JoinHash.hashKeys(probeKeys, positions, probeHashes, probeNullKey);
        probePosition = 0;
        chainStarted = false;
        probeDone = false;
    }

    @Override
    public Page getOutput()
    {
        if (!built()) {
            return null;
        }
        if (probe == null) {
            if (finishing && kind == JoinKind.FULL_OUTER && !buildOuterDone) {
                return unmatchedBuildRows();
            }
            return null;
        }
        while (!probeDone) {
            int count = nextCandidates();
            count = hash.keepEqualKeys(probeKeys, pairProbe, pairBuild, count);
            count = applyFilter(count);
            if (singleMatch) {
                checkSingleMatches(count);
            }
            for (int i = 0; i < count; i++) {
                probeMatched[pairProbe[i]] = true;
            }
            if (buildMatched != null) {
                for (int i = 0; i < count; i++) {
                    buildMatched[pairBuild[i]] = true;
                }
            }
            if (kind != JoinKind.SEMI && count > 0) {
                return pairPage(count);
            }
        }
        Page output = switch (kind) {
            case SEMI -> markProbe();
            case PROBE_OUTER, FULL_OUTER -> unmatchedProbeRows();
            case INNER -> null;
        };
        probe = null;
        probeKeys = null;
        return output;
    }

    /** The pairs come in probe order: a probe row in two pairs, or in one after an earlier batch's, matched twice. */
    private void checkSingleMatches(int count)
    {
        for (int i = 0; i < count; i++) {
            if (probeMatched[pairProbe[i]] || (i > 0 && pairProbe[i] == pairProbe[i - 1])) {
                throw new StrataException(ErrorCode.SUBQUERY_MULTIPLE_ROWS, "Scalar sub-query has returned multiple rows");
            }
        }
    }

    /** Fills the pair arrays with up to {@link #BATCH} pairs whose hashes are equal; sets {@link #probeDone} at the page's end. */
    private int nextCandidates()
    {
        int count = 0;
        int positions = probe.positionCount();
        while (probePosition < positions && count < BATCH) {
            if (!chainStarted) {
                chainRow = probeNullKey[probePosition] ? -1 : hash.firstRow(probeHashes[probePosition]);
                chainStarted = true;
            }
            long probeHash = probeHashes[probePosition];
            while (chainRow >= 0 && count < BATCH) {
                pairProbe[count] = probePosition;
                pairBuild[count] = chainRow;
                count += hash.hash(chainRow) == probeHash ? 1 : 0;
                chainRow = hash.nextRow(chainRow);
            }
            if (chainRow < 0) {
                probePosition++;
                chainStarted = false;
            }
        }
        probeDone = probePosition >= positions;
        return count;
    }

    /** Keeps the pairs for which the join filter is true. */
    private int applyFilter(int count)
    {
        if (filter.isEmpty() || count == 0) {
            return count;
        }
        EvaluationContext context = new EvaluationContext(pairPage(count));
        SelectedPositions selected = SelectedPositions.positionsRange(0, count);
        for (BlockEvaluator conjunct : filter) {
            if (selected.isEmpty()) {
                return 0;
            }
            ByteArrayBlock result = (ByteArrayBlock) conjunct.evaluate(context, selected);
            byte[] values = result.rawValues();
            boolean[] nulls = result.rawNulls();
            int[] kept = new int[selected.size()];
            int keptCount = 0;
            for (int i = 0; i < selected.size(); i++) {
                kept[keptCount] = selected.position(i);
                keptCount += values[i] != 0 && (nulls == null || !nulls[i]) ? 1 : 0;
            }
            selected = SelectedPositions.positionsList(kept, keptCount);
        }
        int kept = selected.size();
        for (int i = 0; i < kept; i++) {
            int index = selected.position(i);
            pairProbe[i] = pairProbe[index];
            pairBuild[i] = pairBuild[index];
        }
        return kept;
    }

    /** Probe columns then build columns of the pairs. */
    private Page pairPage(int count)
    {
        Page build = hash.page();
        Block[] blocks = new Block[probe.channelCount() + build.channelCount()];
        for (int channel = 0; channel < probe.channelCount(); channel++) {
            blocks[channel] = probe.getBlock(channel).copyPositions(pairProbe, 0, count);
        }
        for (int channel = 0; channel < build.channelCount(); channel++) {
            blocks[probe.channelCount() + channel] = build.getBlock(channel).copyPositions(pairBuild, 0, count);
        }
        return new Page(count, blocks);
    }

    private Page unmatchedProbeRows()
    {
        int positions = probe.positionCount();
        int[] unmatched = new int[positions];
        int count = 0;
        for (int position = 0; position < positions; position++) {
            unmatched[count] = position;
            count += probeMatched[position] ? 0 : 1;
        }
        if (count == 0) {
            return null;
        }
        List<Type> buildTypes = hash.types();
        Block[] blocks = new Block[probe.channelCount() + buildTypes.size()];
        for (int channel = 0; channel < probe.channelCount(); channel++) {
            blocks[channel] = count == positions ? probe.getBlock(channel) : probe.getBlock(channel).copyPositions(unmatched, 0, count);
        }
        for (int channel = 0; channel < buildTypes.size(); channel++) {
            blocks[probe.channelCount() + channel] = Blocks.nullBlock(buildTypes.get(channel), count);
        }
        return new Page(count, blocks);
    }

    private Page markProbe()
    {
        int positions = probe.positionCount();
        byte[] marks = new byte[positions];
        boolean[] nulls = null;
        boolean buildEmpty = hash.rowCount() == 0;
        for (int position = 0; position < positions; position++) {
            marks[position] = (byte) (probeMatched[position] ? 1 : 0);
        }
        if (nullAware && !buildEmpty) {
            nulls = new boolean[positions];
            boolean buildHasNull = hash.hasNullKey();
            for (int position = 0; position < positions; position++) {
                nulls[position] = !probeMatched[position] && (probeNullKey[position] || buildHasNull);
            }
        }
        return probe.appendColumn(new ByteArrayBlock(positions, nulls, marks));
    }

    private Page unmatchedBuildRows()
    {
        int rows = hash.rowCount();
        int[] unmatched = new int[Math.min(BATCH, Math.max(0, rows - nextUnmatchedBuildRow))];
        int count = 0;
        while (nextUnmatchedBuildRow < rows && count < unmatched.length) {
            unmatched[count] = nextUnmatchedBuildRow;
            count += buildMatched[nextUnmatchedBuildRow] ? 0 : 1;
            nextUnmatchedBuildRow++;
        }
        if (nextUnmatchedBuildRow >= rows) {
            buildOuterDone = true;
        }
        if (count == 0) {
            return null;
        }
        Page build = hash.page();
        Block[] blocks = new Block[probeTypes.size() + build.channelCount()];
        for (int channel = 0; channel < probeTypes.size(); channel++) {
            blocks[channel] = Blocks.nullBlock(probeTypes.get(channel), count);
        }
        for (int channel = 0; channel < build.channelCount(); channel++) {
            blocks[probeTypes.size() + channel] = build.getBlock(channel).copyPositions(unmatched, 0, count);
        }
        return new Page(count, blocks);
    }

    @Override
    public void finish()
    {
        finishing = true;
    }

    @Override
    public boolean isFinished()
    {
        if (hash == null) {
            return false;
        }
        if (kind == JoinKind.INNER && hash.rowCount() == 0) {
            // nothing can match: the probe side need not be read any further
            return true;
        }
        return finishing && probe == null && (kind != JoinKind.FULL_OUTER || buildOuterDone);
    }

    @Override
    public void close()
    {
        bridge.probeClosed();
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final JoinKind kind;
        private final int[] probeKeyChannels;
        private final List<Type> probeTypes;
        private final List<BlockEvaluator> filter;
        private final boolean nullAware;
        private final boolean singleMatch;
        private final JoinBridge bridge;

        /**
         * @param probeTypes the types of the probe pages' channels
         * @param filter the join filter's conjuncts over a page of the probe channels followed by the build channels
         * @param singleMatch whether a probe row matching several build rows is an error ({@code SUBQUERY_MULTIPLE_ROWS})
         */
        public Factory(int operatorId, PlanNodeId planNodeId, JoinKind kind, int[] probeKeyChannels, List<Type> probeTypes, List<BlockEvaluator> filter,
                boolean nullAware, boolean singleMatch, JoinBridge bridge)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.kind = requireNonNull(kind, "kind is null");
            this.probeKeyChannels = probeKeyChannels.clone();
            this.probeTypes = List.copyOf(requireNonNull(probeTypes, "probeTypes is null"));
            this.filter = List.copyOf(requireNonNull(filter, "filter is null"));
            this.nullAware = nullAware;
            this.singleMatch = singleMatch;
            this.bridge = requireNonNull(bridge, "bridge is null");
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            bridge.probeCreated();
            return new LookupJoinOperator(driverContext.addOperatorContext(operatorId, planNodeId, LookupJoinOperator.class.getSimpleName()),
                    kind, probeKeyChannels, probeTypes, filter, nullAware, singleMatch, bridge);
        }

        @Override
        public void noMoreOperators()
        {
            bridge.noMoreProbes();
        }
    }
}

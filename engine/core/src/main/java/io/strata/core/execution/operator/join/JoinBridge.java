package io.strata.core.execution.operator.join;

import io.strata.core.execution.memory.LocalMemoryContext;
import io.strata.spi.block.Page;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * Hands the build side of one join from its builders to its probes: each {@link HashBuilderOperator} (one per
 * driver of the build pipeline) adds the pages it collected when it finishes; once the build pipeline makes no
 * more drivers and the last builder finished, the thread that saw that builds the {@link JoinHash} and completes
 * {@link #whenBuilt()}, on which the probe operators wait. The table's memory is reserved in the query's memory
 * until the last probe operator closes. Thread-safe.
 */
public final class JoinBridge
{
    private final List<Type> types;
    private final int[] keyChannels;
    private final CompletableFuture<JoinHash> built = new CompletableFuture<>();

    // guarded by this
    private final List<Page> pages = new ArrayList<>();
    // guarded by this
    private int openBuilders;
    // guarded by this
    private boolean noMoreBuilders;
    // guarded by this
    private boolean building;
    // guarded by this
    private LocalMemoryContext memory;
    // guarded by this
    private int openProbes;
    // guarded by this
    private boolean noMoreProbes;

    public JoinBridge(List<Type> types, int[] keyChannels)
    {
        this.types = List.copyOf(requireNonNull(types, "types is null"));
        this.keyChannels = keyChannels.clone();
    }

    public List<Type> types()
    {
        return types;
    }

    /** Completes with the table once every builder finished. */
    public CompletableFuture<JoinHash> whenBuilt()
    {
        return built;
    }

    synchronized void builderCreated(LocalMemoryContext queryMemory)
    {
        if (noMoreBuilders) {
            throw new IllegalStateException("builder added after no more builders");
        }
        openBuilders++;
        if (memory == null) {
            memory = queryMemory;
        }
    }

    /** A builder finished with these pages. */
    void builderFinished(List<Page> builderPages)
    {
        synchronized (this) {
            pages.addAll(builderPages);
            openBuilders--;
        }
        buildIfComplete();
    }

    void noMoreBuilders()
    {
        synchronized (this) {
            noMoreBuilders = true;
        }
        buildIfComplete();
    }

    private void buildIfComplete()
    {
        List<Page> input;
        LocalMemoryContext reservation;
        synchronized (this) {
            if (building || !noMoreBuilders || openBuilders > 0) {
                return;
            }
            building = true;
            input = List.copyOf(pages);
            pages.clear();
            reservation = memory;
        }
        try {
            JoinHash hash = JoinHash.create(input, types, keyChannels);
            if (reservation != null) {
                reservation.setBytes(hash.retainedSizeInBytes());
            }
            built.complete(hash);
        }
        catch (RuntimeException | Error e) {
            built.completeExceptionally(e);
            throw e;
        }
    }

    synchronized void probeCreated()
    {
        openProbes++;
    }

    void probeClosed()
    {
        synchronized (this) {
            openProbes--;
            releaseIfDone();
        }
    }

    void noMoreProbes()
    {
        synchronized (this) {
            noMoreProbes = true;
            releaseIfDone();
        }
    }

    // guarded by this
    private void releaseIfDone()
    {
        if (noMoreProbes && openProbes == 0 && memory != null && built.isDone()) {
            memory.close();
        }
    }
}

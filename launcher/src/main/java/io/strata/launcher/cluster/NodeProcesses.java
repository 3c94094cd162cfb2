package io.strata.launcher.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Stopping node processes and reading their logs. A process is stopped with SIGTERM (the node's shutdown
 * hook closes it cleanly), then SIGKILL if it has not exited within the grace period.
 */
final class NodeProcesses
{
    static final String MAIN_CLASS = "io.strata.launcher.Main";
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private NodeProcesses() {}

    /**
     * The process with this pid, if it is alive and, as far as the operating system tells, a Strata node
     * started from {@code etcDirectory}: a pid reused by an unrelated process since is left alone.
     */
    static Optional<ProcessHandle> findNode(long pid, Path etcDirectory)
    {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> commandLine = handle.get().info().commandLine();
        if (commandLine.isPresent() && !(commandLine.get().contains(MAIN_CLASS) && commandLine.get().contains(etcDirectory.toString()))) {
            return Optional.empty();
        }
        return handle;
    }

    /**
     * Stops all the processes at once, each within {@code gracePeriod} of SIGTERM or else killed.
     *
     * @return the processes that were still alive after SIGKILL (normally none)
     */
    static List<ProcessHandle> stop(List<ProcessHandle> processes, Duration gracePeriod)
    {
        for (ProcessHandle process : processes) {
            process.destroy();
        }
        List<ProcessHandle> stubborn = waitForExit(processes, gracePeriod);
        for (ProcessHandle process : stubborn) {
            process.destroyForcibly();
        }
        return waitForExit(stubborn, KILL_WAIT);
    }

    private static List<ProcessHandle> waitForExit(List<ProcessHandle> processes, Duration timeout)
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> alive = new ArrayList<>();
        for (ProcessHandle process : processes) {
            CompletableFuture<ProcessHandle> exit = process.onExit();
            try {
                exit.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            catch (TimeoutException e) {
                alive.add(process);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                alive.add(process);
            }
            catch (ExecutionException e) {
                if (process.isAlive()) {
                    alive.add(process);
                }
            }
        }
        return alive;
    }

    /** The last {@code lines} lines of a log file, or a note that there is none. */
    static String tail(Path file, int lines)
    {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length();
            int window = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[window];
            log.seek(length - window);
            log.readFully(bytes);
            String text = new String(bytes, UTF_8);
            String[] all = text.split("\n", -1);
            int end = all.length;
            if (end > 0 && all[end - 1].isEmpty()) {
                end--;
            }
            int start = Math.max(0, end - lines);
            StringBuilder tail = new StringBuilder();
            for (int index = start; index < end; index++) {
                tail.append(all[index]).append('\n');
            }
            return tail.length() == 0 ? "(the log " + file + " is empty)\n" : tail.toString();
        }
        catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}

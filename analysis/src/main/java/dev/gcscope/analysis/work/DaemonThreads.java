package dev.gcscope.analysis.work;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads ({@code prefix} + 1, 2, …): a thread dump says whose they are, and none of
 * them keeps the JVM alive after the window closes or the command has printed its answer. Every
 * thread gcscope starts comes from one of these.
 */
public final class DaemonThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger next = new AtomicInteger(1);

    /** @param prefix e.g. {@code "gcscope-worker-"} */
    public DaemonThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + next.getAndIncrement());
        t.setDaemon(true);
        return t;
    }
}

package dev.gcscope.analysis.work;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A cancel flag for tests: says "cancelled" from its {@code n}-th poll on and counts the polls, so
 * a test can cancel a computation in the middle of its loop, deterministically, and see how soon
 * it stopped.
 */
public final class CancelAfter implements BooleanSupplier {
    private final int n;
    private final AtomicInteger polls = new AtomicInteger();

    public CancelAfter(int n) {
        this.n = n;
    }

    /** Never cancelled: only counts, to learn how often a whole computation polls. */
    public static CancelAfter never() {
        return new CancelAfter(Integer.MAX_VALUE);
    }

    @Override
    public boolean getAsBoolean() {
        return polls.incrementAndGet() >= n;
    }

    public int polls() {
        return polls.get();
    }
}

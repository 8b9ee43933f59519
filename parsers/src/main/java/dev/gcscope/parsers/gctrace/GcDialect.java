package dev.gcscope.parsers.gctrace;

/**
 * The gc line layouts Go has printed, with the releases each implies (../shared/formats.md §1.3).
 * The labels are what the parse result's {@code dialects} attribute lists.
 */
public enum GcDialect {
    /** {@code gc13(2): 0+0+0 ms, 0 -> 0 MB 4 -> 4 (14-10) objects, …} (Go 1.0–1.2: runtime/mgc0.c printf). */
    GO1_0_TO_1_2("go1.0-1.2", "1.0", "1.2"),
    /** {@code gc6(5): 0+0+0+1000 us, 0 -> 0 MB, 2118 (2655-537) objects, …} (Go 1.3–1.4). */
    GO1_3_TO_1_4("go1.3-1.4", "1.3", "1.4"),
    /** Five clock phases: {@code gc 59 @5.182s 0%: 0.092+0+0+0+6.8 ms clock, …} (Go 1.5). */
    GO1_5("go1.5", "1.5", "1.5"),
    /** Three clock phases, no stacks/globals (Go 1.6–1.17). */
    GO1_6_TO_1_17("go1.6-1.17", "1.6", "1.17"),
    /** {@code # MB stacks, # MB globals} (Go 1.18 and later). */
    GO1_18_PLUS("go1.18+", "1.18", null),
    /** {@code (checking for goroutine leaks)} after the percent sign (Go 1.26 and later). */
    GO1_26_PLUS("go1.26+", "1.26", null);

    private final String label;
    private final String firstRelease;
    private final String lastRelease;

    GcDialect(String label, String firstRelease, String lastRelease) {
        this.label = label;
        this.firstRelease = firstRelease;
        this.lastRelease = lastRelease;
    }

    public String label() { return label; }
    public String firstRelease() { return firstRelease; }
    /** Last release printing this layout, or {@code null} when current. */
    public String lastRelease() { return lastRelease; }
}

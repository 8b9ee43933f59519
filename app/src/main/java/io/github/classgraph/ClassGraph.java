package io.github.classgraph;

/** Tablesaw's class-path scan, answered with nothing; see package-info for why. */
public class ClassGraph {
    public ClassGraph enableAllInfo() {
        return this;
    }

    public ClassGraph whitelistPackages(String... packageNames) {
        return this;
    }

    public ClassGraph acceptPackages(String... packageNames) {
        return this;
    }

    public ScanResult scan() {
        return new ScanResult();
    }
}

package io.github.classgraph;

/** An empty scan result; see package-info for why. */
public class ScanResult implements AutoCloseable {
    public ClassInfoList getClassesImplementing(String interfaceName) {
        return new ClassInfoList();
    }

    @Override
    public void close() {
        // nothing was opened
    }
}

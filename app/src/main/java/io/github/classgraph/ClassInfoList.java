package io.github.classgraph;

import java.util.List;

/** An empty class list; see package-info for why. */
public class ClassInfoList {
    public List<String> getNames() {
        return List.of();
    }
}

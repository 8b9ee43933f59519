/**
 * A stand-in for the three ClassGraph types Tablesaw uses, and nothing else.
 *
 * <p>Why: Tablesaw 0.44.4's {@code Table} static initialiser runs
 * {@code new ClassGraph().enableAllInfo().whitelistPackages("tech.tablesaw.io").scan()} to
 * auto-register its file readers and writers. That scan of the whole class path costs ~0.5 s of CPU
 * on these machines on every start — half of a {@code gcscope summary} run — and Tablesaw has no
 * switch to turn it off. gcscope uses none of those readers or writers (it parses traces itself and
 * writes its CSV with {@code CsvTableWriter}), so this scan may find nothing. The real ClassGraph is
 * excluded from the build (see the tablesaw-core exclusion in the parent pom), and
 * {@code TablesawStartupTest} checks that nothing else needs it. Only {@code tech.tablesaw.api.Table}
 * references ClassGraph in everything gcscope ships.
 */
package io.github.classgraph;

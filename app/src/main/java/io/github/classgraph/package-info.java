/**
 * A stand-in for the three ClassGraph types Tablesaw uses, and nothing else, for the application
 * only.
 *
 * <p>Why: Tablesaw 0.44.4's {@code Table} static initialiser runs
 * {@code new ClassGraph().enableAllInfo().whitelistPackages("tech.tablesaw.io").scan()} to
 * auto-register its file readers and writers. That scan of the whole class path costs ~0.5 s of CPU
 * on these machines on every start — half of a {@code gcscope summary} run — and Tablesaw has no
 * switch to turn it off. gcscope uses none of those readers or writers (it parses traces itself and
 * writes its CSV with {@code CsvTableWriter}), so this scan may find nothing.
 *
 * <p>Why here and not in the parsers library: a library that ships another project's package puts
 * whoever also has the real ClassGraph at the mercy of the class-path order. The parsers and analysis
 * modules keep Tablesaw's real dependency; only the application, which owns its class path and its
 * jar, drops it (the tablesaw-core exclusions in app/pom.xml), and the enforcer's bannedDependencies
 * rule there fails the build if the real ClassGraph ever arrives by another path.
 * {@code dev.gcscope.dist.TablesawStartupTest} checks that the parts of Tablesaw gcscope uses work
 * without it.
 */
package io.github.classgraph;

package dev.gcscope.parsers.fuzz;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite's short fuzzing run: a fixed number of mutants of every fuzzer seed, made by the kinds of
 * damage log collectors and people do (a byte flipped, a line cut or doubled, lines swapped, a digit
 * changed, a minus sign, text spliced from another format: {@link Mutants}), each checked against
 * {@link ParseInvariants} as given format and as detected. Not coverage-guided like
 * {@link ParserFuzzTest}'s long runs, but deterministic (seeded) and quick, so a regression in the
 * parsers' handling of damage fails the suite on every run.
 */
class MutantInvariantsTest {
    /** Mutants per seed: ~125 seeds × 12 × 4 parses stays within a few seconds. */
    private static final int MUTANTS_PER_SEED = 12;

    static Stream<Arguments> seeds() {
        return FuzzSeeds.byMethod().entrySet().stream().flatMap(m -> m.getValue().entrySet().stream()
                .map(s -> Arguments.of(m.getKey() + "/" + s.getKey(), formatOf(m.getKey()), s.getValue())));
    }

    private static String formatOf(String method) {
        for (String f : List.of("gctrace", "perf-sched-latency", "perf-sched-timehist", "prometheus", "metrics-json",
                "prometheus-range", "cgroup-cpu-stat")) {
            if (method.equals(ParserFuzzTest.methodFor(f))) return f;
        }
        throw new IllegalArgumentException(method);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void mutantsOfASeedKeepEveryInvariant(String name, String format, byte[] seed) {
        Random random = new Random(name.hashCode());
        for (int i = 0; i < MUTANTS_PER_SEED; i++) {
            byte[] mutant = Mutants.mutate(seed, random);
            ParseInvariants.check(format, mutant);
            ParseInvariants.check(null, mutant);
        }
    }
}

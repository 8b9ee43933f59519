package dev.gcscope.cli;

import dev.gcscope.build.BuildVersion;
import dev.gcscope.preinit.BackgroundPreinitializer;
import dev.gcscope.format.FormatSupports;
import dev.gcscope.parsers.TraceLoader;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The headless commands behind {@code gcscope <command>}: {@code summary}, {@code export}, {@code help}.
 * Nothing here touches JavaFX, so the commands run on machines without a display or a JavaFX runtime.
 *
 * <p>Every failure ends as one line on stderr starting with {@code gcscope: } and an
 * {@link ExitStatus}: picocli's parameter and execution exception handlers are replaced, so no stack
 * trace reaches a user unless {@code GCSCOPE_DEBUG=1}.
 */
public final class GcscopeCli {
    /** The subcommands, for {@link #isCliInvocation}; a test checks it against the command tree. */
    static final Set<String> COMMANDS = Set.of("summary", "export", "compare", "report", "diagnose", "help");

    /** The commands that parse and analyse traces, for which preloading their classes pays. */
    private static final Set<String> READS_TRACES = Set.of("summary", "export", "compare", "report", "diagnose");

    /**
     * {@code -Dgcscope.cli.preinit=true}: a {@link BackgroundPreinitializer} beside a command that
     * reads traces, parsing a made-up trace (and its regimes) on a second thread to load the classes
     * a summary needs while the first reads the command line. Off by default: the main thread starts
     * on the real file within milliseconds and needs the same classes at once, so it mostly waits
     * for the other thread's loading, and the made-up parse is CPU taken from the real one (a summary
     * of a 742-line file: User+Sys 1.12 s with it, 1.00 s without, on a loaded 2-core machine; with a
     * class-data archive, as the packaged launcher has, it only costs).
     */
    static final String PREINIT_PROPERTY = "gcscope.cli.preinit";

    private final PrintStream stdout;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ErrorReporter errors;
    private final StdoutWatch watch;
    /** Null for {@link TraceLoader#standard()}, made when a command first reads a file. */
    private final TraceLoader loader;
    private final InputStream stdin;
    /** Made on first use: {@code --version} needs none of the parsers and formats it loads. */
    private CliContext context;

    /**
     * @param out where results go (text, JSON, CSV for {@code --csv -}), written as UTF-8
     * @param err where messages go
     * @param debug print stack traces after the one-line messages
     */
    public GcscopeCli(PrintStream out, PrintStream err, boolean debug) {
        this(out, err, debug, null);
    }

    GcscopeCli(PrintStream out, PrintStream err, boolean debug, TraceLoader loader) {
        this(out, err, debug, loader, System.in);
    }

    /** @param stdin what the FILE {@code -} reads */
    GcscopeCli(PrintStream out, PrintStream err, boolean debug, TraceLoader loader, InputStream stdin) {
        this(out, err, debug, loader, stdin, null);
    }

    /**
     * @param loader the parsers, or null for {@link TraceLoader#standard()}
     * @param watch what {@code out} writes through, to tell a closed pipe from a failed write; or null */
    GcscopeCli(PrintStream out, PrintStream err, boolean debug, TraceLoader loader, InputStream stdin, StdoutWatch watch) {
        this.watch = watch;
        this.stdout = out;
        // UTF-8 whatever the platform default: --json and --csv output is UTF-8 by contract, and
        // Java 17 would otherwise encode for the locale (ASCII under LANG=C).
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        this.errors = new ErrorReporter(this.err, debug);
        this.loader = loader;
        this.stdin = stdin;
    }

    private CliContext context() {
        if (context == null) {
            context = new CliContext(new TraceInputs(loader != null ? loader : TraceLoader.standard(), stdin, errors::note),
                    FormatSupports.standard(), errors, this::readerGone);
        }
        return context;
    }

    /** True when {@code firstArg} names a subcommand or a global option (so no window opens). */
    public static boolean isCliInvocation(String firstArg) {
        return COMMANDS.contains(firstArg) || firstArg.startsWith("-");
    }

    /** Runs the command line on the process's stdout and stderr; returns the process exit status. */
    public static int run(String[] args) {
        if (args.length > 0 && READS_TRACES.contains(args[0]) && Boolean.getBoolean(PREINIT_PROPERTY)) {
            BackgroundPreinitializer.start();
        }
        String debug = System.getenv(ErrorReporter.DEBUG_VARIABLE);
        StdoutWatch watch = new StdoutWatch(new FileOutputStream(FileDescriptor.out));
        PrintStream stdout = new PrintStream(new BufferedOutputStream(watch, 8192), false);
        System.setOut(stdout); // the colour scheme asks whether output goes to System.out
        return new GcscopeCli(stdout, System.err, "1".equals(debug) || "true".equalsIgnoreCase(debug), null, System.in, watch)
                .execute(args);
    }

    /** Runs one command line; returns its exit status. */
    public int execute(String... args) {
        int status;
        try {
            Integer plain = isVersionRequest(args) ? Integer.valueOf(printVersion()) : plainSummary(args);
            status = plain != null ? plain : commandLine(args.length > 0 && READS_TRACES.contains(args[0]) ? args[0] : null).execute(args);
        } catch (RuntimeException | Error e) {
            // Errors (out of memory, a missing class) pass picocli's handlers; they still get one line.
            status = errors.report(e);
        } finally {
            out.flush();
            err.flush();
        }
        // PrintStream and PrintWriter keep write errors to themselves: output lost to a full disk
        // behind a redirect (> /dev/full) must not pass as success.
        boolean failed = out.checkError() || stdout.checkError();
        if (failed && readerGone()) {
            // | head has what it wanted: end as a program SIGPIPE ended, without a word.
            return ExitStatus.BROKEN_PIPE;
        }
        if (failed && status == ExitStatus.OK) {
            status = errors.input("standard output: cannot be written (disk full, or closed early)");
        }
        return status;
    }

    /** Whether standard output's reader has gone away (a closed pipe), so there is no point in writing on. */
    boolean readerGone() {
        return watch != null && watch.readerGone();
    }

    /**
     * {@code gcscope --version} (or {@code -V}) alone: answered as picocli answers it, without
     * building picocli's model of the root command, which loads ~180 picocli classes and reads
     * every command's annotations (--version: User+Sys 0.61 s, 0.20 s without, on the loaded 2-core
     * machine). With any other argument picocli reads the command line as before.
     */
    static boolean isVersionRequest(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    private int printVersion() {
        for (String line : BuildVersion.lines()) out.println(line);
        out.flush();
        return ExitStatus.OK;
    }

    /** {@link SummaryRun#plain}, its failures handled as picocli's execution handler handles them; null if picocli must parse. */
    private Integer plainSummary(String[] args) {
        if (args.length == 0 || !args[0].equals("summary")) return null; // no context needed to say so
        try {
            return SummaryRun.plain(context(), out, args);
        } catch (Exception e) {
            return errors.report(e);
        }
    }

    CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * @param only the one subcommand to build, or null for all: picocli builds each command's model
     *             by reflection over its annotations (all five: 0.15-0.18 s of CPU without the
     *             class-data archive), start-up a {@code summary} would spend on commands it does
     *             not run. The help and the usage errors of the command run are the same either
     *             way; {@code help} and {@code --help} get all.
     */
    private CommandLine commandLine(String only) {
        CliContext context = context();
        CommandLine cmd = new CommandLine(new RootCommand());
        if (only == null || only.equals("summary")) cmd.addSubcommand("summary", new SummaryCommand(context));
        if (only == null || only.equals("export")) cmd.addSubcommand("export", new ExportCommand(context));
        if (only == null || only.equals("compare")) cmd.addSubcommand("compare", new CompareCommand(context));
        if (only == null || only.equals("report")) cmd.addSubcommand("report", new ReportCommand(context));
        if (only == null || only.equals("diagnose")) cmd.addSubcommand("diagnose", new DiagnoseCommand(context));
        if (only == null) cmd.addSubcommand("help", new CommandLine.HelpCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setColorScheme(Help.defaultColorScheme(stdout == System.out ? Help.Ansi.AUTO : Help.Ansi.OFF));
        // A trace file may well be called @something; picocli would read it as an argument file.
        cmd.setExpandAtFiles(false);
        cmd.setParameterExceptionHandler((ex, args) -> errors.usage(ex.getMessage(), commandName(ex.getCommandLine())));
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> errors.report(ex));
        return cmd;
    }

    private static String commandName(CommandLine commandLine) {
        return commandLine == null || commandLine.getParent() == null ? "" : commandLine.getCommandName();
    }

    @Command(name = "gcscope", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
            versionProvider = VersionProvider.class, synopsisSubcommandLabel = "COMMAND",
            description = {
                "Viewer for Go garbage-collector traces (GODEBUG=gctrace=1 output).",
                "With a command it runs headless; without one (or with only files) it opens the desktop app.",
            },
            commandListHeading = "%nCommands:%n",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {
                "0:success",
                "1:an input could not be read or recognised, or the output could not be written",
                "2:usage error: unknown option, missing argument, unknown --format",
                "3:internal error, a bug in gcscope (GCSCOPE_DEBUG=1 prints the stack trace)",
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  gcscope summary gc.log",
                "  gcscope summary --json gc.log other.log.gz",
                "  gcscope export --csv cycles.csv gc.log",
                "  gcscope compare go1.21.log go1.24.log",
                "  gcscope report gc.log",
                "  gcscope diagnose gc.log timehist.txt metrics.jsonl cpu-stat.log",
                "  gcscope help summary",
            })
    static final class RootCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "missing command: summary, export or help");
        }
    }
}
